import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { getKv, type KvStore } from "@/lib/kv";
import { findProfileRow } from "@/lib/services/professional_profile";
import { MATCHING, type MatchIntent } from "./config";
import { markPersonChanged } from "./store";
import type { Match } from "./types";

/**
 * Per-user cache of computed suggestions in lib/kv. Entries are keyed by a per-user version
 * token; invalidating writes a new token, so every older entry becomes unreachable at once,
 * including one that a request computed before the change and stores after it. The token
 * outlives every entry (versionTtlSeconds > ttlSeconds), so an expired token ("0" again) never
 * brings back an entry made before an invalidation.
 */

export type CachedMatches = {
  /** The ranking ran out before filling the list: nobody else could be added by recomputing. */
  complete: boolean;
  /** User ids, parallel to items (the public shape has none). */
  ids: string[];
  items: Match[];
};

const versionKey = (userId: string) => `match:ver:${userId}`;
const entryKey = (userId: string, version: string, intent: MatchIntent, limit: number) => `match:list:${userId}:${version}:${intent}:${limit}`;

export async function cacheVersion(kv: KvStore, userId: string): Promise<string> {
  return (await kv.get<string>(versionKey(userId))) ?? "0";
}

export async function readCachedMatches(kv: KvStore, userId: string, version: string, intent: MatchIntent, limit: number): Promise<CachedMatches | null> {
  return kv.get<CachedMatches>(entryKey(userId, version, intent, limit));
}

export async function writeCachedMatches(kv: KvStore, userId: string, version: string, intent: MatchIntent, limit: number, value: CachedMatches): Promise<void> {
  await kv.set(entryKey(userId, version, intent, limit), value, { ttlSeconds: MATCHING.cache.ttlSeconds });
}

/**
 * Drops the cached suggestions of these people. A cache outage is only logged: exclusions are
 * checked fresh on every request anyway, so a missed invalidation costs ranking freshness only.
 */
export async function invalidateMatches(userIds: readonly string[], kv: KvStore = getKv()): Promise<void> {
  try {
    await Promise.all(
      [...new Set(userIds)].map((id) => kv.set(versionKey(id), randomBytes(6).toString("hex"), { ttlSeconds: MATCHING.cache.versionTtlSeconds })),
    );
  } catch (error) {
    console.warn("matching: could not invalidate cached suggestions", error);
  }
}

/** After a follow, unfollow, block or unblock between the actor and `handle`: both people's suggestions. */
export async function invalidateMatchesBetween(db: Db, actorId: string, handle: string, kv: KvStore = getKv()): Promise<void> {
  const other = await findProfileRow(db, handle);
  await invalidateMatches(other ? [actorId, other.userId] : [actorId], kv);
}

/** After someone edits their profile: the index reloads them and their own suggestions are recomputed. */
export async function invalidateMatchesAfterProfileEdit(userId: string, kv: KvStore = getKv()): Promise<void> {
  markPersonChanged(userId);
  await invalidateMatches([userId], kv);
}
