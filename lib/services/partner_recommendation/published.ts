import { sql, type SQL } from "drizzle-orm";
import { endorsement } from "@/db/schema";
import { REVEAL_AFTER_DAYS, REVEAL_AFTER_MS } from "./rules";

// The rule of rules.ts in SQL. `now` is a parameter (not the database's now()) so tests can move the clock.

// In hours: adding days to a timestamptz follows the session time zone's daylight-saving shifts.
const revealInterval = sql.raw(`interval '${REVEAL_AFTER_DAYS * 24} hours'`);

/** Rows visible to readers at `now`. */
export function publishedCondition(now: Date): SQL {
  const cutoff = new Date(now.getTime() - REVEAL_AFTER_MS).toISOString();
  return sql`(${endorsement.publishedAt} is not null or ${endorsement.concludedAt} <= ${cutoff}::timestamptz)`;
}

/** When a published row became visible, to the millisecond (the list's order and cursor). */
export const visibleAtSql = sql<Date>`date_trunc('milliseconds', coalesce(${endorsement.publishedAt}, ${endorsement.concludedAt} + ${revealInterval}))`;

/** When a pending row publishes by itself. */
export const revealAtSql = sql`(${endorsement.concludedAt} + ${revealInterval})`;
