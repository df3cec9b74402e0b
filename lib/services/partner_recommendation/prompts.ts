import { and, eq, gt, inArray, isNotNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { collabJoin, collabParticipant, collabSession, endorsement, opportunity, opportunitySelection, profiles } from "@/db/schema";
import { blockedUserIds } from "@/lib/services/professional_profile";
import { mediaUrl } from "@/lib/storage/urls";
import type { ContextRef } from "@/lib/validation/endorsements";
import { endorsementWindow, REVEAL_AFTER_MS, revealAt, statusOf } from "./rules";
import type { Actor, ContextRole, EndorsementPrompt } from "./types";

type Pairing = { type: ContextRef["type"]; id: string; title: string; role: ContextRole; concludedAt: Date; otherId: string };

/** Participants who joined each session (asked for a room token), by session. */
async function joinedMembers(db: Db, sessionIds: string[]): Promise<Map<string, string[]>> {
  const bySession = new Map<string, string[]>();
  if (sessionIds.length === 0) return bySession;
  const rows = await db
    .selectDistinct({ sessionId: collabJoin.sessionId, userId: collabJoin.userId })
    .from(collabJoin)
    .innerJoin(collabParticipant, and(eq(collabParticipant.sessionId, collabJoin.sessionId), eq(collabParticipant.userId, collabJoin.userId)))
    .where(inArray(collabJoin.sessionId, sessionIds));
  for (const r of rows) bySession.set(r.sessionId, [...(bySession.get(r.sessionId) ?? []), r.userId]);
  return bySession;
}

async function workspacePairings(db: Db, actor: Actor, since: Date, id?: string): Promise<Pairing[]> {
  const sessions = await db
    .select({ id: collabSession.id, name: collabSession.name, endedAt: collabSession.endedAt })
    .from(collabSession)
    .innerJoin(collabParticipant, and(eq(collabParticipant.sessionId, collabSession.id), eq(collabParticipant.userId, actor.id)))
    .where(and(isNotNull(collabSession.endedAt), gt(collabSession.endedAt, since), id ? eq(collabSession.id, id) : undefined));
  const members = await joinedMembers(db, sessions.map((s) => s.id));
  return sessions.flatMap((s) => {
    const joined = members.get(s.id) ?? [];
    if (!joined.includes(actor.id)) return [];
    return joined.filter((u) => u !== actor.id).map((otherId) => ({ type: "workspace" as const, id: s.id, title: s.name, role: "participant" as const, concludedAt: s.endedAt!, otherId }));
  });
}

async function opportunityPairings(db: Db, actor: Actor, since: Date, id?: string): Promise<Pairing[]> {
  const rows = await db
    .select({ id: opportunity.id, title: opportunity.title, ownerId: opportunitySelection.ownerId, selectedId: opportunitySelection.selectedId, concludedAt: opportunitySelection.concludedAt })
    .from(opportunitySelection)
    .innerJoin(opportunity, eq(opportunity.id, opportunitySelection.opportunityId))
    .where(
      and(
        or(eq(opportunitySelection.ownerId, actor.id), eq(opportunitySelection.selectedId, actor.id)),
        gt(opportunitySelection.concludedAt, since),
        id ? eq(opportunitySelection.opportunityId, id) : undefined,
      ),
    );
  return rows.map((r) => {
    const owner = r.ownerId === actor.id;
    return { type: "opportunity" as const, id: r.id, title: r.title, role: owner ? ("owner" as const) : ("selected" as const), concludedAt: r.concludedAt, otherId: owner ? r.selectedId : r.ownerId };
  });
}

/**
 * "How was it working with …?": everyone the actor may endorse now (a workspace both joined
 * or a filled call, concluded less than 14 days ago, no block between them), with what the actor
 * already wrote about each. Newest first. Narrowed to one kind of context, or one context, by `only`.
 */
export async function endorsementPrompts(db: Db, actor: Actor, only?: { type: ContextRef["type"]; id?: string }, now: Date = new Date()): Promise<EndorsementPrompt[]> {
  const since = new Date(now.getTime() - REVEAL_AFTER_MS);
  const [workspaces, opportunities, blocked] = await Promise.all([
    only && only.type !== "workspace" ? [] : workspacePairings(db, actor, since, only?.id),
    only && only.type !== "opportunity" ? [] : opportunityPairings(db, actor, since, only?.id),
    blockedUserIds(db, actor.id),
  ]);
  const pairings = [...workspaces, ...opportunities].filter((p) => !blocked.includes(p.otherId) && endorsementWindow(p.concludedAt, now) === "open");
  if (pairings.length === 0) return [];
  const people = await db
    .select({ userId: profiles.userId, handle: profiles.handle, displayName: profiles.displayName, avatarFile: profiles.avatarFile, skills: profiles.skills })
    .from(profiles)
    .where(inArray(profiles.userId, [...new Set(pairings.map((p) => p.otherId))]));
  const byId = new Map(people.map((p) => [p.userId, p]));
  const written = await db
    .select({ id: endorsement.id, subjectId: endorsement.subjectId, contextType: endorsement.contextType, contextId: endorsement.contextId, publishedAt: endorsement.publishedAt, concludedAt: endorsement.concludedAt })
    .from(endorsement)
    .where(and(eq(endorsement.authorId, actor.id), inArray(endorsement.contextId, [...new Set(pairings.map((p) => p.id))])));
  const key = (type: string, id: string, subjectId: string) => `${type}:${id}:${subjectId}`;
  const mine = new Map(written.map((w) => [key(w.contextType, w.contextId, w.subjectId), { id: w.id, status: statusOf(w, now) }]));
  return pairings
    .filter((p) => byId.has(p.otherId))
    .sort((a, b) => b.concludedAt.getTime() - a.concludedAt.getTime() || a.id.localeCompare(b.id))
    .map((p) => {
      const other = byId.get(p.otherId)!;
      return {
        context: { type: p.type, id: p.id, title: p.title, role: p.role, concludedAt: p.concludedAt.toISOString() },
        closesAt: revealAt(p.concludedAt).toISOString(),
        subject: { handle: other.handle, displayName: other.displayName, avatarUrl: other.avatarFile ? mediaUrl(other.avatarFile) : null, skills: other.skills },
        mine: mine.get(key(p.type, p.id, p.otherId)) ?? null,
      };
    });
}
