import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db, DbHandle } from "./client";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** Applies the committed SQL migrations; the one entry point for dev, tests and deploy. */
export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
  }
}

export type { Db };

async function main() {
  const { openDb } = await import("./client");
  const started = Date.now();
  const handle = await openDb({ url: process.env.DATABASE_URL || undefined });
  try {
    await migrateDb(handle);
    console.log(`migrations applied (${handle.driver}) in ${Date.now() - started} ms`);
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
