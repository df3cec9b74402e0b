import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/** Kreative's shared artwork table: the names and fields are the platform's; Kontact only adds. */
export const kreativeArtwork = pgTable(
  "kreative_artwork",
  {
    id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
    artistId: text("artist_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Path of the stored file, relative to MEDIA_ROOT. */
    mediaFile: text("media_file").notNull(),
    mediaType: text("media_type").notNull(),
    style: text("style").notNull().default(""),
    /** Kontact's additions: a small rendition for grids, accessibility text and the artist's rights choices. */
    thumbnailFile: text("thumbnail_file"),
    width: integer("width"),
    height: integer("height"),
    altText: text("alt_text").notNull().default(""),
    downloadable: boolean("downloadable").notNull().default(false),
    aiTrainingConsent: boolean("ai_training_consent").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("kreative_artwork_artist_idx").on(t.artistId, t.createdAt),
    check("kreative_artwork_title_length", sql`char_length(${t.title}) between 1 and 200`),
    check("kreative_artwork_style_length", sql`char_length(${t.style}) <= 60`),
    check("kreative_artwork_alt_length", sql`char_length(${t.altText}) <= 500`),
  ],
);

export const tag = pgTable(
  "tag",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
  },
  (t) => [
    uniqueIndex("tag_name_unique").on(t.name),
    check("tag_name_format", sql`char_length(${t.name}) between 1 and 40 and ${t.name} = lower(${t.name})`),
  ],
);

export const artworkTag = pgTable(
  "artwork_tag",
  {
    artworkId: text("artwork_id")
      .notNull()
      .references(() => kreativeArtwork.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tag.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.artworkId, t.tagId] }), index("artwork_tag_tag_idx").on(t.tagId)],
);

export type KreativeArtwork = typeof kreativeArtwork.$inferSelect;
export type Tag = typeof tag.$inferSelect;
