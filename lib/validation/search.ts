import { z } from "zod";
import { profileKindSchema } from "./accounts";

/** Longest free-text query accepted; longer input is refused (422 `q`), not cut. */
export const SEARCH_Q_MAX = 200;
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;

// Control characters out, runs of whitespace made one space, trimmed.
const oneLine = (value: string) => value.replace(/[\u0000-\u001F\u007F-\u009F]/g, " ").replace(/\s+/g, " ").trim();

/** An optional text parameter: "" and whitespace-only count as absent (a GET form sends empty fields). */
const optionalText = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text.` })
    .transform(oneLine)
    .pipe(z.string().max(max, `${what} is at most ${max} characters.`))
    .optional()
    .transform((value) => (value ? value : undefined));

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/**
 * GET /api/v1/profiles and the people tab: every field optional; unknown keys are ignored
 * (a shared link may carry tracking parameters). Query strings arrive as strings, so `limit` is coerced.
 */
export const searchProfilesSchema = z.object({
  q: optionalText("The search text", SEARCH_Q_MAX),
  skill: optionalText("The skill", 40),
  tag: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: "The tag must be text." })
      .transform((value) => oneLine(value).toLowerCase())
      .pipe(
        z
          .string()
          .max(40, "The tag is at most 40 characters.")
          .regex(/^[a-z0-9 -]*$/, "Tags use only letters a-z, digits, spaces and hyphens."),
      )
      .optional()
      .transform((value) => (value ? value : undefined)),
  ),
  region: optionalText("The region", 80),
  kind: z.preprocess(emptyToUndefined, profileKindSchema.optional()),
  limit: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "The limit must be a number." })
      .int("The limit must be a whole number.")
      .min(1, "The limit is at least 1.")
      .max(SEARCH_LIMIT_MAX, `The limit is at most ${SEARCH_LIMIT_MAX}.`)
      .default(SEARCH_LIMIT_DEFAULT),
  ),
  cursor: z.preprocess(emptyToUndefined, z.string({ error: "The cursor must be text." }).max(512, "This cursor is not valid.").optional()),
});

export type SearchProfilesInput = z.input<typeof searchProfilesSchema>;
export type SearchProfilesQuery = z.output<typeof searchProfilesSchema>;

/** The keys a URL may carry, in the order they are written back into links. */
export const SEARCH_PARAMS = ["q", "skill", "tag", "region", "kind", "limit", "cursor"] as const;
