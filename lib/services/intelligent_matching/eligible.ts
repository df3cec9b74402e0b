import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { MatchIntent } from "./config";
import { idList, rows } from "./sql-rows";
import { notNowCutoff } from "./viewer";

/**
 * Which of `candidateIds` may be suggested to `userId` right now, read from the database at
 * the moment of the request: never themselves, never hidden, never across a block either way,
 * never dismissed (a not_now lapses after 30 days), and for `follow` never someone already
 * followed. Whatever the index or the cache hold, every answer passes through here.
 */
export async function eligibleNow(db: Db, userId: string, intent: MatchIntent, candidateIds: readonly string[], now: number): Promise<Set<string>> {
  if (candidateIds.length === 0) return new Set();
  const notFollowed =
    intent === "follow" ? sql`and not exists (select 1 from follows f where f.follower_id = ${userId} and f.followee_id = p.user_id)` : sql``;
  const found = await rows<{ user_id: string }>(
    db,
    sql`select p.user_id from profiles p
      where p.user_id = any(string_to_array(${idList(candidateIds)}, ',')) and p.user_id <> ${userId} and p.visibility <> 'hidden'
        and not exists (select 1 from blocks b where b.blocker_id = ${userId} and b.blocked_id = p.user_id)
        and not exists (select 1 from blocks b where b.blocker_id = p.user_id and b.blocked_id = ${userId})
        and not exists (select 1 from match_dismissal d where d.user_id = ${userId} and d.target_id = p.user_id
          and (d.reason <> 'not_now' or d.created_at > to_timestamp(${notNowCutoff(now)})))
        ${notFollowed}`,
  );
  return new Set(found.map((r) => r.user_id));
}

/** Which of these people are still there and not hidden (the compute path's only late check). */
export async function visibleNow(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await rows<{ user_id: string }>(
    db,
    sql`select user_id from profiles where user_id = any(string_to_array(${idList(ids)}, ',')) and visibility <> 'hidden'`,
  );
  return new Set(found.map((r) => r.user_id));
}
