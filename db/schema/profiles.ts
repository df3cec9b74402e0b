import { sql } from "drizzle-orm";
import { boolean, check, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { tag } from "./artworks";

export const profileKind = pgEnum("profile_kind", ["creator", "diffuser"]);
/** public: anyone; members: signed-in people only; hidden: only the owner (404 to everyone else). */
export const profileVisibility = pgEnum("profile_visibility", ["public", "members", "hidden"]);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export type ProfileLink = { label: string; url: string };

/**
 * Every word the profiles' full-text vectors contain (only ever added to, by triggers on
 * profiles written in the migration), in C collation for exact probes. Typo correction looks its
 * candidate spellings up here in one index join instead of one full-text probe each.
 */
export const profileTerm = pgTable(
  "profile_term",
  {
    term: text("term").notNull(),
  },
  (t) => [uniqueIndex("profile_term_unique").on(sql`(${t.term} collate "C")`), check("profile_term_length", sql`char_length(${t.term}) between 1 and 200`)],
);

/** The public face of a user: one per user. */
export const profiles = pgTable(
  "profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    handle: text("handle").notNull(),
    displayName: text("display_name").notNull(),
    kind: profileKind("kind").notNull(),
    headline: text("headline").notNull().default(""),
    bio: text("bio").notNull().default(""),
    skills: text("skills").array().notNull().default(sql`'{}'::text[]`),
    region: text("region").notNull().default(""),
    openToCollaboration: boolean("open_to_collaboration").notNull().default(false),
    links: jsonb("links").$type<ProfileLink[]>().notNull().default(sql`'[]'::jsonb`),
    /** Path of the avatar under MEDIA_ROOT, when one was uploaded. */
    avatarFile: text("avatar_file"),
    visibility: profileVisibility("visibility").notNull().default("public"),
    /** Name, handle, headline, bio, skills and tags as one text, kept by the service for search. */
    searchDocument: text("search_document").notNull().default(""),
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('simple', search_document)`),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("profiles_handle_unique").on(sql`lower(${t.handle})`),
    index("profiles_skills_idx").using("gin", t.skills),
    index("profiles_search_vector_idx").using("gin", t.searchVector),
    // Newest first, for the search without words (filters only) and its keyset pagination.
    index("profiles_created_at_idx").on(t.createdAt.desc().nullsFirst()),
    index("profiles_display_name_trgm_idx").using("gin", t.displayName.op("gin_trgm_ops")),
    index("profiles_region_idx").on(sql`lower(${t.region})`),
    check("profiles_handle_format", sql`${t.handle} ~ '^[a-z0-9_-]{3,30}$'`),
    check("profiles_display_name_length", sql`char_length(${t.displayName}) between 1 and 80`),
    check("profiles_headline_length", sql`char_length(${t.headline}) <= 140`),
    check("profiles_bio_length", sql`char_length(${t.bio}) <= 4000`),
    check("profiles_region_length", sql`char_length(${t.region}) <= 80`),
    check("profiles_skills_count", sql`coalesce(array_length(${t.skills}, 1), 0) <= 30`),
    check("profiles_links_count", sql`jsonb_typeof(${t.links}) = 'array' and jsonb_array_length(${t.links}) <= 10`),
  ],
);

/** Tags a person chooses for themselves, through the platform's shared `tag` table. */
export const profileTag = pgTable(
  "profile_tag",
  {
    userId: text("user_id")
      .notNull()
      .references(() => profiles.userId, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tag.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tagId] }), index("profile_tag_tag_idx").on(t.tagId)],
);

export type Profile = typeof profiles.$inferSelect;
export type NewProfile = typeof profiles.$inferInsert;
export type ProfileKind = (typeof profileKind.enumValues)[number];

/** Who follows whom. */
export const follows = pgTable(
  "follows",
  {
    followerId: text("follower_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    followeeId: text("followee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followeeId] }),
    index("follows_followee_idx").on(t.followeeId),
    check("follows_not_self", sql`${t.followerId} <> ${t.followeeId}`),
  ],
);

/** A block hides the pair from each other both ways (matches, invitations, endorsements). */
export const blocks = pgTable(
  "blocks",
  {
    blockerId: text("blocker_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    blockedId: text("blocked_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    index("blocks_blocked_idx").on(t.blockedId),
    check("blocks_not_self", sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);

export type Follow = typeof follows.$inferSelect;
export type Block = typeof blocks.$inferSelect;
export type ProfileVisibility = (typeof profileVisibility.enumValues)[number];
