import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

/**
 * The room server as workerd runs it, without `wrangler dev`'s development proxy (the extra
 * workerd that buffers requests while code reloads): the Worker is bundled once by wrangler from
 * party/wrangler.jsonc and served by Miniflare with the options wrangler derives from that file.
 * Used by the rooms benchmark (scripts/lib/room-server.ts, engine "workerd").
 * Environment: ROOMS_PORT, ROOMS_PERSIST (Durable Object storage folder), REALTIME_SECRET.
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const CONFIG = path.join(ROOT, "party/wrangler.jsonc");
const port = Number(process.env.ROOMS_PORT);
const persist = process.env.ROOMS_PERSIST;
const secret = process.env.REALTIME_SECRET;
if (!port || !persist || !secret) {
  console.error("serve-rooms needs ROOMS_PORT, ROOMS_PERSIST and REALTIME_SECRET");
  process.exit(2);
}

// Inside the project: workerd refuses module paths that climb out of its starting folder.
mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
const outDir = mkdtempSync(path.join(ROOT, ".tmp", "rooms-bundle-"));
const bundled = spawnSync(path.join(ROOT, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", outDir, "-c", CONFIG], {
  cwd: ROOT,
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
});
if (bundled.status !== 0) {
  console.error("serve-rooms: bundling party/index.ts failed");
  process.exit(1);
}

const { workerOptions } = unstable_getMiniflareWorkerOptions(CONFIG);
const server = new Miniflare({
  ...workerOptions,
  name: "kontact-rooms",
  modules: true,
  scriptPath: path.join(outDir, "index.js"),
  bindings: { REALTIME_SECRET: secret },
  host: "127.0.0.1",
  port,
  durableObjectsPersist: persist,
});
await server.ready;
console.log(`Rooms served by workerd at ws://127.0.0.1:${port}`);

async function stop(): Promise<void> {
  await server.dispose().catch(() => {});
  rmSync(outDir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
