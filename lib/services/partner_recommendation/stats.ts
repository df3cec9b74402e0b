import { and, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { collabJoin, collabParticipant, collabSession, endorsement } from "@/db/schema";
import { publishedCondition } from "./published";
import { roundAverage } from "./rules";
import type { EndorsementStats } from "./types";

// Imported by professional_profile for the profile's `stats`: this file depends on the schema only.

/** Count and average rating of the published endorsements someone received. */
export async function ratingSummary(db: Db, subjectId: string, now: Date): Promise<{ count: number; averageRating: number | null }> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, average: sql<string | null>`avg(${endorsement.rating})` })
    .from(endorsement)
    .where(and(eq(endorsement.subjectId, subjectId), publishedCondition(now)));
  return { count: Number(row?.count ?? 0), averageRating: roundAverage(row?.average) };
}

/**
 * Ended sessions with a published final artwork that the person joined together with at least
 * one other participant: made with someone else, and kept.
 */
export async function verifiedCoCreations(db: Db, userId: string): Promise<number> {
  // "Joined" as for endorsing: a participant who asked for a room token (collab_join).
  const joinedBy = (who: SQL) => sql`exists (
    select 1 from ${collabJoin} j join ${collabParticipant} p on p.session_id = j.session_id and p.user_id = j.user_id
    where j.session_id = ${collabSession.id} and ${who})`;
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(collabSession)
    .where(
      and(
        isNotNull(collabSession.endedAt),
        isNotNull(collabSession.finalArtworkId),
        joinedBy(sql`j.user_id = ${userId}`),
        joinedBy(sql`j.user_id <> ${userId}`),
      ),
    );
  return Number(row?.count ?? 0);
}

/** The endorsement numbers of a profile's `stats`. */
export async function endorsementStats(db: Db, userId: string, now: Date = new Date()): Promise<EndorsementStats> {
  const [rating, coCreations] = await Promise.all([ratingSummary(db, userId, now), verifiedCoCreations(db, userId)]);
  return { endorsements: rating.count, averageRating: rating.averageRating, verifiedCoCreations: coCreations };
}
