import path from "node:path";
import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { seedDatabase } from "@/db/seed/index";
import { LOCAL_DATA_DIR } from "@/lib/config";
import { localSecrets } from "@/lib/secrets";
import { startRoomServer, type RoomServer } from "./room-server";

/** Fills in the locally generated secrets for any that the environment does not set. */
export function withLocalSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if ((env.AUTH_SECRET || env.NEXTAUTH_SECRET) && env.REALTIME_SECRET) return env;
  const local = localSecrets();
  if (!(env.AUTH_SECRET || env.NEXTAUTH_SECRET)) console.log(`Using the local auth secret kept in ${LOCAL_DATA_DIR}.`);
  return { ...env, AUTH_SECRET: env.AUTH_SECRET || env.NEXTAUTH_SECRET || local.authSecret, REALTIME_SECRET: env.REALTIME_SECRET || local.realtimeSecret };
}

/** Migrates, then seeds demo data when asked and the database is empty. Closes the database again. */
export async function prepareDatabase({ seed }: { seed: boolean }): Promise<void> {
  const started = Date.now();
  const handle = await openDb({ url: process.env.DATABASE_URL || undefined });
  try {
    await migrateDb(handle);
    console.log(`Database ready (${handle.driver}) in ${Date.now() - started} ms.`);
    if (seed) {
      const result = await seedDatabase(handle, { log: (line) => console.log(`[seed] ${line}`) });
      if (!result.skipped) console.log(`Seeded ${result.users} people and ${result.artworks} artworks.`);
    }
  } finally {
    await handle.close();
  }
}

const isLoopback = (host: string) => ["127.0.0.1", "localhost", "[::1]", "::1"].includes(host);

/**
 * Starts the local room server on the port of REALTIME_URL when that URL points at this
 * machine (the default); a remote room server is left alone.
 */
export async function startLocalRealtime(env: NodeJS.ProcessEnv): Promise<RoomServer | null> {
  const url = new URL(env.REALTIME_URL || "ws://127.0.0.1:8787");
  if (!isLoopback(url.hostname)) {
    console.log(`Using the room server at ${url.origin}.`);
    return null;
  }
  const rooms = await startRoomServer({
    secret: env.REALTIME_SECRET!,
    port: Number(url.port || 8787),
    persistTo: path.join(LOCAL_DATA_DIR, "rooms"),
    log: (line) => line.trim() && process.stdout.write(`[rooms] ${line}\n`),
  });
  console.log(`Room server ready at ${rooms.url}.`);
  return rooms;
}
