import { z } from "zod";
import { handleSchema } from "./accounts";
import { multiLine, singleLine, tagNameSchema } from "./profiles";

export const OPPORTUNITY_KINDS = ["residency", "exhibition", "open_call", "job"] as const;
export const OPPORTUNITY_SORTS = ["relevance", "deadline", "recent"] as const;
export const STATUS_FILTERS = ["open", "closed", "filled", "any"] as const;
export type OpportunitySort = (typeof OPPORTUNITY_SORTS)[number];
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** "2027-03-01" or a full ISO 8601 time; a bare date ends at the end of that UTC day when `endOfDay`. */
function instant(label: string, endOfDay: boolean) {
  return z
    .string({ error: `Give ${label} as a date.` })
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) || z.iso.datetime({ offset: true }).safeParse(v).success, `Give ${label} as a date (YYYY-MM-DD) or an ISO 8601 time.`)
    .transform((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(Date.parse(`${v}T00:00:00Z`) + (endOfDay ? DAY_MS - 1000 : 0)) : new Date(v)))
    .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2200, `Give ${label} as a real date.`);
}

const optionalText = (max: number, message: string) =>
  z
    .string()
    .transform(singleLine)
    .pipe(z.string().max(max, message))
    .nullable()
    .transform((v) => (v ? v : null));

const currencySchema = z
  .string({ error: "Give a currency code like EUR." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Give a three-letter currency code like EUR.");

const amountSchema = z
  .number({ error: "Give the amount as a number." })
  .min(0, "Amounts cannot be negative.")
  .max(9_999_999_999, "That amount is too large.")
  .transform((n) => Math.round(n * 100) / 100);

export const compensationSchema = z
  .object({
    paid: z.boolean({ error: "Say whether it is paid." }),
    amount: amountSchema.optional(),
    currency: currencySchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.amount !== undefined && !c.paid) ctx.addIssue({ code: "custom", path: ["amount"], message: "An unpaid opportunity has no amount." });
    if (c.amount !== undefined && !c.currency) ctx.addIssue({ code: "custom", path: ["currency"], message: "Give the currency of the amount." });
    if (c.amount === undefined && c.currency) ctx.addIssue({ code: "custom", path: ["amount"], message: "Give the amount for this currency." });
  });

/** An entry fee of 0 is no fee: it is stored and returned as null. */
export const entryFeeSchema = z
  .object({ amount: amountSchema, currency: currencySchema })
  .nullable()
  .transform((fee) => (fee && fee.amount > 0 ? fee : null));

const urlSchema = z
  .string()
  .trim()
  .max(2000, "Links are at most 2000 characters.")
  .nullable()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), "Links start with http:// or https://.");

const fields = {
  title: z
    .string({ error: "Give the opportunity a title." })
    .transform(singleLine)
    .pipe(z.string().min(1, "Give the opportunity a title.").max(200, "Titles are at most 200 characters.")),
  kind: z.enum(OPPORTUNITY_KINDS, { error: "Choose residency, exhibition, open call or job." }),
  description: z.string({ error: "Describe the opportunity." }).transform(multiLine).pipe(z.string().max(20000, "Descriptions are at most 20,000 characters.")),
  tags: z
    .array(tagNameSchema, { error: "Tags are a list of words." })
    .max(12, "Use at most 12 tags.")
    .transform((tags) => [...new Set(tags)]),
  region: z.string({ error: "Give a region." }).transform(singleLine).pipe(z.string().max(80, "Regions are at most 80 characters.")),
  location: optionalText(200, "Locations are at most 200 characters."),
  startsAt: instant("the start", false).nullable(),
  endsAt: instant("the end", true).nullable(),
  deadline: instant("the deadline", true).nullable(),
  compensation: compensationSchema,
  entryFee: entryFeeSchema,
  url: urlSchema,
};

