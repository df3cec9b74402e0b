import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { follows } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Actor } from "./types";
import { canView, findProfileRow, isBlockedEitherWay, isViewable, lockPair, profileNotFound, requireActor } from "./visibility";

const selfRefusal = (what: string) =>
  new AppError("validation_failed", `You cannot ${what} yourself.`, { fields: { handle: [`You cannot ${what} yourself.`] } });

/**
 * Follows the profile at `handle`: created is false when already following (the API answers 200
 * instead of 201). 401 anonymous, 422 yourself, 404 unknown or not viewable, a block in either
 * direction included: a blocked pair cannot see each other, so neither can follow the other.
 */
export async function follow(db: Db, actor: Actor, handle: string): Promise<{ created: boolean }> {
  const me = requireActor(actor);
  const target = await findProfileRow(db, handle);
  if (!target) throw profileNotFound();
  if (target.userId === me.id) throw selfRefusal("follow");
  return db.transaction(async (tx) => {
    await lockPair(tx, me.id, target.userId); // a block racing this follow cannot leave a follow behind
    const blocked = await isBlockedEitherWay(tx, me.id, target.userId);
    if (!canView(me, target.userId, target.visibility, blocked)) throw profileNotFound();
    const rows = await tx
      .insert(follows)
      .values({ followerId: me.id, followeeId: target.userId })
      .onConflictDoNothing()
      .returning({ followerId: follows.followerId });
    return { created: rows.length > 0 };
  });
}

/** Stops following; idempotent for profiles the actor may see, 404 for unknown or unseen ones. */
export async function unfollow(db: Db, actor: Actor, handle: string): Promise<void> {
  const me = requireActor(actor);
  const target = await findProfileRow(db, handle);
  if (!target) throw profileNotFound();
  const removed = await db
    .delete(follows)
    .where(and(eq(follows.followerId, me.id), eq(follows.followeeId, target.userId)))
    .returning({ followerId: follows.followerId });
  // Removing an existing follow is always allowed; otherwise don't reveal a profile the actor cannot see.
  if (removed.length === 0 && !(await isViewable(db, me, target))) throw profileNotFound();
}

/** How many people follow `userId`, and how many they follow. */
export async function followCounts(db: Db, userId: string): Promise<{ followers: number; following: number }> {
  const [followers] = await db.select({ n: count() }).from(follows).where(eq(follows.followeeId, userId));
  const [following] = await db.select({ n: count() }).from(follows).where(eq(follows.followerId, userId));
  return { followers: followers?.n ?? 0, following: following?.n ?? 0 };
}
