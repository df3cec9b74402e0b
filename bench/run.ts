import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describeMachine, markdownTable, progress, textTable, type BenchRow } from "./lib";

/**
 * `npm run bench [-- name ...]`: runs every bench/<name>/index.ts (or only the named ones) one
 * after another, prints one table and writes it to bench/results/latest.md.
 */

const BENCH_DIR = import.meta.dirname;
const RESULTS_FILE = path.join(BENCH_DIR, "results", "latest.md");
/**
 * A bench that takes longer than this is stopped and reported as failed (its own loops are
 * bounded too). Generating 100k profiles twice on PGlite (matching) took 150 s on a slow day.
 */
const BENCH_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 300_000);

async function discover(): Promise<string[]> {
  const entries = await readdir(BENCH_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(BENCH_DIR, entry.name, "index.ts")))
    .map((entry) => entry.name)
    .sort();
}

/** Runs bench/<name> in a child process (bench/run-one.ts) in its own process group; kills the group on timeout. */
async function runOne(name: string): Promise<BenchRow[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `kontact-bench-${name}-`));
  const out = path.join(dir, "rows.json");
  try {
    const child = spawn(path.join(BENCH_DIR, "..", "node_modules", ".bin", "tsx"), [path.join(BENCH_DIR, "run-one.ts"), name, out], {
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    const pgid = child.pid;
    const kill = () => {
      if (pgid) {
        try {
          process.kill(-pgid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    };
    process.on("exit", kill);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, BENCH_TIMEOUT_MS);
    const code = await new Promise<number | null>((resolve) => child.on("exit", (status) => resolve(status)));
    clearTimeout(timer);
    kill(); // whatever it started and left behind
    process.off("exit", kill);
    if (timedOut) throw new Error(`timed out after ${BENCH_TIMEOUT_MS} ms (stopped)`);
    if (code !== 0) throw new Error(`exited with ${code}`);
    return JSON.parse(await readFile(out, "utf8")) as BenchRow[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const available = await discover();
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    console.error(`Unknown bench: ${unknown.join(", ")}. Available: ${available.join(", ")}`);
    return 2;
  }
  const names = wanted.length > 0 ? available.filter((name) => wanted.includes(name)) : available;
  const machine = describeMachine();
  progress(machine);

  const rows: BenchRow[] = [];
  const failures: string[] = [];
  for (const name of names) {
    const benchStarted = performance.now();
    progress(`${name}: start`);
    try {
      rows.push(...(await runOne(name)));
      progress(`${name}: done in ${((performance.now() - benchStarted) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${message}`);
      progress(`${name}: FAILED: ${message}`);
    }
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(textTable(rows));
  for (const failure of failures) console.log(`FAILED ${failure}`);
  console.log(`\n${machine}; total ${seconds} s`);

  const markdown = [
    "# Benchmark results",
    "",
    `- Machine: ${machine}`,
    `- Date: ${new Date().toISOString()}`,
    `- Benches: ${names.join(", ")} (total ${seconds} s)`,
    "",
    markdownTable(rows),
    ...(failures.length > 0 ? ["", "Failed:", ...failures.map((failure) => `- ${failure}`)] : []),
    "",
  ].join("\n");
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, markdown);
  progress(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
  return failures.length > 0 ? 1 : 0;
}

// Exit explicitly; every bench ran in its own process group, killed once it ended.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
