import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describeMachine, markdownTable, progress, textTable, withTimeout, type BenchRow } from "./lib";

/**
 * `npm run bench [-- name ...]`: runs every bench/<name>/index.ts (or only the named ones) one
 * after another, prints one table and writes it to bench/results/latest.md.
 */

const BENCH_DIR = import.meta.dirname;
const RESULTS_FILE = path.join(BENCH_DIR, "results", "latest.md");
/** A bench that takes longer than this is reported as failed (its own loops are bounded too). */
const BENCH_TIMEOUT_MS = 150_000;

async function discover(): Promise<string[]> {
  const entries = await readdir(BENCH_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(BENCH_DIR, entry.name, "index.ts")))
    .map((entry) => entry.name)
    .sort();
}

function isRunner(value: unknown): value is () => Promise<BenchRow[]> {
  return typeof value === "function";
}

async function runOne(name: string): Promise<BenchRow[]> {
  const module: Record<string, unknown> = await import(pathToFileURL(path.join(BENCH_DIR, name, "index.ts")).href);
  const run = module.run;
  if (!isRunner(run)) throw new Error(`bench/${name}/index.ts does not export run()`);
  const rows = await withTimeout(run(), BENCH_TIMEOUT_MS, `bench ${name}`);
  return rows.map((row) => ({ ...row, measure: `${name}: ${row.measure}` }));
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

// Exit explicitly: a failed bench may leave a socket or timer behind. The room server registers
// an exit hook that kills its process group, so nothing outlives this process.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
