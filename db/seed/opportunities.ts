import { searchDocumentOf } from "@/lib/services/opportunity_announcement/search-document";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import {
  opportunity, opportunityApplication, opportunityApplicationArtwork, opportunitySave, opportunitySelection, opportunityTag, opportunityTerm, tag,
} from "@/db/schema";
import { cityOf } from "./data";
import {
  APPLICATION_MESSAGES, ASKS, AUDIENCES, DISCIPLINES, OFFERS, OPPORTUNITY_KIND_WEIGHTS, ORG_WORDS, QUALIFIERS, TITLE_TEMPLATES,
} from "./opportunity-words";
import type { SeedArtwork, SeedPerson } from "./people";
import { createRandom, type Random } from "./random";
import { TAG_WEIGHTS, TAGS } from "./skills";

/** One synthetic posting, in the shape of the opportunity row (plus its tags). */
export type SeedOpportunity = {
  id: string;
  ownerId: string;
  title: string;
  kind: keyof typeof OPPORTUNITY_KIND_WEIGHTS;
  description: string;
  tags: string[];
  region: string;
  location: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  deadline: Date | null;
  paid: boolean;
  compensationAmount: number | null;
  compensationCurrency: string | null;
  entryFeeAmount: number | null;
  entryFeeCurrency: string | null;
  url: string | null;
  status: "open" | "closed" | "filled";
  filledAt: Date | null;
  createdAt: Date;
};

const DAY = 24 * 60 * 60 * 1000;
const KINDS = Object.keys(OPPORTUNITY_KIND_WEIGHTS) as SeedOpportunity["kind"][];
const CURRENCY_BY_COUNTRY: Record<string, string> = { US: "USD", GB: "GBP", CA: "CAD", JP: "JPY", KR: "KRW", CH: "CHF", BR: "BRL", MX: "MXN", AU: "AUD", SE: "SEK", DK: "DKK", NO: "NOK", PL: "PLN", IN: "INR" };
const EURO = new Set(["PT", "FR", "BE", "ES", "DE", "AT", "IE", "NL", "FI", "IT"]);

const currencyOf = (region: string) => {
  const country = region.split(",").pop()!.trim();
  return EURO.has(country) ? "EUR" : (CURRENCY_BY_COUNTRY[country] ?? "USD");
};

const slug = (text: string) => text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);

/** The search document, by the service's own rule. */
export const seedSearchTexts = (o: Pick<SeedOpportunity, "title" | "kind" | "tags">) => ({ searchDocument: searchDocumentOf(o) });

function roundAmount(rng: Random, min: number, max: number, step: number) {
  return Math.round(rng.int(min, max) / step) * step;
}

/**
 * One posting by `owner` (a diffuser), around `now`: most open with a deadline weeks ahead, some
 * closed or past their deadline, a few filled; most paid, a fifth with an entry fee.
 */
export function buildOpportunity(rng: Random, owner: Pick<SeedPerson, "id" | "region" | "shortName">, now: number): SeedOpportunity {
  const kind = rng.weighted(KINDS, KINDS.map((k) => OPPORTUNITY_KIND_WEIGHTS[k]));
  const tags = [...new Set(rng.weightedSample(TAGS, TAG_WEIGHTS, rng.int(1, 4)))];
  const discipline = rng.pick(DISCIPLINES);
  const city = cityOf(owner.region);
  const org = rng.chance(0.5) ? owner.shortName : `${rng.pick(ORG_WORDS)} ${city}`;
  const theme = tags[0]!.replace(/-/g, " ");
  const title = rng
    .pick(TITLE_TEMPLATES[kind])
    .replace("{q}", rng.pick(QUALIFIERS))
    .replace("{d}", discipline)
    .replace("{city}", city)
    .replace("{org}", org)
    .replace("{theme}", theme.charAt(0).toUpperCase() + theme.slice(1))
    .slice(0, 200);
  const createdAt = now - rng.int(1, 120) * DAY - rng.int(0, DAY - 1);
  const roll = rng.next();
  // Deadlines: mostly ahead, some already passed (they read as closed), a few rolling (none).
  const deadline = roll < 0.08 ? null : roll < 0.26 ? now - rng.int(1, 60) * DAY : now + rng.int(2, 75) * DAY;
  const dated = kind !== "job" || rng.chance(0.3);
  const startsAt = dated ? (deadline ?? now) + rng.int(14, 120) * DAY : null;
  const endsAt = startsAt !== null && rng.chance(0.85) ? startsAt + rng.int(kind === "residency" ? 14 : 7, kind === "residency" ? 120 : 60) * DAY : null;
  const paid = rng.chance(kind === "job" ? 0.95 : 0.65);
  const currency = currencyOf(owner.region);
  const stated = paid && rng.chance(0.8);
  const compensationAmount = stated ? (kind === "job" ? roundAmount(rng, 1800, 4200, 100) : roundAmount(rng, 300, 6000, 50)) * (currency === "JPY" || currency === "KRW" ? 100 : 1) : null;
  const fee = kind !== "job" && rng.chance(paid ? 0.1 : 0.35) ? roundAmount(rng, 10, 60, 5) : null;
  const statusRoll = rng.next();
  const status: SeedOpportunity["status"] = statusRoll < 0.06 ? "filled" : statusRoll < 0.14 ? "closed" : "open";
  const offers = rng.sample(OFFERS, rng.int(2, 4));
  const asks = rng.sample(ASKS, rng.int(2, 3));
  const description = [
    `${org} invites ${rng.pick(AUDIENCES)} working in ${discipline}${tags.length > 1 ? `, especially around ${tags.slice(0, 2).map((t) => t.replace(/-/g, " ")).join(" and ")}` : ""}.`,
    `We offer ${offers.join(", ")}.`,
    `To apply, send ${asks.join(", ")}.${fee ? ` The application fee covers jury costs.` : ""}`,
    kind === "job" ? "Part-time positions can be discussed; the role is based on site." : `Selected artists are announced within four weeks of the deadline.`,
  ].join("\n\n");
  return {
    id: rng.uuid(),
    ownerId: owner.id,
    title,
    kind,
    description,
    tags,
    region: owner.region,
    location: rng.chance(0.6) ? `${org}, ${city}`.slice(0, 200) : null,
    startsAt: startsAt === null ? null : new Date(startsAt),
    endsAt: endsAt === null ? null : new Date(endsAt),
    deadline: deadline === null ? null : new Date(deadline),
    paid,
    compensationAmount,
    compensationCurrency: compensationAmount === null ? null : currency,
    entryFeeAmount: fee,
    entryFeeCurrency: fee === null ? null : currency,
    url: rng.chance(0.7) ? `https://example.org/${slug(org)}/${slug(title)}` : null,
    status,
    filledAt: status === "filled" ? new Date(Math.min(now, createdAt + rng.int(10, 90) * DAY)) : null,
    createdAt: new Date(createdAt),
  };
}

