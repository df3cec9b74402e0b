import { and, desc, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { opportunity } from "@/db/schema";

/**
 * The newest postings matching a free-text search, which relevance then ranks. Reading every
 * match of a common word costs ~7 µs a row on PGlite (50 ms for "new media" at 100k postings), so
 * the newest RECENT_WINDOW postings are searched first and the rest only when they hold too few.
 */

/** With `q` and relevance order, at most this many matches (the newest) are ranked. */
export const RANK_CANDIDATES = 100;
/** How many of the newest postings the first pass looks at. */
const RECENT_WINDOW = 5_000;
const CUTOFF_TTL_MS = 30_000;

const cutoffs = new WeakMap<Db, { at: number; value: string | null }>();

/** created_at of the RECENT_WINDOW-th newest posting (cached briefly: a stale one only widens the window). */
async function recentCutoff(db: Db): Promise<string | null> {
  const cached = cutoffs.get(db);
  if (cached && Date.now() - cached.at < CUTOFF_TTL_MS) return cached.value;
  const [row] = await db
    .select({ at: sql<string>`to_char(${opportunity.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
    .from(opportunity)
    .orderBy(desc(opportunity.createdAt), desc(opportunity.id))
    .offset(RECENT_WINDOW)
    .limit(1);
  const value = row?.at ?? null;
  cutoffs.set(db, { at: Date.now(), value });
  return value;
}

/** Ids of the newest (at most RANK_CANDIDATES) postings matching every condition. */
export async function newestMatches(db: Db, where: SQL[]): Promise<string[]> {
  const run = async (extra: SQL | undefined, limit: number) =>
    (
      await db
        .select({ id: opportunity.id })
        .from(opportunity)
        .where(and(...where, extra))
        .orderBy(desc(opportunity.createdAt))
        .limit(limit)
    ).map((r) => r.id);
  const cutoff = await recentCutoff(db);
  if (cutoff === null) return run(undefined, RANK_CANDIDATES);
  const recent = await run(sql`${opportunity.createdAt} >= ${cutoff}::timestamptz`, RANK_CANDIDATES);
  if (recent.length >= RANK_CANDIDATES) return recent;
  return [...recent, ...(await run(sql`${opportunity.createdAt} < ${cutoff}::timestamptz`, RANK_CANDIDATES - recent.length))];
}
