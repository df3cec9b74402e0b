import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { collabParticipant, collabSession, profiles, type CollabSession } from "@/db/schema";
import { COLLAB_CANVAS_MAX_USERS } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { artworksByIds } from "@/lib/services/professional_profile";
import type { Actor, Workspace } from "./types";

export const workspaceNotFound = () => new AppError("not_found", "No such workspace.");

/** Workspaces by id: live ones first (newest start first), then ended ones (latest end first). */
export async function loadWorkspaces(db: Db, ids: string[]): Promise<Workspace[]> {
  if (ids.length === 0) return [];
  const sessions = await db
    .select({ session: collabSession, host: profiles.handle })
    .from(collabSession)
    .innerJoin(profiles, eq(profiles.userId, collabSession.hostId))
    .where(inArray(collabSession.id, ids))
    .orderBy(sql`${collabSession.endedAt} is null desc`, sql`coalesce(${collabSession.endedAt}, ${collabSession.startedAt}) desc`, desc(collabSession.id));
  const members = await db
    .select({ sessionId: collabParticipant.sessionId, handle: profiles.handle })
    .from(collabParticipant)
    .innerJoin(profiles, eq(profiles.userId, collabParticipant.userId))
    .where(inArray(collabParticipant.sessionId, ids))
    .orderBy(collabParticipant.invitedAt, profiles.handle);
  const finalIds = sessions.flatMap(({ session }) => (session.finalArtworkId ? [session.finalArtworkId] : []));
  const artworks = new Map((await artworksByIds(db, finalIds)).map((a) => [a.id, a]));
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
    finalArtwork: (session.finalArtworkId && artworks.get(session.finalArtworkId)) || null,
    notes: session.archivedAt ? (session.notes ?? "") : null,
  }));
}

export async function loadWorkspace(db: Db, id: string): Promise<Workspace> {
  const [workspace] = await loadWorkspaces(db, [id]);
  if (!workspace) throw workspaceNotFound();
  return workspace;
}

/** The actor's workspaces: live first, then ended; newest first within each. */
export async function listWorkspaces(db: Db, actor: Actor): Promise<Workspace[]> {
  const rows = await db.select({ id: collabParticipant.sessionId }).from(collabParticipant).where(eq(collabParticipant.userId, actor.id));
  return loadWorkspaces(db, rows.map((r) => r.id));
}

export async function isParticipant(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: collabParticipant.userId })
    .from(collabParticipant)
    .where(and(eq(collabParticipant.sessionId, sessionId), eq(collabParticipant.userId, userId)))
    .limit(1);
  return Boolean(row);
}

async function findSession(db: Db, id: string): Promise<CollabSession | null> {
  if (typeof id !== "string" || id.length === 0 || id.length > 100) return null;
  const [row] = await db.select().from(collabSession).where(eq(collabSession.id, id)).limit(1);
  return row ?? null;
}

/** The session row for a participant; 404 for everyone else (its existence is not revealed). */
export async function participantSession(db: Db, actor: Actor, id: string): Promise<CollabSession> {
  const session = await findSession(db, id);
  if (!session || !(await isParticipant(db, actor.id, id))) throw workspaceNotFound();
  return session;
}

/** The session row for its host; 403 for other participants, 404 for outsiders. */
export async function hostSession(db: Db, actor: Actor, id: string, refusal: string): Promise<CollabSession> {
  const session = await participantSession(db, actor, id);
  if (session.hostId !== actor.id) throw new AppError("forbidden", refusal);
  return session;
}

/** A workspace for its participants; 404 for everyone else. */
export async function getWorkspace(db: Db, actor: Actor, id: string): Promise<Workspace> {
  await participantSession(db, actor, id);
  return loadWorkspace(db, id);
}
