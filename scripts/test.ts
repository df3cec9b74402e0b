import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./lib/room-server";

/**
 * `npm test`: unit, integration and room tests (vitest), then the browser and API tests
 * (Playwright) against the production build. With TEST_DATABASE_URL / TEST_REDIS_URL set,
 * the same suites run on real PostgreSQL and on Redis through the Upstash bridge.
 */
const bin = (name: string) => path.join("node_modules", ".bin", name);
const reportDir = path.resolve(".tmp", "test-reports");
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });
const vitestReport = path.join(reportDir, "vitest.json");
const playwrightReport = path.join(reportDir, "playwright.json");

/** Counts from both runners' JSON reports, for one closing line. */
function tally(): { passed: number; failed: number } {
  const read = (file: string) => {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const v = read(vitestReport) as { numPassedTests?: number; numFailedTests?: number };
  const p = read(playwrightReport) as { stats?: { expected?: number; unexpected?: number; flaky?: number } };
  return {
    passed: (v.numPassedTests ?? 0) + (p.stats?.expected ?? 0),
    failed: (v.numFailedTests ?? 0) + (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0),
  };
}

function summary(): void {
  const { passed, failed } = tally();
  console.log(`\nkontact: ${passed} passed, ${failed} failed`);
}
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** Runs a step without blocking this process (the Upstash bridge lives here and must keep serving). */
async function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = baseEnv): Promise<void> {
  const started = Date.now();
  console.log(`\n=== ${label} ===`);
  const child = spawn(command, args, { stdio: "inherit", env });
  const status = await new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  console.log(`=== ${label}: ${status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (status !== 0) {
    process.exitCode = status;
    throw new Error(`${label} failed`);
  }
}

async function e2eDatabase(): Promise<{ url?: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { drop: async () => {} };
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `kontact_e2e_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

async function e2eCache(): Promise<{ env: Record<string, string>; close(): Promise<void> }> {
  const redisUrl = process.env.TEST_REDIS_URL;
  if (!redisUrl) return { env: {}, close: async () => {} };
  const { startUpstashBridge } = await import("../tests/support/upstash-bridge");
  const token = randomBytes(24).toString("base64url");
  // A dedicated logical database, emptied first, so earlier runs' rate-limit counters don't leak in.
  const dbUrl = new URL(redisUrl);
  dbUrl.pathname = "/13";
  const { default: Redis } = await import("ioredis");
  const redis = new Redis(dbUrl.toString(), { lazyConnect: true });
  await redis.connect();
  await redis.flushdb();
  await redis.quit();
  const bridge = await startUpstashBridge({ redisUrl: dbUrl.toString(), token });
  return { env: { UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: token }, close: bridge.close };
}

try {
  await run("vitest: unit, integration, room", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
  if (process.env.KONTACT_E2E_REUSE_BUILD !== "1") await run("next build", bin("next"), ["build"]);
} catch {
  summary();
  process.exit();
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "kontact-e2e-"));
const db = await e2eDatabase();
const cache = await e2eCache();
const e2eEnv: NodeJS.ProcessEnv = {
  ...baseEnv,
  ...cache.env,
  E2E_PORT: String(await freePort()),
  E2E_ROOM_PORT: String(await freePort()),
  KONTACT_DATA_DIR: path.join(dataDir, "data"),
  MEDIA_ROOT: path.join(dataDir, "media"),
  ...(db.url ? { DATABASE_URL: db.url } : {}),
};
try {
  await run(`playwright (${db.url ? "postgres" : "pglite"}, ${cache.env.UPSTASH_REDIS_REST_URL ? "upstash bridge" : "memory cache"})`, bin("playwright"), ["test", "--reporter=list,json"], {
    ...e2eEnv,
    PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport,
  });
} catch {
  // the failing step has printed its output and set the exit code
} finally {
  await cache.close();
  await db.drop();
  rmSync(dataDir, { recursive: true, force: true });
  summary();
}
