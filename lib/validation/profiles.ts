import { z } from "zod";
import { handleSchema, profileKindSchema } from "./accounts";

// Control characters: C0 (minus \t and \n, handled per field), DEL and C1.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** One line of text: control characters dropped, runs of whitespace made one space, trimmed. */
export const singleLine = (value: string) => value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();

/** Plain text that keeps its line breaks and tabs: \r\n becomes \n, other control characters go. */
export const multiLine = (value: string) =>
  value
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .replace(/[ \t]+$/gm, "")
    .trim();

const line = (what: string, max: number, min = 0) =>
  z
    .string({ error: `${what} must be text.` })
    .transform(singleLine)
    .pipe(
      z
        .string()
        .min(min, min === 1 ? `${what} cannot be empty.` : `${what} is at least ${min} characters.`)
        .max(max, `${what} is at most ${max} characters.`),
    );

/** Case-insensitive de-duplication that keeps the first spelling and the order. */
const uniqueIgnoringCase = (items: string[]) => {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export const MAX_SKILLS = 30;
export const MAX_TAGS = 20;
export const MAX_LINKS = 10;

export const skillsSchema = z
  .array(line("A skill", 40, 1), { error: "Skills must be a list of words." })
  .max(MAX_SKILLS, `List at most ${MAX_SKILLS} skills.`)
  .transform(uniqueIgnoringCase);

/** A tag name as the shared `tag` table stores it: lower case, 1-40 of a-z, 0-9, space and hyphen. */
export const tagNameSchema = z
  .string({ error: "A tag must be text." })
  .transform((value) => singleLine(value).toLowerCase())
  .pipe(
    z
      .string()
      .min(1, "A tag cannot be empty.")
      .max(40, "A tag is at most 40 characters.")
      .regex(/^[a-z0-9 -]+$/, "Tags use only letters a-z, digits, spaces and hyphens."),
  );

export const tagsSchema = z
  .array(tagNameSchema, { error: "Tags must be a list of words." })
  .max(MAX_TAGS, `Use at most ${MAX_TAGS} tags.`)
  .transform((tags) => [...new Set(tags)]);

/** An absolute http(s) URL with a host; javascript:, data:, file: and the like are refused. */
export const webUrlSchema = z
  .string({ error: "Enter a web address." })
  .trim()
  .min(1, "Enter a web address.")
  .max(2000, "Web addresses are at most 2000 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "Use a full web address starting with http:// or https://.");

export const linkSchema = z
  .object(
    {
      label: line("A link label", 40, 1),
      url: webUrlSchema,
    },
    { error: "A link is { label, url }." },
  )
  .strict();

export const linksSchema = z
  .array(linkSchema, { error: "Links must be a list of { label, url }." })
  .max(MAX_LINKS, `Add at most ${MAX_LINKS} links.`);

export const profileVisibilitySchema = z.enum(["public", "members", "hidden"], {
  error: "Visibility is public, members or hidden.",
});

/** PATCH /api/v1/profiles/me and the edit form: any subset of the fields; unknown keys are refused. */
export const updateProfileSchema = z
  .object(
    {
      displayName: line("Your name", 80, 1),
      headline: line("The headline", 140),
      bio: z
        .string({ error: "The bio must be text." })
        .transform(multiLine)
        .pipe(z.string().max(4000, "The bio is at most 4000 characters.")),
      skills: skillsSchema,
      tags: tagsSchema,
      region: line("The region", 80),
      links: linksSchema,
      openToCollaboration: z.boolean({ error: "Open to collaboration is true or false." }),
      visibility: profileVisibilitySchema,
      kind: profileKindSchema,
    },
    { error: "Send the fields to change as a JSON object." },
  )
  .partial()
  .strict();

export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const followSchema = z.object({ handle: handleSchema }, { error: "Send { handle }." }).strict();
export const blockSchema = followSchema;

export type FollowInput = z.infer<typeof followSchema>;
