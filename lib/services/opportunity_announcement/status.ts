import { sql, type SQL } from "drizzle-orm";
import { opportunity } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { StatusFilter } from "@/lib/validation/opportunities";
import type { OpportunityStatus } from "./types";

/**
 * The status every reader sees: an open posting whose deadline has passed reads as closed from
 * that instant on. Computed in SQL at read time, so no background job has to flip anything.
 */
export const effectiveStatus = sql<OpportunityStatus>`(case when ${opportunity.status} = 'open' and ${opportunity.deadline} < now() then 'closed' else ${opportunity.status} end)`;

/** The same rule as a WHERE clause, written so the (status, deadline) index can serve it. */
export function statusCondition(filter: StatusFilter): SQL | undefined {
  switch (filter) {
    case "open":
      return sql`(${opportunity.status} = 'open' and (${opportunity.deadline} is null or ${opportunity.deadline} >= now()))`;
    case "closed":
      return sql`(${opportunity.status} = 'closed' or (${opportunity.status} = 'open' and ${opportunity.deadline} < now()))`;
    case "filled":
      return sql`${opportunity.status} = 'filled'`;
    case "any":
      return undefined;
  }
}

/** The same rule in code, for a row already read (e.g. inside a transaction). */
export function effectiveOf(stored: OpportunityStatus, deadline: Date | null, now = new Date()): OpportunityStatus {
  return stored === "open" && deadline !== null && deadline < now ? "closed" : stored;
}

/**
 * Checks a status move: open → closed, closed → open, open | closed → filled; filled is final.
 * Asking for the status a posting already has (other than filled) is not a move and passes.
 * Reopening needs a deadline that is not already past (else it would still read as closed).
 */
export function checkStatusMove(current: OpportunityStatus, wanted: OpportunityStatus, deadlineAfter: Date | null, now = new Date()): "none" | "move" {
  if (current === "filled") throw new AppError("conflict", "This opportunity is filled; that is final.");
  if (wanted === current) return "none";
  if (wanted === "open" && deadlineAfter !== null && deadlineAfter < now) {
    throw new AppError("conflict", "The deadline has passed: set a later deadline to reopen.");
  }
  return "move";
}
