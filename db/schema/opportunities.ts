import { sql } from "drizzle-orm";
import { boolean, char, check, customType, index, integer, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { kreativeArtwork, tag } from "./artworks";

export const opportunityKind = pgEnum("opportunity_kind", ["residency", "exhibition", "open_call", "job"]);

/** Values of opportunity.status (a text column with a CHECK, so a new state is a migration, not an enum rewrite). */
export const OPPORTUNITY_STATUSES = ["open", "closed", "filled"] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** Attachment formats accepted by their bytes, and the size cap (10 MB). */
export const ATTACHMENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * A residency, exhibition, open call or job. The stored status is what the owner chose; readers
 * see `closed` once the deadline has passed (computed in SQL, so no job has to flip it).
 */
export const opportunity = pgTable(
  "opportunity",
  {
    id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    kind: opportunityKind("kind").notNull(),
    description: text("description").notNull().default(""),
    region: text("region").notNull().default(""),
    location: text("location"),
    startsAt: timestamptz("starts_at"),
    endsAt: timestamptz("ends_at"),
    deadline: timestamptz("deadline"),
    paid: boolean("paid").notNull().default(false),
    compensationAmount: numeric("compensation_amount", { precision: 12, scale: 2, mode: "number" }),
    compensationCurrency: char("compensation_currency", { length: 3 }),
    entryFeeAmount: numeric("entry_fee_amount", { precision: 12, scale: 2, mode: "number" }),
    entryFeeCurrency: char("entry_fee_currency", { length: 3 }),
    url: text("url"),
    status: text("status").$type<OpportunityStatus>().notNull().default("open"),
    filledAt: timestamptz("filled_at"),
    /**
     * Title and tag names as one text, kept by the service: trigram matching runs on it, and the
     * full-text vector covers it plus the description (derived here, so the description is not stored twice).
     */
    searchDocument: text("search_document").notNull().default(""),
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('simple', search_document || ' ' || description)`),
    /**
     * The ids in opportunity_tag, copied here by triggers (migration 0006) so a tag filter is a GIN
     * bitmap that combines with the region's (a BitmapAnd) instead of a join over every tagged posting.
     */
    tagIds: integer("tag_ids").array().notNull().default(sql`'{}'::integer[]`),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("opportunity_owner_idx").on(t.ownerId, t.createdAt),
    // Both orders' indexes carry the date and status columns, so a date-range search walks them
    // without reading the table (an index-only scan: ~0.3 µs an entry on PGlite, ~7 µs a row).
    index("opportunity_status_deadline_idx").on(t.status, t.deadline, t.id, t.startsAt, t.endsAt, t.createdAt),
    index("opportunity_created_idx").on(t.createdAt, t.id, t.status, t.deadline, t.startsAt, t.endsAt),
    // Region filters match any part ("lisbon", "PT"): a trigram index serves ILIKE '%…%'.
    index("opportunity_region_trgm_idx").using("gin", t.region.op("gin_trgm_ops")),
    index("opportunity_tag_ids_idx").using("gin", t.tagIds),
    // Date-range overlap: a missing start or end is an open bound.
    index("opportunity_dates_idx").using("gist", sql`tstzrange(${t.startsAt}, ${t.endsAt}, '[]')`),
    index("opportunity_search_vector_idx").using("gin", t.searchVector),
    index("opportunity_search_document_trgm_idx").using("gin", t.searchDocument.op("gin_trgm_ops")),
    check("opportunity_status_values", sql`${t.status} in ('open', 'closed', 'filled')`),
    check("opportunity_filled_at", sql`(${t.status} = 'filled') = (${t.filledAt} is not null)`),
    check("opportunity_dates_in_order", sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.endsAt} >= ${t.startsAt}`),
    check("opportunity_title_length", sql`char_length(${t.title}) between 1 and 200`),
    check("opportunity_description_length", sql`char_length(${t.description}) <= 20000`),
    check("opportunity_region_length", sql`char_length(${t.region}) <= 80`),
    check("opportunity_location_length", sql`char_length(${t.location}) <= 200`),
    check("opportunity_url_length", sql`char_length(${t.url}) <= 2000`),
    check("opportunity_compensation_amount", sql`${t.compensationAmount} is null or (${t.compensationAmount} >= 0 and ${t.paid})`),
    check("opportunity_compensation_currency", sql`(${t.compensationAmount} is null) = (${t.compensationCurrency} is null) and (${t.compensationCurrency} is null or ${t.compensationCurrency} ~ '^[A-Z]{3}$')`),
    check("opportunity_entry_fee_amount", sql`${t.entryFeeAmount} is null or ${t.entryFeeAmount} >= 0`),
    check("opportunity_entry_fee_currency", sql`(${t.entryFeeAmount} is null) = (${t.entryFeeCurrency} is null) and (${t.entryFeeCurrency} is null or ${t.entryFeeCurrency} ~ '^[A-Z]{3}$')`),
  ],
);

