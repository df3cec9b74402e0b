import type { SeedPerson } from "@/db/seed/people";
import { createRandom } from "@/db/seed/random";

/** The query mixes the search bench replays, drawn from the generated people so they hit real data. */

export type Raw = Record<string, string>;
export type QueryCase = { raw: Raw; /** For typos: the display name the person meant. */ expect?: string };
export type QuerySets = Record<"single-word" | "two-word" | "typo" | "filter-only", QueryCase[]>;

const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** One deletion, transposition or substitution inside a word of 5+ letters (never its first letter). */
function misspell(word: string, pick: (n: number) => number): string {
  const chars = [...word];
  const i = 1 + pick(chars.length - 2);
  const kind = pick(3);
  if (kind === 0) chars.splice(i, 1);
  else if (kind === 1) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  else chars[i] = chars[i] === "e" ? "a" : "e";
  return chars.join("");
}

export function buildQuerySets(people: readonly SeedPerson[], visible: (p: SeedPerson) => boolean, count: number, seed = 77): QuerySets {
  const rng = createRandom(seed);
  const pick = (n: number) => rng.int(0, Math.max(0, n - 1));
  const shown = people.filter(visible);
  const person = () => shown[pick(shown.length)]!;
  const city = (p: SeedPerson) => p.region.split(",")[0]!;
  const sets: QuerySets = { "single-word": [], "two-word": [], typo: [], "filter-only": [] };
  for (let i = 0; i < count; i++) {
    const a = person();
    const skillWord = words(a.skills[pick(a.skills.length)] ?? "painting")[0]!;
    // Skills follow the data's Zipf curve, so the common ones ("painting": ~58% of people) come up often.
    sets["single-word"].push({ raw: { q: [skillWord, words(a.displayName)[0]!, city(a), a.tags[0] ?? "climate"][i % 4]! } });
    sets["two-word"].push({ raw: { q: i % 2 ? words(a.displayName).slice(0, 2).join(" ") : `${skillWord} ${city(a)}` } });
    const nameWords = words(a.displayName);
    const long = nameWords.findIndex((w) => [...w].length >= 5);
    if (i % 2 === 0 && long >= 0) {
      const typed = nameWords.map((w, j) => (j === long ? misspell(w, pick) : w)).join(" ");
      sets.typo.push({ raw: { q: typed }, expect: a.displayName });
    } else {
      const skill = a.skills.find((s) => [...s].length >= 6) ?? "photography";
      sets.typo.push({ raw: { q: misspell(words(skill)[0]!, pick) } });
    }
    const filters: Raw[] = [{ skill: a.skills[0] ?? "painting" }, { region: city(a) }, { tag: a.tags[0] ?? "climate", kind: a.kind }, { kind: a.kind }, {}];
    sets["filter-only"].push({ raw: filters[i % filters.length]! });
  }
  return sets;
}

/** The query string of a case, for the HTTP endpoint. */
export const queryString = (raw: Raw) => new URLSearchParams(raw).toString();
