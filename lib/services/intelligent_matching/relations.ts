import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rows } from "./sql-rows";

/** Which of these handles the viewer already follows (for the cards' follow buttons). */
export async function followedAmong(db: Db, viewerId: string, handles: readonly string[]): Promise<Set<string>> {
  if (handles.length === 0) return new Set();
  const found = await rows<{ handle: string }>(
    db,
    sql`select p.handle from follows f join profiles p on p.user_id = f.followee_id
      where f.follower_id = ${viewerId} and p.handle = any(string_to_array(${handles.join(",")}, ','))`,
  );
  return new Set(found.map((r) => r.handle));
}
