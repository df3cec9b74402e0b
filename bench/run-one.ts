import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchRow } from "./lib";

/**
 * Runs one bench/<name>/index.ts and writes its rows as JSON to the given file. bench/run.ts
 * starts one of these per bench in its own process group, so a bench that runs out of time is
 * stopped for good instead of going on in the background and slowing the benches after it.
 */
async function main(): Promise<void> {
  const [name, outFile] = process.argv.slice(2);
  if (!name || !outFile) throw new Error("usage: tsx bench/run-one.ts <name> <rows.json>");
  const module: Record<string, unknown> = await import(pathToFileURL(path.join(import.meta.dirname, name, "index.ts")).href);
  if (typeof module.run !== "function") throw new Error(`bench/${name}/index.ts does not export run()`);
  const rows = (await (module.run as () => Promise<BenchRow[]>)()).map((row) => ({ ...row, measure: `${name}: ${row.measure}` }));
  await writeFile(outFile, JSON.stringify(rows));
}

// Exit explicitly: a bench may leave a socket or timer behind; room and app servers it started
// register exit hooks that kill their process groups.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
