/**
 * The double-blind rule as plain functions (no database), shared by the service, the SQL readers
 * and the pages. An endorsement is published once the subject endorsed the author in the same
 * context (published_at set then), or REVEAL_AFTER_DAYS after the context concluded; endorsing
 * closes at that same instant, so nobody can write after reading what the other wrote.
 */
export const REVEAL_AFTER_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
export const REVEAL_AFTER_MS = REVEAL_AFTER_DAYS * DAY_MS;

/**
 * Concluded-at times come from the database clock (a session's end is `now()` there), the `now`
 * of a request from the app's: this much skew still counts as concluded.
 */
export const CLOCK_SKEW_MS = 60_000;

export type EndorsementStatus = "pending" | "published";

/** When an endorsement written in a context concluded at `concludedAt` publishes by itself; endorsing closes then. */
export const revealAt = (concludedAt: Date): Date => new Date(concludedAt.getTime() + REVEAL_AFTER_MS);

/** Published: the reciprocal arrived, or the reveal time has come. */
export function statusOf(row: { publishedAt: Date | null; concludedAt: Date }, now: Date): EndorsementStatus {
  return row.publishedAt !== null || revealAt(row.concludedAt) <= now ? "published" : "pending";
}

/** When it became visible (null while pending). */
export function visibleSince(row: { publishedAt: Date | null; concludedAt: Date }, now: Date): Date | null {
  if (row.publishedAt) return row.publishedAt;
  const at = revealAt(row.concludedAt);
  return at <= now ? at : null;
}

export type WindowState = "not_concluded" | "open" | "closed";

/** Whether someone may endorse in a context concluded at `concludedAt` (null: not concluded). */
export function endorsementWindow(concludedAt: Date | null, now: Date): WindowState {
  if (!concludedAt || concludedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return "not_concluded";
  return now < revealAt(concludedAt) ? "open" : "closed";
}

/** Averages as the API gives them: two decimals, null when there is nothing to average. */
export function roundAverage(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}
