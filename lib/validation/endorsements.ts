import { z } from "zod";
import { handleSchema } from "./accounts";
import { multiLine, singleLine } from "./profiles";

export const ENDORSEMENT_CONTEXTS = ["workspace", "opportunity"] as const;
export type EndorsementContextType = (typeof ENDORSEMENT_CONTEXTS)[number];

export const ENDORSEMENT_TEXT_MAX = 2000;
export const ENDORSEMENT_MAX_SKILLS = 30;

const score = (what: string, missing = `${what} is a number from 1 to 5.`) =>
  z
    .number({ error: missing })
    .int(`${what} is a whole number from 1 to 5.`)
    .min(1, `${what} is at least 1.`)
    .max(5, `${what} is at most 5.`);

const text = (what: string, max: number, min: number) =>
  z
    .string({ error: `${what} must be text.` })
    .transform(multiLine)
    .pipe(
      z
        .string()
        .min(min, `Write ${what.toLowerCase()}.`)
        .max(max, `${what} is at most ${max} characters.`),
    );

export const contextRefSchema = z.strictObject(
  {
    type: z.enum(ENDORSEMENT_CONTEXTS, { error: 'The context type is "workspace" or "opportunity".' }),
    id: z.string({ error: "Give the context's id." }).trim().min(1, "Give the context's id.").max(100, "Not a valid id."),
  },
  { error: "Give the context as { type, id }." },
);

const skillScoreSchema = z.strictObject({
  skill: z
    .string({ error: "A skill must be text." })
    .transform(singleLine)
    .pipe(z.string().min(1, "Name the skill.").max(60, "A skill is at most 60 characters.")),
  score: score("A skill score"),
});

/** POST /api/v1/endorsements (API.md "Endorsements"). */
export const endorseSchema = z.strictObject({
  subject: z.string({ error: "Say whom you endorse." }).transform((h) => h.trim().replace(/^@/, "")).pipe(handleSchema),
  context: contextRefSchema,
  rating: score("The rating", "Choose a rating from 1 to 5."),
  skills: z
    .array(skillScoreSchema, { error: "Skills are a list of { skill, score }." })
    .max(ENDORSEMENT_MAX_SKILLS, `Score at most ${ENDORSEMENT_MAX_SKILLS} skills.`)
    .default([])
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const key = item.skill.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "skill"], message: `${item.skill} is scored twice.` });
        seen.add(key);
      });
    }),
  text: text("A few words about working together", ENDORSEMENT_TEXT_MAX, 1),
  privateNote: z
    .union([text("The private note", ENDORSEMENT_TEXT_MAX, 0), z.null()])
    .optional()
    .transform((v) => v || null),
});

export const replySchema = z.strictObject({ text: text("Your reply", ENDORSEMENT_TEXT_MAX, 1) });

export const reportSchema = z.strictObject({ reason: text("The reason", 1000, 1) });

/** `?limit=&cursor=` of a profile's endorsements. */
export const endorsementListQuerySchema = z.object({
  limit: z.coerce.number({ error: "limit is a number from 1 to 100." }).int("limit is a whole number.").min(1, "limit is at least 1.").max(100, "limit is at most 100.").default(20),
  cursor: z.string().max(200, "Not a valid cursor.").optional(),
});

export type EndorseInput = z.infer<typeof endorseSchema>;
export type ContextRef = z.infer<typeof contextRefSchema>;
