import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { collabJoin, collabParticipant, collabSession, opportunity, opportunitySelection } from "@/db/schema";
import type { ContextRef } from "@/lib/validation/endorsements";
import type { ContextRole } from "./types";

/** What two people shared in one context; concludedAt is null while it has not concluded. */
export type Engagement = { title: string; concludedAt: Date | null; authorRole: ContextRole };

/**
 * A workspace counts when both are participants and both actually joined (asked for a room
 * token, which collab_join records): an invitation alone is not a collaboration. It concludes
 * when the host ends it.
 */
async function workspaceEngagement(db: Db, authorId: string, subjectId: string, id: string): Promise<Engagement | null> {
  const [session] = await db.select({ name: collabSession.name, endedAt: collabSession.endedAt }).from(collabSession).where(eq(collabSession.id, id)).limit(1);
  if (!session) return null;
  const pair = [authorId, subjectId];
  const [members, joined] = await Promise.all([
    db.select({ userId: collabParticipant.userId }).from(collabParticipant).where(and(eq(collabParticipant.sessionId, id), inArray(collabParticipant.userId, pair))),
    db.selectDistinct({ userId: collabJoin.userId }).from(collabJoin).where(and(eq(collabJoin.sessionId, id), inArray(collabJoin.userId, pair))),
  ]);
  if (members.length !== 2 || joined.length !== 2) return null;
  return { title: session.name, concludedAt: session.endedAt, authorRole: "participant" };
}

/**
 * An opportunity counts between its owner and each person selected when it was filled (an
 * opportunity_selection row, written only by filling), in both directions. Before it is filled
 * there is no such row, so nobody involved in it can endorse yet.
 */
async function opportunityEngagement(db: Db, authorId: string, subjectId: string, id: string): Promise<Engagement | null> {
  const [row] = await db
    .select({ title: opportunity.title, ownerId: opportunitySelection.ownerId, concludedAt: opportunitySelection.concludedAt })
    .from(opportunitySelection)
    .innerJoin(opportunity, eq(opportunity.id, opportunitySelection.opportunityId))
    .where(
      and(
        eq(opportunitySelection.opportunityId, id),
        or(
          and(eq(opportunitySelection.ownerId, authorId), eq(opportunitySelection.selectedId, subjectId)),
          and(eq(opportunitySelection.ownerId, subjectId), eq(opportunitySelection.selectedId, authorId)),
        ),
      ),
    )
    .limit(1);
  if (!row) return null;
  return { title: row.title, concludedAt: row.concludedAt, authorRole: row.ownerId === authorId ? "owner" : "selected" };
}

/** The engagement between author and subject in a context, or null when they did not both take part in it. */
export function findEngagement(db: Db, authorId: string, subjectId: string, context: ContextRef): Promise<Engagement | null> {
  return context.type === "workspace" ? workspaceEngagement(db, authorId, subjectId, context.id) : opportunityEngagement(db, authorId, subjectId, context.id);
}