/**
 * Every word the full-text vectors of postings contain (only ever added to), in C collation so a
 * prefix is a range scan. Typo correction looks its candidate spellings up here in one index probe.
 */
export const opportunityTerm = pgTable(
  "opportunity_term",
  {
    term: text("term").notNull(),
  },
  (t) => [uniqueIndex("opportunity_term_unique").on(sql`(${t.term} collate "C")`), check("opportunity_term_length", sql`char_length(${t.term}) between 1 and 200`)],
);

/** Tags of a posting, through the platform's shared `tag` table. */
export const opportunityTag = pgTable(
  "opportunity_tag",
  {
    opportunityId: text("opportunity_id")
      .notNull()
      .references(() => opportunity.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tag.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.tagId] }), index("opportunity_tag_tag_idx").on(t.tagId, t.opportunityId)],
);

/** A brief, form or image attached to a posting; the file lives under MEDIA_ROOT with a server-made name. */
export const opportunityAttachment = pgTable(
  "opportunity_attachment",
  {
    id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
    opportunityId: text("opportunity_id")
      .notNull()
      .references(() => opportunity.id, { onDelete: "cascade" }),
    /** The uploader's file name, cleaned, shown and offered on download. */
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    /** Path relative to MEDIA_ROOT. */
    file: text("file").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("opportunity_attachment_opportunity_idx").on(t.opportunityId, t.createdAt),
    uniqueIndex("opportunity_attachment_file_unique").on(t.file),
    check("opportunity_attachment_type", sql`${t.contentType} in ('application/pdf', 'image/png', 'image/jpeg')`),
    check("opportunity_attachment_size", sql`${t.size} between 1 and 10485760`),
    check("opportunity_attachment_filename_length", sql`char_length(${t.filename}) between 1 and 200`),
  ],
);

/** One application per person per posting (the unique index decides races). */
export const opportunityApplication = pgTable(
  "opportunity_application",
  {
    id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
    opportunityId: text("opportunity_id")
      .notNull()
      .references(() => opportunity.id, { onDelete: "cascade" }),
    applicantId: text("applicant_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    message: text("message").notNull().default(""),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("opportunity_application_once").on(t.opportunityId, t.applicantId),
    index("opportunity_application_applicant_idx").on(t.applicantId),
    check("opportunity_application_message_length", sql`char_length(${t.message}) <= 4000`),
  ],
);

/** Artworks shown with an application, in the applicant's order. */
export const opportunityApplicationArtwork = pgTable(
  "opportunity_application_artwork",
  {
    applicationId: text("application_id")
      .notNull()
      .references(() => opportunityApplication.id, { onDelete: "cascade" }),
    artworkId: text("artwork_id")
      .notNull()
      .references(() => kreativeArtwork.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.artworkId] }), index("opportunity_application_artwork_artwork_idx").on(t.artworkId)],
);

/**
 * Who was selected when a posting was filled: each row is a concluded engagement between the
 * owner and the selected person, which partner_recommendation uses to allow endorsements.
 */
export const opportunitySelection = pgTable(
  "opportunity_selection",
  {
    opportunityId: text("opportunity_id")
      .notNull()
      .references(() => opportunity.id, { onDelete: "cascade" }),
    selectedId: text("selected_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The owner who filled the posting (the other side of the engagement). */
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    concludedAt: timestamptz("concluded_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.opportunityId, t.selectedId] }),
    index("opportunity_selection_selected_idx").on(t.selectedId),
    index("opportunity_selection_owner_idx").on(t.ownerId),
    check("opportunity_selection_not_owner", sql`${t.selectedId} <> ${t.ownerId}`),
  ],
);

/** Postings a person keeps an eye on (their deadlines go to the calendar feed). */
export const opportunitySave = pgTable(
  "opportunity_save",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    opportunityId: text("opportunity_id")
      .notNull()
      .references(() => opportunity.id, { onDelete: "cascade" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.opportunityId] }), index("opportunity_save_opportunity_idx").on(t.opportunityId)],
);

/** The secret in each person's private calendar URL; rotating it replaces the row's token. */
export const calendarFeedToken = pgTable(
  "calendar_feed_token",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_feed_token_unique").on(t.token), check("calendar_feed_token_format", sql`${t.token} ~ '^[A-Za-z0-9_-]{32,64}$'`)],
);

export type Opportunity = typeof opportunity.$inferSelect;
export type NewOpportunity = typeof opportunity.$inferInsert;
export type OpportunityKind = (typeof opportunityKind.enumValues)[number];
export type OpportunityAttachment = typeof opportunityAttachment.$inferSelect;
export type OpportunityApplication = typeof opportunityApplication.$inferSelect;
export type OpportunitySelection = typeof opportunitySelection.$inferSelect;
