import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { tag } from "./artworks";

export const profileKind = pgEnum("profile_kind", ["creator", "diffuser"]);

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
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("profiles_handle_unique").on(sql`lower(${t.handle})`),
    index("profiles_skills_idx").using("gin", t.skills),
    check("profiles_handle_format", sql`${t.handle} ~ '^[a-z0-9_-]{3,30}$'`),
    check("profiles_display_name_length", sql`char_length(${t.displayName}) between 1 and 80`),
    check("profiles_headline_length", sql`char_length(${t.headline}) <= 140`),
    check("profiles_bio_length", sql`char_length(${t.bio}) <= 4000`),
    check("profiles_region_length", sql`char_length(${t.region}) <= 80`),
    check("profiles_skills_count", sql`coalesce(array_length(${t.skills}, 1), 0) <= 30`),
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
