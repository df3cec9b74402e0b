import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { matchDismissal } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getKv, type KvStore } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { findProfileRow, isViewable, profileNotFound, requireActor } from "@/lib/services/professional_profile";
import { dismissMatchSchema } from "@/lib/validation/matching";
import { parseInput } from "@/lib/validation/parse";
import { invalidateMatches } from "./cache";
import { MATCH_RATE_LIMITS } from "./config";
import type { DismissReason } from "./types";

/**
 * Stops suggesting `handle` to the actor: `not_now` for 30 days, `not_relevant` (the default)
 * and `dont_know` for good. A new dismissal of the same person replaces the old one. The
 * actor's cached suggestions are dropped, so it holds from the very next request.
 * 422 bad input or yourself, 404 unknown (or not visible to the actor), 401 anonymous.
 */
export async function dismissMatch(db: Db, actor: { id: string } | null, raw: unknown, kv: KvStore = getKv()): Promise<{ handle: string; displayName: string; reason: DismissReason }> {
  const me = requireActor(actor);
  const { handle, reason } = parseInput(dismissMatchSchema, raw);
  const target = await findProfileRow(db, handle);
  if (!target) throw profileNotFound();
  if (target.userId === me.id) {
    throw new AppError("validation_failed", "You cannot dismiss yourself.", { fields: { handle: ["You cannot dismiss yourself."] } });
  }
  if (!(await isViewable(db, me, target))) throw profileNotFound();
  await db
    .insert(matchDismissal)
    .values({ userId: me.id, targetId: target.userId, reason })
    .onConflictDoUpdate({ target: [matchDismissal.userId, matchDismissal.targetId], set: { reason, createdAt: sql`now()` } });
  await invalidateMatches([me.id], kv);
  return { handle: target.handle, displayName: target.displayName, reason };
}

/** 429 with retry-after once the actor has used this budget (shared by the API and the page's actions). */
export async function limitMatchWrite(actorId: string, action: keyof typeof MATCH_RATE_LIMITS): Promise<void> {
  await assertRateLimit(getKv(), `rl:matches:${action}:${actorId}`, MATCH_RATE_LIMITS[action]);
}
