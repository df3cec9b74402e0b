import { and, eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { blocks, follows } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Actor } from "./types";
import { canView, findProfileRow, isViewable, lockPair, profileNotFound, requireActor } from "./visibility";

// isBlockedEitherWay and blockedUserIds live in ./visibility (blocks are a visibility rule).

/**
 * Blocks the profile at `handle` and, in the same transaction, removes follows both ways.
 * created is false when already blocked. 401 anonymous, 422 yourself, 404 unknown or hidden.
 * Someone who blocked the actor can still be blocked back (the answer does not reveal their block).
 */
export async function block(db: Db, actor: Actor, handle: string): Promise<{ created: boolean }> {
  const me = requireActor(actor);
  const target = await findProfileRow(db, handle);
  if (!target) throw profileNotFound();
  if (target.userId === me.id) {
    throw new AppError("validation_failed", "You cannot block yourself.", { fields: { handle: ["You cannot block yourself."] } });
  }
  if (!canView(me, target.userId, target.visibility, false)) throw profileNotFound();
  return db.transaction(async (tx) => {
    await lockPair(tx, me.id, target.userId);
    const rows = await tx
      .insert(blocks)
      .values({ blockerId: me.id, blockedId: target.userId })
      .onConflictDoNothing()
      .returning({ blockerId: blocks.blockerId });
    await tx
      .delete(follows)
      .where(
        or(
          and(eq(follows.followerId, me.id), eq(follows.followeeId, target.userId)),
          and(eq(follows.followerId, target.userId), eq(follows.followeeId, me.id)),
        ),
      );
    return { created: rows.length > 0 };
  });
}

/** Lifts the actor's own block (a block by the other person stays); 404 when there is nothing to lift on an unseen profile. */
export async function unblock(db: Db, actor: Actor, handle: string): Promise<void> {
  const me = requireActor(actor);
  const target = await findProfileRow(db, handle);
  if (!target) throw profileNotFound();
  const removed = await db
    .delete(blocks)
    .where(and(eq(blocks.blockerId, me.id), eq(blocks.blockedId, target.userId)))
    .returning({ blockerId: blocks.blockerId });
  if (removed.length === 0 && !(await isViewable(db, me, target))) throw profileNotFound();
}
