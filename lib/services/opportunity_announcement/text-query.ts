import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { opportunityTerm } from "@/db/schema";
import { editVariants, queryWords } from "@/lib/services/professional_profile/search-terms";

/**
 * Free text → the tsquery strings search runs, tolerant like people search: every word must
 * match (the last one as a prefix); a word no posting contains (a typo) is replaced by those of
 * its one-edit spellings that some posting does contain. Words are looked up in the vocabulary
 * table (one index probe for all ~500 spellings of a word), not in the postings themselves.
 */

const MAX_FUZZY_WORDS = 2;
// Words hold only letters and digits, so quoting them is enough to make a safe tsquery term.
const term = (word: string, prefix = false) => `'${word}'${prefix ? ":*" : ""}`;

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** Which of `words` are in the vocabulary (the last one as a prefix when `prefixLast`). */
async function known(db: Db, words: string[], prefixLast: boolean): Promise<Set<string>> {
  if (words.length === 0) return new Set();
  const exact = prefixLast ? words.slice(0, -1) : words;
  const last = words.at(-1)!;
  // A join, not `= any(array)`: with hundreds of spellings the planner would scan the vocabulary.
  // Words hold letters and digits only, so the LIKE pattern needs no escaping; C collation makes it a range scan.
  const prefix = prefixLast
    ? sql` union all select ${last}::text where exists (select 1 from ${opportunityTerm} where (term collate "C") like ${`${last}%`})`
    : sql``;
  const found = await rows<{ term: string }>(
    db,
    sql`select v.t as term from unnest(${`{${exact.join(",")}}`}::text[]) as v(t) join ${opportunityTerm} on (${opportunityTerm.term} collate "C") = v.t${prefix}`,
  );
  return new Set(found.map((r) => r.term));
}

/** `match` selects postings (all words), `rank` scores them (any word); null when no posting can match. */
export async function textQuery(db: Db, q: string): Promise<{ match: string; rank: string } | null> {
  const words = queryWords(q.toLowerCase());
  if (words.length === 0) return null;
  const prefixLast = [...words.at(-1)!].length >= 3;
  const found = await known(db, words, prefixLast);
  const parts: string[] = [];
  let fuzzy = 0;
  for (const [i, w] of words.entries()) {
    const isLast = i === words.length - 1;
    if (found.has(w)) {
      parts.push(term(w, isLast && prefixLast));
      continue;
    }
    const length = [...w].length;
    if (length < 4 || length > 20 || /^\d+$/.test(w) || fuzzy >= MAX_FUZZY_WORDS) return null;
    fuzzy += 1;
    const spellings = await known(db, editVariants(w), false);
    if (spellings.size === 0) return null;
    parts.push(`(${[...spellings].sort().map((v) => term(v)).join(" | ")})`);
  }
  return { match: parts.join(" & "), rank: parts.join(" | ") };
}
