import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/scripts/lib/room-server";
import { sleep } from "./lib";

const ROOT = path.resolve(import.meta.dirname, "..");

export type NextServer = { baseUrl: string; stop(): Promise<void> };

/**
 * `next start` of the existing build against a bench's scratch database (`extraEnv`), in its own
 * process group so stopping it also stops the forked next-server; ready once `readyPath` answers 200.
 */
export async function startNext(extraEnv: Record<string, string>, readyPath: string): Promise<NextServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "kontact-bench-next-"));
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    detached: true, // own process group: stopping it also stops the forked next-server
    stdio: "ignore",
    env: {
      ...process.env,
      ...extraEnv,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      REALTIME_SECRET: randomBytes(32).toString("base64url"),
      KONTACT_DATA_DIR: dataDir,
      MEDIA_ROOT: path.join(dataDir, "media"),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      APP_URL: `http://127.0.0.1:${port}`,
    },
  });
  const pgid = child.pid!;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pgid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => kill("SIGKILL");
  process.on("exit", onExit);
  const stop = async () => {
    process.off("exit", onExit);
    kill("SIGTERM");
    await sleep(1_000);
    kill("SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}${readyPath}`, { signal: AbortSignal.timeout(20_000) }).then((r) => r.ok, () => false);
    if (ok) return { baseUrl, stop };
    await sleep(250);
  }
  await stop();
  throw new Error("next start did not answer within 60 s");
}