/** `count` postings spread over the diffusers among `people` (a filled one needs someone to select, so the seed leaves those out). */
export function buildOpportunities(rng: Random, people: SeedPerson[], count: number, now: number): SeedOpportunity[] {
  const owners = people.filter((p) => p.kind === "diffuser");
  if (owners.length === 0) return [];
  return Array.from({ length: count }, () => buildOpportunity(rng, rng.pick(owners), now));
}

type SeedTx = Parameters<Parameters<DbHandle["db"]["transaction"]>[0]>[0];
const BATCH = 100;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * The demo's opportunities board, inside the seed's transaction: about one posting per six
 * people, from diffusers; creators apply (with artworks from their portfolio), filled postings
 * name one applicant as selected, and the demo account has saved two calls and applied to one.
 * Its own random stream (from `seed`), so the rest of the demo data is unchanged by it.
 */
export async function seedOpportunities(tx: SeedTx, people: SeedPerson[], artworks: SeedArtwork[], seed: number, now: number): Promise<number> {
  const rng = createRandom(seed ^ 0x0bb0);
  const postings = buildOpportunities(rng, people, Math.max(6, Math.round(people.length / 6)), now);
  if (postings.length === 0) return 0;
  const [demo] = people;
  const creators = people.filter((p) => p.kind === "creator" && p !== demo && p.activity !== "dormant");
  const applications: { id: string; opportunityId: string; applicantId: string; message: string; createdAt: Date }[] = [];
  const chosen: { applicationId: string; artworkId: string; position: number }[] = [];
  const selections: { opportunityId: string; selectedId: string; ownerId: string; concludedAt: Date }[] = [];
  for (const [i, p] of postings.entries()) {
    const applicants = rng.sample(creators, rng.int(p.status === "filled" ? 1 : 0, 5));
    if (demo && i < 2 && p.status === "open") applicants.push(demo);
    const latest = Math.min(now, p.deadline?.getTime() ?? now, p.filledAt?.getTime() ?? now);
    for (const a of applicants) {
      const id = rng.uuid();
      const at = p.createdAt.getTime() + Math.floor(rng.next() * Math.max(1, latest - p.createdAt.getTime()));
      applications.push({ id, opportunityId: p.id, applicantId: a.id, message: rng.pick(APPLICATION_MESSAGES), createdAt: new Date(at) });
      rng.sample(artworks.filter((w) => w.artistId === a.id), rng.int(0, 3)).forEach((w, position) => chosen.push({ applicationId: id, artworkId: w.id, position }));
    }
    if (p.status === "filled") {
      if (applicants.length === 0) Object.assign(p, { status: "closed", filledAt: null });
      else selections.push({ opportunityId: p.id, selectedId: applicants[0]!.id, ownerId: p.ownerId, concludedAt: p.filledAt ?? new Date(now) });
    }
  }
  await inBatches(postings, (batch) =>
    tx.insert(opportunity).values(batch.map(({ tags: _, ...p }) => ({ ...p, ...seedSearchTexts({ ...p, tags: _ }), updatedAt: p.createdAt }))),
  );
  await tx.execute(sql`insert into ${tag} (name) select unnest(${`{${[...new Set(postings.flatMap((p) => p.tags))].join(",")}}`}::text[]) on conflict do nothing`);
  const tagRows = await tx.select({ id: tag.id, name: tag.name }).from(tag);
  const tagId = new Map(tagRows.map((t) => [t.name, t.id]));
  await inBatches(postings.flatMap((p) => p.tags.map((t) => ({ opportunityId: p.id, tagId: tagId.get(t)! }))), (batch) => tx.insert(opportunityTag).values(batch));
  await inBatches(applications, (batch) => tx.insert(opportunityApplication).values(batch));
  await inBatches(chosen, (batch) => tx.insert(opportunityApplicationArtwork).values(batch));
  await inBatches(selections, (batch) => tx.insert(opportunitySelection).values(batch));
  const open = postings.filter((p) => p.status === "open" && p.deadline && p.deadline.getTime() > now);
  if (demo) await inBatches(open.slice(2, 4).map((p) => ({ userId: demo.id, opportunityId: p.id, createdAt: new Date(now) })), (batch) => tx.insert(opportunitySave).values(batch));
  await tx.execute(sql`insert into ${opportunityTerm} (term)
    select distinct w from ${opportunity}, unnest(tsvector_to_array(${opportunity.searchVector})) as w where char_length(w) <= 200 on conflict do nothing`);
  return postings.length;
}
