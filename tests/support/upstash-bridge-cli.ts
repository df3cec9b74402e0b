import { startUpstashBridge } from "./upstash-bridge";

// Standalone bridge for dev/CI: `npx tsx tests/support/upstash-bridge-cli.ts`.
// Env: REDIS_URL (default redis://127.0.0.1:6379), UPSTASH_BRIDGE_PORT (default 8079),
// UPSTASH_REDIS_REST_TOKEN (required: the app must send the same one).
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const port = Number(process.env.UPSTASH_BRIDGE_PORT || 8079);
const token = process.env.UPSTASH_REDIS_REST_TOKEN;

if (!token) {
  process.stderr.write("upstash-bridge: set UPSTASH_REDIS_REST_TOKEN\n");
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`upstash-bridge: bad UPSTASH_BRIDGE_PORT ${process.env.UPSTASH_BRIDGE_PORT}\n`);
  process.exit(1);
}

try {
  const bridge = await startUpstashBridge({ redisUrl, token, port });
  process.stdout.write(`upstash-bridge listening on ${bridge.url}\n`);
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    bridge.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`upstash-bridge: close failed: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
} catch (e) {
  process.stderr.write(`upstash-bridge: ${(e as Error).message}\n`);
  process.exit(1);
}
