import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openDb, type DbHandle } from "@/db/client";

/** A throwaway database for one bench, with the environment a `next start` needs to reach it. */
export type Scratch = { handle: DbHandle; label: string; env: Record<string, string>; drop(): Promise<void> };

/**
 * PGlite in a temporary folder by default; with BENCH_DATABASE_URL, a database created on that
 * server (and dropped afterwards), named after the bench.
 */
export async function openScratch(bench: string): Promise<Scratch> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), `kontact-bench-${bench}-`));
    const pgliteDir = path.join(dir, "pglite");
    const handle = await openDb({ pgliteDir });
    return { handle, label: "PGlite", env: { PGLITE_DIR: pgliteDir }, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `kontact_bench_${bench}_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() });
  const drop = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  };
  return { handle, label: "PostgreSQL", env: { DATABASE_URL: url.toString() }, drop };
}
