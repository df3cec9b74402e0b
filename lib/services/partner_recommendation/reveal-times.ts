import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { endorsement, profiles } from "@/db/schema";
import { revealAtSql } from "./published";

/**
 * When endorsements of someone publish by themselves (14 days after their context concluded,
 * with no write to expire a cache): the latest such time already passed and the next one to
 * come. Caches of the profile key on the first and expire by the second.
 */
export async function revealTimes(db: Db, handle: string, now: Date = new Date()): Promise<{ lastPassed: Date | null; next: Date | null }> {
  const at = now.toISOString();
  const [row] = await db
    .select({
      lastPassed: sql<number | null>`(extract(epoch from max(${revealAtSql}) filter (where ${revealAtSql} <= ${at}::timestamptz)) * 1000)::float8`,
      next: sql<number | null>`(extract(epoch from min(${revealAtSql}) filter (where ${revealAtSql} > ${at}::timestamptz)) * 1000)::float8`,
    })
    .from(endorsement)
    .innerJoin(profiles, eq(profiles.userId, endorsement.subjectId))
    .where(and(eq(profiles.handle, handle.toLowerCase()), isNull(endorsement.publishedAt)));
  // Epoch milliseconds: both drivers return float8 as a number, unlike their differing timestamp formats.
  const toDate = (v: number | string | null | undefined) => (v === null || v === undefined ? null : new Date(Number(v)));
  return { lastPassed: toDate(row?.lastPassed), next: toDate(row?.next) };
}
