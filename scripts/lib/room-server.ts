import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * Starts the room server (`wrangler dev -c party/wrangler.jsonc`) offline, in its own process
 * group, and stops it by killing that group (killing only wrangler's node process would leave
 * workerd holding the port). Used by the room tests' globalSetup, the dev script and e2e setup.
 */

export type RoomServerOptions = {
  secret: string;
  /** Defaults to a free port. */
  port?: number;
  /** Durable Object storage folder; defaults to a temporary folder removed on stop(). */
  persistTo?: string;
  /** Receives wrangler's output lines (by default they are kept only for error reports). */
  log?: (line: string) => void;
  /** How long to wait for /health. */
  readyTimeoutMs?: number;
  /**
   * "wrangler-dev" (default): `wrangler dev`, as development and the tests run it. "workerd": the
   * same Worker bundled once and served by workerd without wrangler's development proxy
   * (scripts/serve-rooms.ts), as the benchmark measures it.
   */
  engine?: "wrangler-dev" | "workerd";
};

export type RoomServer = {
  host: string;
  url: string;
  httpUrl: string;
  stop(): Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const WRANGLER_BIN = path.join(ROOT, "node_modules/.bin/wrangler");
const CONFIG = path.join(ROOT, "party/wrangler.jsonc");
const TSX_BIN = path.join(ROOT, "node_modules/.bin/tsx");
const SERVE_ROOMS = path.join(ROOT, "scripts/serve-rooms.ts");
const LOG_LINES_KEPT = 80;

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return check();
}

async function healthy(httpUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${httpUrl}/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function collectLines(child: ChildProcess, sink: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) sink(line);
    });
  }
}

export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const port = options.port ?? (await freePort());
  const inspectorPort = await freePort();
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "kontact-rooms-"));
  const home = path.join(tempDir, "home");
  const persistTo = options.persistTo ?? path.join(tempDir, "state");
  // The secret goes in a private env file rather than on the command line, where `ps` shows it.
  const envFile = path.join(tempDir, "room.env");
  await writeFile(envFile, `REALTIME_SECRET=${options.secret}\n`, { mode: 0o600 });
  await chmod(envFile, 0o600);

  const args = [
    "dev",
    ...["-c", CONFIG],
    ...["--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort)],
    ...["--env-file", envFile, "--persist-to", persistTo],
    "--show-interactive-dev-session=false",
  ];
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, ".config"),
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    NO_COLOR: "1",
  };
  const workerd = options.engine === "workerd";
  const child = spawn(
    workerd ? TSX_BIN : WRANGLER_BIN,
    workerd ? [SERVE_ROOMS] : args,
    {
      cwd: ROOT,
      detached: true, // its own process group, so stop() can reach workerd too
      stdio: ["ignore", "pipe", "pipe"],
      env: workerd ? { ...env, ROOMS_PORT: String(port), ROOMS_PERSIST: persistTo, REALTIME_SECRET: options.secret } : env,
    },
  );
  const pgid = child.pid;
  if (pgid === undefined) throw new Error("wrangler dev did not start");

  const recent: string[] = [];
  collectLines(child, (line) => {
    recent.push(line);
    if (recent.length > LOG_LINES_KEPT) recent.shift();
    options.log?.(line);
  });
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const killOnExit = () => signalGroup(pgid, "SIGKILL");
  process.on("exit", killOnExit);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      process.off("exit", killOnExit);
      signalGroup(pgid, "SIGTERM");
      if (!(await waitUntil(() => !groupAlive(pgid), 5_000))) {
        signalGroup(pgid, "SIGKILL");
        await waitUntil(() => !groupAlive(pgid), 5_000);
      }
      await rm(tempDir, { recursive: true, force: true });
    })();
    return stopped;
  };

  const host = `127.0.0.1:${port}`;
  const httpUrl = `http://${host}`;
  const ready = await waitUntil(async () => exited || (await healthy(httpUrl)), options.readyTimeoutMs ?? 60_000, 200);
  if (!ready || exited) {
    await stop();
    const why = exited ? "exited before it was ready" : "did not answer /health in time";
    throw new Error(`wrangler dev ${why}. Last output:\n${recent.join("\n")}`);
  }
  return { host, url: `ws://${host}`, httpUrl, stop };
}
