import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";

/**
 * A local server for Upstash's REST protocol in front of a real redis-server, so @upstash/redis
 * runs unchanged in tests and CI. Covers POST `/`, `/pipeline` and `/multi-exec`.
 */
export type UpstashBridge = { url: string; token: string; close(): Promise<void> };
export type UpstashBridgeOptions = { redisUrl: string; token: string; port?: number };

type Arg = string | number;
type Reply = { result: unknown } | { error: string };

const MAX_BODY = 10 * 1024 * 1024;

export async function startUpstashBridge(opts: UpstashBridgeOptions): Promise<UpstashBridge> {
  if (!opts.token) throw new Error("startUpstashBridge: token is required");
  // maxRetriesPerRequest 1: while Redis is down, requests fail with an error instead of hanging.
  const redis = new Redis(opts.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  // Without a listener ioredis prints connection errors itself; failed commands already reject.
  let lastError = "";
  redis.on("error", (e: Error) => {
    lastError = e.message;
  });
  try {
    await redis.connect();
  } catch (e) {
    redis.disconnect();
    throw new Error(`cannot reach Redis at ${opts.redisUrl}: ${lastError || (e as Error).message}`);
  }

  const server = createServer((req, res) => {
    handle(redis, opts.token, req, res).catch((e: unknown) => send(res, 500, { error: `ERR bridge: ${String(e)}` }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token: opts.token,
    async close() {
      server.closeAllConnections(); // keep-alive sockets from fetch would hold close() open
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

async function handle(redis: Redis, token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://bridge");
  if (!authorized(req, url, token)) return send(res, 401, { error: "Unauthorized" });
  if (req.method !== "POST") return send(res, 405, { error: "ERR only POST is supported" });
  const route = url.pathname.replace(/\/+$/, "") || "/";
  if (route !== "/" && route !== "/pipeline" && route !== "/multi-exec") {
    return send(res, 404, { error: `ERR unknown endpoint ${url.pathname}` });
  }

  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (e) {
    return send(res, 400, { error: `ERR invalid request body: ${(e as Error).message}` });
  }
  const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";

  if (route === "/") {
    const command = asCommand(body);
    if (typeof command === "string") return send(res, 400, { error: command });
    try {
      const [name, ...args] = command;
      return send(res, 200, { result: encode(await redis.callBuffer(name, ...args), base64) });
    } catch (e) {
      return send(res, 400, { error: (e as Error).message });
    }
  }

  const commands = asBatch(body);
  if (typeof commands === "string") return send(res, 400, { error: commands });
  const batch = route === "/pipeline" ? redis.pipeline() : redis.multi();
  for (const [name, ...args] of commands) batch.callBuffer(name, ...args);
  let results: [Error | null, unknown][] | null;
  try {
    results = await batch.exec();
  } catch (e) {
    // MULTI aborted (EXECABORT): report the queueing error, as a failed transaction runs nothing.
    const err = e as Error & { previousErrors?: Error[] };
    return send(res, 400, { error: err.previousErrors?.[0]?.message ?? err.message });
  }
  if (!results) return send(res, 400, { error: "ERR transaction aborted" });
  const replies: Reply[] = results.map(([err, value]) => (err ? { error: err.message } : { result: encode(value, base64) }));
  return send(res, 200, replies);
}

function authorized(req: IncomingMessage, url: URL, token: string): boolean {
  const header = req.headers.authorization ?? "";
  const given = header.startsWith("Bearer ") ? header.slice(7) : (url.searchParams.get("_token") ?? "");
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Returns the command with an upper-case name (that skips ioredis's reply transformers), or an error text. */
function asCommand(value: unknown): [string, ...Arg[]] | string {
  if (!Array.isArray(value) || value.length === 0) return "ERR command must be a non-empty JSON array";
  if (!value.every((v): v is Arg => typeof v === "string" || typeof v === "number")) {
    return "ERR command arguments must be strings or numbers";
  }
  const [name, ...args] = value as Arg[];
  return [String(name).toUpperCase(), ...args];
}

function asBatch(value: unknown): [string, ...Arg[]][] | string {
  if (!Array.isArray(value) || value.length === 0) return "ERR batch must be a non-empty JSON array of commands";
  const commands: [string, ...Arg[]][] = [];
  for (const item of value) {
    const command = asCommand(item);
    if (typeof command === "string") return command;
    commands.push(command);
  }
  return commands;
}

/** RESP2 reply to JSON: bulk/status strings (Buffers from callBuffer) base64 when asked, except "OK". */
function encode(value: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(value)) {
    const text = value.toString("utf8");
    return base64 && text !== "OK" ? value.toString("base64") : text;
  }
  if (typeof value === "string") return base64 && value !== "OK" ? Buffer.from(value).toString("base64") : value;
  if (Array.isArray(value)) return value.map((v) => encode(v, base64));
  if (value instanceof Error) return value.message;
  return value ?? null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}
