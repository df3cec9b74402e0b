import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/** What an endorsement is about: an ended workspace both people joined, or a filled call between its owner and a selected person. */
export const endorsementContext = pgEnum("endorsement_context", ["workspace", "opportunity"]);

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One person vouching for another after a real, concluded collaboration. Double-blind: it is
 * published once the subject endorsed the author in the same context (published_at set then),
 * or 14 days after the context concluded (concluded_at, copied from the context when written),
 * whichever comes first; readers compute that, no job needed. Never edited after publication.
 */
export const endorsement = pgTable(
  "endorsement",
  {
    id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subjectId: text("subject_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contextType: endorsementContext("context_type").notNull(),
    /** collab_session.id or opportunity.id, by context_type. */
    contextId: text("context_id").notNull(),
    /** When the context concluded: the session's end, or the call's filling. */
    concludedAt: timestamptz("concluded_at").notNull(),
    rating: integer("rating").notNull(),
    text: text("text").notNull(),
    /** Seen by moderators only. */
    privateNote: text("private_note"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    /** Set when the subject's endorsement of the author in the same context arrives. */
    publishedAt: timestamptz("published_at"),
    /** The subject's one public reply. */
    reply: text("reply"),
    repliedAt: timestamptz("replied_at"),
  },
  (t) => [
    uniqueIndex("endorsement_once").on(t.authorId, t.subjectId, t.contextType, t.contextId),
    index("endorsement_subject_idx").on(t.subjectId, t.createdAt),
    index("endorsement_context_idx").on(t.contextType, t.contextId),
    check("endorsement_not_self", sql`${t.authorId} <> ${t.subjectId}`),
    check("endorsement_rating_range", sql`${t.rating} between 1 and 5`),
    check("endorsement_text_length", sql`char_length(${t.text}) <= 2000`),
    check("endorsement_private_note_length", sql`${t.privateNote} is null or char_length(${t.privateNote}) <= 2000`),
    check("endorsement_reply_length", sql`${t.reply} is null or char_length(${t.reply}) between 1 and 2000`),
    check("endorsement_reply_complete", sql`(${t.reply} is null) = (${t.repliedAt} is null)`),
  ],
);

/** Optional per-skill scores of an endorsement. */
export const endorsementSkill = pgTable(
  "endorsement_skill",
  {
    endorsementId: text("endorsement_id")
      .notNull()
      .references(() => endorsement.id, { onDelete: "cascade" }),
    skill: text("skill").notNull(),
    score: integer("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.endorsementId, t.skill] }),
    check("endorsement_skill_score_range", sql`${t.score} between 1 and 5`),
    check("endorsement_skill_length", sql`char_length(${t.skill}) between 1 and 60`),
  ],
);

/** Anyone signed in may report an endorsement, once. */
export const endorsementReport = pgTable(
  "endorsement_report",
  {
    endorsementId: text("endorsement_id")
      .notNull()
      .references(() => endorsement.id, { onDelete: "cascade" }),
    reporterId: text("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.endorsementId, t.reporterId] }), check("endorsement_report_reason_length", sql`char_length(${t.reason}) between 1 and 1000`)],
);

export type Endorsement = typeof endorsement.$inferSelect;
