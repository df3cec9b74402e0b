import { z } from "zod";
import { handleSchema } from "./accounts";

export const MATCH_INTENTS = ["follow", "contact", "collaborate"] as const;
export const DISMISS_REASONS = ["not_relevant", "dont_know", "not_now"] as const;
export const MATCH_LIMIT_DEFAULT = 20;
export const MATCH_LIMIT_MAX = 100;

// A GET form or a bare `?limit=` sends "": that means "the default", not a bad value.
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const matchIntentSchema = z.enum(MATCH_INTENTS, { error: "The intent is follow, contact or collaborate." });

/** GET /api/v1/matches and the people tab's suggestions; unknown keys are ignored. */
export const matchesQuerySchema = z.object({
  limit: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "The limit must be a number." })
      .int("The limit must be a whole number.")
      .min(1, "The limit is at least 1.")
      .max(MATCH_LIMIT_MAX, `The limit is at most ${MATCH_LIMIT_MAX}.`)
      .default(MATCH_LIMIT_DEFAULT),
  ),
  intent: z.preprocess(emptyToUndefined, matchIntentSchema.default("follow")),
});

/** POST /api/v1/matches/dismiss. Without a reason a dismissal is `not_relevant` (for good). */
export const dismissMatchSchema = z
  .object(
    {
      handle: handleSchema,
      reason: z.enum(DISMISS_REASONS, { error: "The reason is not_relevant, dont_know or not_now." }).default("not_relevant"),
    },
    { error: "Send { handle, reason? }." },
  )
  .strict();

export type MatchesQuery = z.output<typeof matchesQuerySchema>;
export type DismissMatchInput = z.output<typeof dismissMatchSchema>;
