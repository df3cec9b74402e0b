import { z } from "zod";
import { MAX_TAGS, multiLine, singleLine, tagNameSchema } from "./profiles";

/**
 * Artwork fields, from JSON (PATCH) or multipart form fields (upload: every value is a string,
 * `tags` may be repeated or comma-separated, booleans arrive as "true"/"on"/"1").
 */

const TRUE = new Set(["true", "on", "1", "yes"]);
const FALSE = new Set(["false", "off", "0", "no", ""]);

/** A boolean from JSON, or from a form field's text. */
const formBoolean = (what: string) =>
  z.preprocess(
    (value) => {
      if (typeof value !== "string") return value;
      const v = value.trim().toLowerCase();
      return TRUE.has(v) ? true : FALSE.has(v) ? false : value;
    },
    z.boolean({ error: `${what} is true or false.` }),
  );

/** Tags as a list, a single string, repeated form fields, or comma-separated text. */
const artworkTagsSchema = z.preprocess(
  (value) => {
    const list = typeof value === "string" ? [value] : value;
    if (!Array.isArray(list) || !list.every((item) => typeof item === "string")) return value;
    return list.flatMap((item: string) => item.split(",")).filter((item) => item.trim() !== "");
  },
  z
    .array(tagNameSchema, { error: "Tags must be a list of words." })
    .max(MAX_TAGS, `Use at most ${MAX_TAGS} tags.`)
    .transform((tags) => [...new Set(tags)]),
);

const title = z
  .string({ error: "Give the artwork a title." })
  .transform(singleLine)
  .pipe(z.string().min(1, "Give the artwork a title.").max(200, "Titles are at most 200 characters."));
const style = z
  .string({ error: "The style must be text." })
  .transform(singleLine)
  .pipe(z.string().max(60, "The style is at most 60 characters."));
const altText = z
  .string({ error: "The description must be text." })
  .transform(multiLine)
  .pipe(z.string().max(500, "The description is at most 500 characters."));

const fields = {
  title,
  style,
  altText,
  tags: artworkTagsSchema,
  downloadable: formBoolean("Downloadable"),
  aiTrainingConsent: formBoolean("Consent to AI training"),
};

/** Upload: a title is required; AI-training consent is off unless the artist turns it on. */
export const createArtworkSchema = z.object(
  {
    title: fields.title,
    style: fields.style.default(""),
    altText: fields.altText.default(""),
    tags: fields.tags.default([]),
    downloadable: fields.downloadable.default(false),
    aiTrainingConsent: fields.aiTrainingConsent.default(false),
  },
  { error: "Send the artwork's fields." },
);

/** PATCH /api/v1/artworks/{id}: any subset of the fields; unknown keys are refused. */
export const updateArtworkSchema = z
  .object(
    {
      title: fields.title.optional(),
      style: fields.style.optional(),
      altText: fields.altText.optional(),
      tags: fields.tags.optional(),
      downloadable: fields.downloadable.optional(),
      aiTrainingConsent: fields.aiTrainingConsent.optional(),
    },
    { error: "Send the fields to change as a JSON object." },
  )
  .strict();

export type CreateArtworkInput = z.infer<typeof createArtworkSchema>;
export type UpdateArtworkInput = z.infer<typeof updateArtworkSchema>;
