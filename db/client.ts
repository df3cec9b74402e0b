import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { LOCAL_DATA_DIR } from "@/lib/config";
import * as schema from "./schema";

/** The one database type services accept: PGlite and postgres.js share it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbDriver = "pglite" | "postgres";

export interface DbHandle {
  db: Db;
  driver: DbDriver;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent PGlite is used. */
  url?: string;
  /** PGlite folder; `memory://` for a throwaway in-memory database. */
  pgliteDir?: string;
}

export const defaultPgliteDir = () => process.env.PGLITE_DIR ?? path.join(LOCAL_DATA_DIR, "pglite");

/** Opens a database: postgres.js when a URL is given, embedded PGlite otherwise. */
export async function openDb(opts: OpenOptions = {}): Promise<DbHandle> {
  if (opts.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    // synchronize_seqscans off: keyset pages over a sampled candidate set must see rows in a stable order.
    const sql = postgres(opts.url, { max: 10, onnotice: () => {}, connection: { synchronize_seqscans: "off" } });
    return { db: drizzle(sql, { schema }) as unknown as Db, driver: "postgres", close: () => sql.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = opts.pgliteDir ?? defaultPgliteDir();
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true }); // PGlite does not create parents
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  return { db: drizzle(client, { schema }) as unknown as Db, driver: "pglite", close: () => client.close() };
}

type Holder = { opening?: Promise<DbHandle>; handle?: DbHandle };
const globalHolder = globalThis as unknown as { __kontactDb?: Holder };
const holder: Holder = (globalHolder.__kontactDb ??= {});

/**
 * The app's database, opened on first use (never at import time, so `next build` touches
 * nothing) and closed when the process exits. Kept on globalThis so dev reloads share it.
 */
export function getDbHandle(): Promise<DbHandle> {
  holder.opening ??= openDb({ url: process.env.DATABASE_URL || undefined }).then((handle) => {
    holder.handle = handle;
    registerShutdown();
    return handle;
  });
  return holder.opening;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const opening = holder.opening;
  holder.opening = undefined;
  holder.handle = undefined;
  if (opening) await (await opening).close();
}

let shutdownRegistered = false;
function registerShutdown() {
  if (shutdownRegistered) return;
  shutdownRegistered = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      // An unclean PGlite shutdown loses sequence caches; close before exiting.
      void closeDb().finally(() => process.exit(0));
    });
  }
}
