import { cityOf, REGIONS } from "@/db/seed/data";
import type { SeedOpportunity } from "@/db/seed/opportunities";
import { DISCIPLINES } from "@/db/seed/opportunity-words";
import { createRandom } from "@/db/seed/random";
import { TAG_WEIGHTS, TAGS } from "@/db/seed/skills";

export type Case = { raw: Record<string, string | string[]>; query: string };
export type CaseSets = { "free text": Case[]; "tag + region": Case[]; "date range": Case[] };

const DAY = 24 * 60 * 60 * 1000;

function toCase(raw: Record<string, string | string[]>): Case {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) for (const x of [v].flat()) params.append(k, x);
  return { raw, query: params.toString() };
}

/** Swaps two neighbouring letters: the commonest typo. */
function typo(word: string, at: number): string {
  if (word.length < 5) return word;
  const i = 1 + (at % (word.length - 2));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/**
 * Query mixes drawn from the generated postings: free text (a discipline, a tag, a city, two
 * words, or a discipline with two letters swapped), a tag with a city, and a 1-9 week window.
 */
export function buildCases(postings: SeedOpportunity[], n: number, now: number): CaseSets {
  const rng = createRandom(99);
  const cities = REGIONS.map((r) => cityOf(r.name));
  const freeText = Array.from({ length: n }, (_, i) => {
    const p = rng.pick(postings);
    const discipline = rng.pick(DISCIPLINES);
    const roll = i % 5;
    const q =
      roll === 0 ? discipline
        : roll === 1 ? rng.pick(p.tags).replace(/-/g, " ")
          : roll === 2 ? `${discipline} ${cityOf(p.region)}`
            : roll === 3 ? typo(discipline.split(" ")[0]!, rng.int(0, 10))
              : `${p.kind === "open_call" ? "open call" : p.kind} ${rng.pick(cities)}`;
    return toCase({ q });
  });
  const tagRegion = Array.from({ length: n }, () =>
    toCase({ tag: rng.weighted(TAGS, TAG_WEIGHTS), region: rng.pick(cities) }),
  );
  const dates = Array.from({ length: n }, () => {
    const from = now + rng.int(0, 300) * DAY;
    const to = from + rng.int(7, 63) * DAY;
    return toCase({ from: new Date(from).toISOString().slice(0, 10), to: new Date(to).toISOString().slice(0, 10), sort: "deadline" });
  });
  return { "free text": freeText, "tag + region": tagRegion, "date range": dates };
}
