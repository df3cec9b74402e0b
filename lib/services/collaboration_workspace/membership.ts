import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { collabParticipant, collabSession } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { blockedUserIds, invitableUserIds, isBlockedEitherWay } from "@/lib/services/professional_profile";
import { createWorkspaceSchema, inviteSchema } from "@/lib/validation/workspaces";
import { parseInput } from "@/lib/validation/parse";
import { hostSession, loadWorkspace, workspaceNotFound } from "./read";
import { MAX_PARTICIPANTS, type Actor, type Workspace } from "./types";

const invalid = (field: string, message: string) => new AppError("validation_failed", "Some fields are invalid.", { fields: { [field]: [message] } });

/**
 * Creates a session with the actor as host; invitees must exist and be visible to the host (a
 * hidden profile answers as unknown, 422) and not be in a block with the host (403).
 */
export async function createWorkspace(db: Db, actor: Actor, raw: unknown): Promise<Workspace> {
  const input = parseInput(createWorkspaceSchema, raw);
  const invitees = [...new Set(input.invite)].filter((h) => h !== actor.handle.toLowerCase());
  if (input.sessionType === "dm" && invitees.length !== 1) throw invalid("invite", "You cannot start a direct session with yourself.");
  const ids = await invitableUserIds(db, actor, invitees);
  const unknown = invitees.filter((h) => !ids.has(h));
  if (unknown.length) throw invalid("invite", `No one is called ${unknown.join(", ")}.`);
  // A block either way keeps the pair apart; the answer does not say who blocked whom.
  const blocked = new Set(await blockedUserIds(db, actor.id));
  if ([...ids.values()].some((id) => blocked.has(id))) throw new AppError("forbidden", "You cannot invite some of these people.");
  const id = await db.transaction(async (tx) => {
    const [session] = await tx.insert(collabSession).values({ name: input.name, hostId: actor.id, sessionType: input.sessionType }).returning({ id: collabSession.id });
    if (!session) throw new Error("session insert returned no row");
    await tx.insert(collabParticipant).values([
      { sessionId: session.id, userId: actor.id },
      ...[...ids.values()].map((userId) => ({ sessionId: session.id, userId, invitedBy: actor.id })),
    ]);
    return session.id;
  });
  return loadWorkspace(db, id);
}

/**
 * Adds `handle` to a live session (the host only). `added` is false when they were already in.
 * 422 unknown (or hidden) handle; 403 blocked either way; 409 ended, a full dm or a full group.
 */
export async function inviteParticipant(db: Db, actor: Actor, id: string, raw: unknown): Promise<{ workspace: Workspace; added: boolean }> {
  const { handle } = parseInput(inviteSchema, raw);
  const session = await hostSession(db, actor, id, "Only the host can invite people.");
  if (session.endedAt) throw new AppError("conflict", "This session has ended: it takes no more invitations.");
  const inviteeId = (await invitableUserIds(db, actor, [handle])).get(handle);
  if (!inviteeId) throw invalid("handle", `No one is called ${handle}.`);
  if (await isBlockedEitherWay(db, actor.id, inviteeId)) throw new AppError("forbidden", "You cannot invite this person.");
  const added = await db.transaction(async (tx) => {
    // The row lock makes the checks below and the insert one step for concurrent invitations and the end.
    const [locked] = await tx.select({ endedAt: collabSession.endedAt, sessionType: collabSession.sessionType }).from(collabSession).where(eq(collabSession.id, id)).for("update");
    if (!locked) throw workspaceNotFound();
    if (locked.endedAt) throw new AppError("conflict", "This session has ended: it takes no more invitations.");
    const members = await tx.select({ userId: collabParticipant.userId }).from(collabParticipant).where(eq(collabParticipant.sessionId, id));
    if (members.some((m) => m.userId === inviteeId)) return false;
    if (locked.sessionType === "dm") {
      throw new AppError("conflict", "A direct session has exactly two people.", { fields: { handle: ["A direct session has exactly two people: start a group to invite more."] } });
    }
    if (members.length >= MAX_PARTICIPANTS) {
      throw new AppError("conflict", `A session has at most ${MAX_PARTICIPANTS} people.`, { fields: { handle: [`This session already has ${MAX_PARTICIPANTS} people.`] } });
    }
    await tx.insert(collabParticipant).values({ sessionId: id, userId: inviteeId, invitedBy: actor.id });
    return true;
  });
  return { workspace: await loadWorkspace(db, id), added };
}

/** inviteParticipant for callers that only need the workspace (server actions). */
export async function inviteToWorkspace(db: Db, actor: Actor, id: string, raw: unknown): Promise<Workspace> {
  return (await inviteParticipant(db, actor, id, raw)).workspace;
}
