import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { collabParticipant, collabSession, profiles } from "@/db/schema";
import { COLLAB_CANVAS_MAX_USERS, ROOM_TOKEN_TTL_SECONDS } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { roomUrl, signRoomToken } from "@/lib/realtime/token";
import { createWorkspaceSchema, roomTokenSchema } from "@/lib/validation/workspaces";
import { parseInput } from "@/lib/validation/parse";
import type { SessionUser } from "./accounts";
import { blockedUserIds, userIdsByHandles } from "./professional_profile";

export type Workspace = {
  id: string;
  name: string;
  sessionType: "dm" | "group";
  host: string;
  participants: string[];
  status: "live" | "ended";
  startedAt: string;
  endedAt: string | null;
  maxEditors: typeof COLLAB_CANVAS_MAX_USERS;
  finalArtwork: null;
};

type Actor = Pick<SessionUser, "id" | "handle">;

async function loadWorkspaces(db: Db, ids: string[]): Promise<Workspace[]> {
  if (ids.length === 0) return [];
  const sessions = await db
    .select({ session: collabSession, host: profiles.handle })
    .from(collabSession)
    .innerJoin(profiles, eq(profiles.userId, collabSession.hostId))
    .where(inArray(collabSession.id, ids))
    .orderBy(desc(collabSession.startedAt));
  const members = await db
    .select({ sessionId: collabParticipant.sessionId, handle: profiles.handle })
    .from(collabParticipant)
    .innerJoin(profiles, eq(profiles.userId, collabParticipant.userId))
    .where(inArray(collabParticipant.sessionId, ids))
    .orderBy(collabParticipant.invitedAt, profiles.handle);
  return sessions.map(({ session, host }) => ({
    id: session.id,
    name: session.name,
    sessionType: session.sessionType,
    host,
    participants: members.filter((m) => m.sessionId === session.id).map((m) => m.handle),
    status: session.endedAt ? "ended" : "live",
    startedAt: session.startedAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    maxEditors: COLLAB_CANVAS_MAX_USERS,
    finalArtwork: null,
  }));
}

/** Creates a session with the actor as host; invitees must exist and not be in a block with the host (403). */
export async function createWorkspace(db: Db, actor: Actor, raw: unknown): Promise<Workspace> {
  const input = parseInput(createWorkspaceSchema, raw);
  const invitees = [...new Set(input.invite)].filter((h) => h !== actor.handle.toLowerCase());
  if (input.sessionType === "dm" && invitees.length !== 1) {
    throw new AppError("validation_failed", "Some fields are invalid.", { fields: { invite: ["You cannot start a direct session with yourself."] } });
  }
  const ids = await userIdsByHandles(db, invitees);
  const unknown = invitees.filter((h) => !ids.has(h));
  if (unknown.length) {
    throw new AppError("validation_failed", "Some fields are invalid.", { fields: { invite: [`No one is called ${unknown.join(", ")}.`] } });
  }
  // A block either way keeps the pair apart; the answer does not say who blocked whom.
  const blocked = new Set(await blockedUserIds(db, actor.id));
  if ([...ids.values()].some((id) => blocked.has(id))) throw new AppError("forbidden", "You cannot invite some of these people.");
  const id = await db.transaction(async (tx) => {
    const [session] = await tx.insert(collabSession).values({ name: input.name, hostId: actor.id, sessionType: input.sessionType }).returning({ id: collabSession.id });
    if (!session) throw new Error("session insert returned no row");
    await tx.insert(collabParticipant).values([actor.id, ...ids.values()].map((userId) => ({ sessionId: session.id, userId })));
    return session.id;
  });
  return (await loadWorkspaces(db, [id]))[0]!;
}

export async function listWorkspaces(db: Db, actor: Actor): Promise<Workspace[]> {
  const rows = await db.select({ id: collabParticipant.sessionId }).from(collabParticipant).where(eq(collabParticipant.userId, actor.id));
  return loadWorkspaces(db, rows.map((r) => r.id));
}

async function isParticipant(db: Db, actor: Actor, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: collabParticipant.userId })
    .from(collabParticipant)
    .where(and(eq(collabParticipant.sessionId, sessionId), eq(collabParticipant.userId, actor.id)))
    .limit(1);
  return Boolean(row);
}

/** A workspace for its participants; 404 for everyone else (its existence is not revealed). */
export async function getWorkspace(db: Db, actor: Actor, id: string): Promise<Workspace> {
  const [workspace] = await loadWorkspaces(db, [id]);
  if (!workspace || !(await isParticipant(db, actor, id))) throw new AppError("not_found", "No such workspace.");
  return workspace;
}

export type RoomToken = { token: string; url: string; expiresAt: string };

/** A short-lived token for one room and one user; 403 for outsiders, 410 once ended. */
export async function issueRoomToken(
  db: Db,
  actor: Actor,
  id: string,
  raw: unknown,
  realtime: { baseUrl: string; secret: string },
): Promise<RoomToken> {
  const { mode } = parseInput(roomTokenSchema, raw ?? {});
  const [session] = await db.select({ endedAt: collabSession.endedAt }).from(collabSession).where(eq(collabSession.id, id)).limit(1);
  if (!session) throw new AppError("not_found", "No such workspace.");
  if (!(await isParticipant(db, actor, id))) throw new AppError("forbidden", "Only participants can join this workspace.");
  if (session.endedAt) throw new AppError("gone", "This session has ended.");
  const { token, expiresAt } = await signRoomToken({ userId: actor.id, handle: actor.handle, room: id, mode }, realtime.secret, ROOM_TOKEN_TTL_SECONDS);
  return { token, url: roomUrl(realtime.baseUrl, id, token), expiresAt: expiresAt.toISOString() };
}
