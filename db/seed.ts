import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";

/**
 * `npm run db:seed [-- --reset] [-- --people N] [-- --seed N]`: migrates, then fills an empty
 * database with demo data. `--reset` first empties every table and the seeded media folder.
 */
async function resetAll(handle: DbHandle, mediaRoot: string, artworkDir: string) {
  // users and tag are the roots: every other table cascades from one of them.
  await handle.db.execute(sql`truncate table users, tag restart identity cascade`);
  await rm(path.join(mediaRoot, artworkDir), { recursive: true, force: true });
}

function numberFlag(args: string[], name: string): number | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

async function main(args: string[]) {
  const started = Date.now();
  const { openDb } = await import("./client");
  const { migrateDb } = await import("./migrate");
  const { seedDatabase } = await import("./seed/index");
  const { ARTWORK_DIR } = await import("./seed/images");
  const { MEDIA_ROOT } = await import("@/lib/config");
  const people = numberFlag(args, "--people");
  const seed = numberFlag(args, "--seed");
  const handle = await openDb({ url: process.env.DATABASE_URL || undefined });
  try {
    await migrateDb(handle);
    if (args.includes("--reset")) {
      await resetAll(handle, MEDIA_ROOT, ARTWORK_DIR);
      console.log("reset: all rows and seeded media removed");
    }
    const log = (message: string) => console.log(`  ${message}`);
    console.log(`seeding (${handle.driver}), images in ${MEDIA_ROOT}`);
    const result = await seedDatabase(handle, { people, seed, log });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.skipped) {
      console.log(`nothing to do: the database already has users (use --reset to start over). ${seconds} s`);
    } else {
      console.log(
        `seeded ${result.users} people, ${result.artworks} artworks, ${result.tags} tags, ${result.sessions} sessions in ${seconds} s`,
      );
      console.log("sign in as demo@kontact.local / kontact-demo (every seeded account shares that password)");
    }
  } finally {
    await handle.close();
  }
}

/** "Failed query: …" alone hides the reason (refused connection, constraint): add the causes. */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e && parts.length < 4; e = e instanceof Error ? e.cause : undefined) {
    parts.push(e instanceof Error ? e.message.split("\n")[0]! : String(e));
  }
  return parts.join(" <- ");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`seed failed: ${describe(error)}`);
    process.exit(1);
  });
}
