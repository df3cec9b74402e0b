import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/** not_now comes back after 30 days; the others never. */
export const dismissalReason = pgEnum("dismissal_reason", ["not_relevant", "dont_know", "not_now"]);

/** Someone a user does not want suggested (again). One row per pair; a new dismissal replaces the old. */
export const matchDismissal = pgTable(
  "match_dismissal",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetId: text("target_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: dismissalReason("reason").notNull().default("not_relevant"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.targetId] }),
    index("match_dismissal_target_idx").on(t.targetId),
    check("match_dismissal_not_self", sql`${t.userId} <> ${t.targetId}`),
  ],
);