/** Run a cross-field rule even when other fields failed, as long as the fields it reads are valid. */
const fieldsValid =
  (...names: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    // Not when the value as a whole failed (null, a string…: no fields to compare), nor when one of the fields did.
    payload.issues.every((issue) => (issue.path?.length ?? 0) > 0 && !names.includes(String(issue.path![0])));

const datesInOrder: [(v: { startsAt?: Date | null; endsAt?: Date | null }) => boolean, { path: string[]; message: string; when: ReturnType<typeof fieldsValid> }] = [
  (v) => !(v.startsAt && v.endsAt && v.endsAt < v.startsAt),
  { path: ["endsAt"], message: "The end cannot be before the start.", when: fieldsValid("startsAt", "endsAt") },
];

export const createOpportunitySchema = z
  .object({
    title: fields.title,
    kind: fields.kind,
    description: fields.description.default(""),
    tags: fields.tags.default([]),
    region: fields.region.default(""),
    location: fields.location.default(null),
    startsAt: fields.startsAt.default(null),
    endsAt: fields.endsAt.default(null),
    deadline: fields.deadline.default(null),
    compensation: fields.compensation.default({ paid: false }),
    entryFee: fields.entryFee.default(null),
    url: fields.url.default(null),
  })
  .refine(...datesInOrder);

export type CreateOpportunityInput = z.output<typeof createOpportunitySchema>;

/** Any subset of the fields, plus a status move; `filledBy` names who was selected when filling. */
export const updateOpportunitySchema = z
  .object({
    title: fields.title.optional(),
    kind: fields.kind.optional(),
    description: fields.description.optional(),
    tags: fields.tags.optional(),
    region: fields.region.optional(),
    location: fields.location.optional(),
    startsAt: fields.startsAt.optional(),
    endsAt: fields.endsAt.optional(),
    deadline: fields.deadline.optional(),
    compensation: fields.compensation.optional(),
    entryFee: fields.entryFee.optional(),
    url: fields.url.optional(),
    status: z.enum(["open", "closed", "filled"], { error: "Status is open, closed or filled." }).optional(),
    filledBy: z
      .array(handleSchema, { error: "List the handles of the people selected." })
      .min(1, "Name at least one person who was selected.")
      .max(50, "Name at most 50 people.")
      .transform((h) => [...new Set(h)])
      .optional(),
  })
  .refine(...datesInOrder)
  .refine((v) => v.status !== "filled" || v.filledBy !== undefined, { path: ["filledBy"], message: "Name who was selected.", when: fieldsValid("status", "filledBy") })
  .refine((v) => v.filledBy === undefined || v.status === "filled", { path: ["filledBy"], message: "filledBy goes with status filled.", when: fieldsValid("status", "filledBy") });

export type UpdateOpportunityInput = z.output<typeof updateOpportunitySchema>;

const flag = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "true" || v === "1" || v === "on");

const listOf = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** GET /api/v1/opportunities query (also the page's URL): repeated `kind` and `tag` are allowed. */
export const listOpportunitiesSchema = z
  .object({
    q: z.string().trim().max(200, "Search text is at most 200 characters.").optional().transform((v) => v || undefined),
    kind: listOf(fields.kind),
    tag: listOf(tagNameSchema).pipe(z.array(z.string()).max(10, "Filter by at most 10 tags.")),
    region: z.string().trim().max(80, "Regions are at most 80 characters.").optional().transform((v) => v || undefined),
    from: instant("from", false).optional(),
    to: instant("to", true).optional(),
    status: z.enum(STATUS_FILTERS, { error: "Status is open, closed, filled or any." }).optional(),
    paid: flag,
    noEntryFee: flag,
    owner: z.literal("me", { error: "owner can only be me." }).optional(),
    sort: z.enum(OPPORTUNITY_SORTS, { error: "Sort by relevance, deadline or recent." }).default("relevance"),
    limit: z.coerce.number({ error: "limit is a number from 1 to 100." }).int("limit is a whole number.").min(1, "limit is at least 1.").max(100, "limit is at most 100.").default(20),
    cursor: z.string().max(500, "Not a valid cursor.").optional(),
  })
  .refine((v) => !(v.from && v.to && v.to < v.from), { path: ["to"], message: "The range ends before it starts.", when: fieldsValid("from", "to") });

export type ListOpportunitiesInput = z.output<typeof listOpportunitiesSchema>;

export const applySchema = z.object({
  message: z.string({ error: "Write a message to the organiser." }).trim().min(1, "Write a message to the organiser.").max(4000, "Messages are at most 4,000 characters."),
  artworkIds: z
    .array(z.string().min(1).max(100), { error: "artworkIds is a list of artwork ids." })
    .max(12, "Choose at most 12 artworks.")
    .default([])
    .transform((ids) => [...new Set(ids)]),
});

export type ApplyInput = z.output<typeof applySchema>;

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, "limit is at least 1.").max(100, "limit is at most 100.").default(20),
  cursor: z.string().max(500).optional(),
});

/** Turns URLSearchParams into the plain object the list schema reads (repeated keys become arrays). */
export function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key).filter((v) => v !== "");
    if (all.length === 0) continue;
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}
