import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { ArchivedStroke } from "@/lib/realtime/archive";
import { users } from "./accounts";
import { kreativeArtwork } from "./artworks";

export const sessionType = pgEnum("session_type", ["dm", "group"]);
export const collabJoinMode = pgEnum("collab_join_mode", ["edit", "spectate"]);

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

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
    startedAt: timestamptz("started_at").notNull().defaultNow(),
    endedAt: timestamptz("ended_at"),
    finalArtworkId: text("final_artwork_id").references(() => kreativeArtwork.id, { onDelete: "set null" }),
    /** Set once the room has handed over its transcript, notes and canvas (after the end). */
    archivedAt: timestamptz("archived_at"),
    /** The shared notes as the room held them at the end; null until archived. */
    notes: text("notes"),
  },
  (t) => [
    index("collab_session_host_idx").on(t.hostId),
    check("collab_session_name_length", sql`char_length(${t.name}) between 1 and 120`),
    check("collab_session_ended_after_start", sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
    check("collab_session_archived_after_end", sql`${t.archivedAt} is null or ${t.endedAt} is not null`),
    check("collab_session_notes_archived", sql`${t.notes} is null or (${t.archivedAt} is not null and char_length(${t.notes}) <= 200000)`),
    check("collab_session_final_after_end", sql`${t.finalArtworkId} is null or ${t.endedAt} is not null`),
  ],
);

/**
 * Who belongs to a session (the host included): membership and the invitation that made it.
 * A dm holds exactly two rows; a trigger in migration 0004 refuses a third.
 */
export const collabParticipant = pgTable(
  "collab_participant",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => collabSession.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    invitedAt: timestamptz("invited_at").notNull().defaultNow(),
    /** Who invited them; null for the host and for invitees whose inviter's account is gone. */
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("collab_participant_user_idx").on(t.userId)],
);

/** A room token issued to a participant: who asked to come in, how, and when. */
export const collabJoin = pgTable(
  "collab_join",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => collabSession.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: collabJoinMode("mode").notNull(),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [index("collab_join_session_idx").on(t.sessionId, t.at), index("collab_join_user_idx").on(t.userId)],
);

/** The archived chat: ids are the room's, so a retried archive cannot duplicate a message. */
export const collabMessage = pgTable(
  "collab_message",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => collabSession.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    /** Order in the room's transcript; the list cursor. */
    position: integer("position").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    /** The author's handle when they wrote it, so the line survives a deleted account. */
    author: text("author").notNull(),
    text: text("text").notNull(),
    at: timestamptz("at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.id] }),
    uniqueIndex("collab_message_position_unique").on(t.sessionId, t.position),
    check("collab_message_text_length", sql`char_length(${t.text}) between 1 and 2000`),
    check("collab_message_position_nonnegative", sql`${t.position} >= 0`),
  ],
);

/** The canvas as the room held it at the end, in drawing order (one row per archived session). */
export const collabCanvas = pgTable(
  "collab_canvas",
  {
    sessionId: text("session_id")
      .primaryKey()
      .references(() => collabSession.id, { onDelete: "cascade" }),
    strokes: jsonb("strokes").$type<ArchivedStroke[]>().notNull(),
    archivedAt: timestamptz("archived_at").notNull().defaultNow(),
  },
  (t) => [check("collab_canvas_strokes_array", sql`jsonb_typeof(${t.strokes}) = 'array'`)],
);

/** The contribution ledger: strokes each person added over the session, erased ones included. */
export const collabContribution = pgTable(
  "collab_contribution",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => collabSession.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    strokes: integer("strokes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), check("collab_contribution_strokes_nonnegative", sql`${t.strokes} >= 0`)],
);

/** People credited on an artwork besides its artist (a session's final artwork: everyone who drew). */
export const artworkContributor = pgTable(
  "artwork_contributor",
  {
    artworkId: text("artwork_id")
      .notNull()
      .references(() => kreativeArtwork.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    strokes: integer("strokes").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.artworkId, t.userId] }),
    index("artwork_contributor_user_idx").on(t.userId),
    check("artwork_contributor_strokes_positive", sql`${t.strokes} > 0`),
  ],
);

export type CollabSession = typeof collabSession.$inferSelect;
export type CollabParticipant = typeof collabParticipant.$inferSelect;
export type CollabJoin = typeof collabJoin.$inferSelect;
export type CollabMessage = typeof collabMessage.$inferSelect;
export type CollabContribution = typeof collabContribution.$inferSelect;
export type ArtworkContributor = typeof artworkContributor.$inferSelect;
