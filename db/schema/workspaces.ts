import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { kreativeArtwork } from "./artworks";

export const sessionType = pgEnum("session_type", ["dm", "group"]);

/** Kontact's collaboration session (a workspace room), with the seed's fields. */
export const collabSession = pgTable(
  "collab_session",
  {
    id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
    name: text("name").notNull(),
    hostId: text("host_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionType: sessionType("session_type").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
    finalArtworkId: text("final_artwork_id").references(() => kreativeArtwork.id, { onDelete: "set null" }),
  },
  (t) => [
    index("collab_session_host_idx").on(t.hostId),
    check("collab_session_name_length", sql`char_length(${t.name}) between 1 and 120`),
    check("collab_session_ended_after_start", sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
  ],
);

/** Who belongs to a session (the host included). */
export const collabParticipant = pgTable(
  "collab_participant",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => collabSession.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    invitedAt: timestamp("invited_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("collab_participant_user_idx").on(t.userId)],
);

export type CollabSession = typeof collabSession.$inferSelect;
export type CollabParticipant = typeof collabParticipant.$inferSelect;
