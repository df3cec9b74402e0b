import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mediaUrl } from "@/lib/storage/urls";
import { parseInput } from "@/lib/validation/parse";
import { searchProfilesSchema, type SearchProfilesInput, type SearchProfilesQuery } from "@/lib/validation/search";
import { decodeCursor, editVariants, encodeCursor, plainTerms, queryKey, queryWords, term } from "./search-terms";
import type { Actor, ProfileCard, ProfileKind } from "./types";

/**
 * People search. With `q`, pass 1: the GIN full-text index on `search_vector` (every word, the
 * last as a prefix; at most 200 candidates) and the exact handle. Pass 2, only when some word is
 * in no visible profile (a typo) or no profile has them all: each unknown word becomes those of
 * its one-edit spellings that exist, and pg_trgm word similarity on `display_name` (`q <% name`)
 * adds similar names. Rank = 2 × name similarity + ts_rank + 3 for the exact handle, best first,
 * ties by handle. Without `q`: newest profiles first. Both keyset-paginated, opaque cursor.
 *
 * Not used, on purpose: pg_trgm on the whole `search_document`. Rechecking word_similarity on
 * ~400-character documents costs ~0.1 ms a row and a typo of a common word has thousands of
 * candidates (3.3 s for "ceramcs" at 100k profiles on PostgreSQL 15). Nor whole-name similarity
 * (`display_name % q`): short or common words ("the", "Hana El") recheck thousands of names
 * (50-90 ms) for little gain over word similarity plus typo-corrected full-text search.
 */

export type SearchResult = { items: ProfileCard[]; nextCursor: string | null };

// Shared with opportunity search (lib/services/opportunity_announcement/text-query.ts).
export { editVariants, queryWords } from "./search-terms";

/**
 * At most this many full-text candidates are ranked, so a very common word stays cheap: the
 * first ones in table order (a scan that stops early), the same set for every page as long as
 * the table does not change. PostgreSQL's synchronized sequential scans (on by default, tables
 * over shared_buffers/4) can start such a scan mid-table under concurrent load; see the note
 * asking for `synchronize_seqscans=off` on the app's connections.
 */
export const FTS_CANDIDATES = 200;
/** At most this many display-name (trigram) candidates, looked for only when full-text search found fewer than 20. */
export const NAME_CANDIDATES = 100;
const NAMES_WHEN_FEWER_THAN = 20;
/** Typo correction: words of 4-20 characters, at most two per query. */
const FUZZY_MIN = 4;
const FUZZY_MAX = 20;
const MAX_FUZZY_WORDS = 2;
const TRIGRAM_TEXT_MAX = 80;

const visibleTo = (actor: Actor) => (actor ? sql`p.visibility in ('public', 'members')` : sql`p.visibility = 'public'`);

/** Who may appear: visible to this actor (never hidden), outside any block with them, matching every filter. */
function eligible(actor: Actor, input: SearchProfilesQuery): SQL {
  const parts: SQL[] = [visibleTo(actor)];
  if (actor) {
    parts.push(sql`p.user_id not in (select b.blocked_id from blocks b where b.blocker_id = ${actor.id}
      union all select b.blocker_id from blocks b where b.blocked_id = ${actor.id})`);
  }
  if (input.kind) parts.push(sql`p.kind = ${input.kind}`);
  if (input.skill) {
    // A whole skill, any capitals: the GIN indexes find candidates (the usual capitalisations, or
    // the words in the search text), the unnest check decides.
    const s = input.skill;
    const spellings = [...new Set([s, s.toLowerCase(), s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(), s.toUpperCase()])];
    parts.push(sql`(p.skills && array[${sql.join(spellings.map((v) => sql`${v}`), sql`, `)}]::text[]
      or p.search_vector @@ phraseto_tsquery('simple', ${s}))`);
    parts.push(sql`exists (select 1 from unnest(p.skills) s where lower(s) = lower(${s}))`);
  }
  if (input.tag) {
    parts.push(sql`p.user_id in (select pt.user_id from profile_tag pt join tag t on t.id = pt.tag_id where t.name = ${input.tag})`);
  }
  if (input.region) {
    // Case-insensitive prefix of the region or of any word in it: "lis" and "pt" both find "Lisbon, PT".
    const like = input.region.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    parts.push(sql`(lower(p.region) like ${`${like}%`} or lower(p.region) like ${`% ${like}%`})`);
  }
  return sql.join(parts, sql` and `);
}

type Row = {
  user_id: string | null;
  handle: string;
  display_name: string;
  kind: ProfileKind;
  headline: string;
  skills: string[];
  region: string;
  avatar_file: string | null;
  tags: string[];
  sort_key: string;
  fts_hits?: number | string;
  [known: `w${number}`]: boolean;
};

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** The page's cards with their tags, in order, from a CTE `page(user_id, handle, sort_key)`. */
const pageCards = sql`select pg.sort_key::text as sort_key, p.user_id, p.handle, p.display_name, p.kind, p.headline, p.skills,
      p.region, p.avatar_file, coalesce(tg.tags, '{}') as tags
    from page pg join profiles p on p.user_id = pg.user_id
    left join (select pt.user_id, array_agg(t.name order by t.name) as tags from profile_tag pt join tag t on t.id = pt.tag_id
      where pt.user_id in (select user_id from page) group by pt.user_id) tg on tg.user_id = pg.user_id`;

function toCard(row: Row): ProfileCard {
  return {
    handle: row.handle,
    displayName: row.display_name,
    kind: row.kind,
    headline: row.headline,
    skills: row.skills,
    tags: row.tags,
    region: row.region,
    avatarUrl: row.avatar_file ? mediaUrl(row.avatar_file) : null,
  };
}

function toResult(found: Row[], limit: number, cursorOf: (last: Row) => string): SearchResult {
  const list = found.filter((r) => r.user_id !== null);
  const page = list.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toCard), nextCursor: list.length > limit && last ? cursorOf(last) : null };
}

type Match = { all: string; any: string };

/**
 * One statement: the ranked page and, on the first pass, whether some visible profile has each
 * term (literal terms let the planner use the statistics: a very common word is found by a scan
 * that stops at its first row) and how many full-text candidates there were. Display-name
 * trigram candidates are only gathered on the fallback pass, and only when full-text search
 * (with corrected words) found few: a common word in a name ("… Projects") makes thousands of
 * them (85 ms), while the full-text index already finds names spelt right or corrected.
 */
function rankedStatement(actor: Actor, input: SearchProfilesQuery & { q: string }, match: Match | null, check: string[], names: boolean): SQL {
  const where = eligible(actor, input);
  const text = input.q.slice(0, TRIGRAM_TEXT_MAX);
  const handle = input.q.replace(/^@/, "").toLowerCase();
  const textRank = match ? sql`ts_rank(p.search_vector, to_tsquery('simple', ${match.any}), 33)::float8` : sql`0::float8`;
  const cursor = input.cursor ? decodeCursor(input.cursor, queryKey(input), "rank") : null;
  const known = check.map(
    (t, i) => sql`exists (select 1 from profiles p where p.search_vector @@ to_tsquery('simple', ${t}) and ${visibleTo(actor)}) as ${sql.identifier(`w${i}`)}`,
  );
  const none = sql`select null::text, null::text, null::text, 0::float8 where false`;
  const fts = match
    ? sql`select p.user_id, p.handle, p.display_name, ${textRank} from profiles p
        where p.search_vector @@ to_tsquery('simple', ${match.all}) and ${where} limit ${FTS_CANDIDATES}`
    : none;
  const byName = names
    ? sql`select p.user_id, p.handle, p.display_name, ${textRank} from (
        select p.user_id, p.handle, p.display_name, p.search_vector from profiles p
        where (select count(*) from fts) < ${NAMES_WHEN_FEWER_THAN} and ${text} <% p.display_name and ${where}
        order by word_similarity(${text}, p.display_name) + similarity(p.display_name, ${text}) desc, p.handle collate "C"
        limit ${NAME_CANDIDATES}
      ) p`
    : none;
  return sql`
    with fts as (${fts}),
    known as (select ${sql.join([...known, sql`(select count(*) from fts)::int as fts_hits`], sql`, `)}),
    candidates as (
      select user_id, handle, display_name, max(text_rank) as text_rank from (
        select * from fts
        union all ${byName}
        union all select p.user_id, p.handle, p.display_name, ${textRank} from profiles p where lower(p.handle) = ${handle} and ${where}
      ) c (user_id, handle, display_name, text_rank) group by user_id, handle, display_name
    ),
    ranked as (
      select user_id, handle, round((
        (similarity(display_name, ${text}) + word_similarity(${text}, display_name)) -- 2 × name similarity
        + text_rank + case when handle = ${handle} then 3 else 0 end)::numeric, 6) as sort_key
      from candidates
    ),
    page as (
      select * from ranked
      ${cursor ? sql`where sort_key < ${cursor.r}::numeric or (sort_key = ${cursor.r}::numeric and handle collate "C" > ${cursor.h})` : sql``}
      order by sort_key desc, handle collate "C" limit ${input.limit + 1}
    ),
    cards as (${pageCards})
    select known.*, cards.* from known left join cards on true
    order by cards.sort_key::numeric desc, cards.handle collate "C"`;
}

/**
 * An unknown word's one-edit spellings that some visible profile contains. The vocabulary
 * (profile_term, every word any profile ever had) rules out the ~300 spellings that exist nowhere
 * in one index join; the few left are checked for a visible profile. Spellings among the column's
 * most common elements (planner statistics) need no probe: building a GIN bitmap of 58k rows just
 * to learn that "painting" exists cost more than all the other probes together.
 */
async function existingSpellings(db: Db, actor: Actor, word: string): Promise<string[]> {
  // One space-separated parameter: the spellings hold only letters and digits. `= any(array)`
  // on the C-collated unique index is one pass over the index (0.7 ms for 650 spellings on
  // PGlite, where a join probing each spelling took 19 ms); the CTE keeps the planner from
  // running the visibility probes before the vocabulary has ruled out almost every spelling.
  const found = await rows<{ w: string }>(
    db,
    sql`with v as materialized (
        select pt.term as w from profile_term pt
        where (pt.term collate "C") = any(string_to_array(${editVariants(word).join(" ")}, ' ') collate "C")
      )
      select v.w from v
      where v.w in (select e from pg_stats s, unnest(s.most_common_elems::text::text[]) e
          where s.schemaname = current_schema() and s.tablename = 'profiles' and s.attname = 'search_vector')
        or exists (select 1 from profiles p where p.search_vector @@ to_tsquery('simple', quote_literal(v.w)) and ${visibleTo(actor)})`,
  );
  return found.map((r) => term(r.w));
}

/** The full-text match for the fallback pass: unknown words become their existing one-edit spellings. */
async function fuzzyMatch(db: Db, actor: Actor, words: string[], known: boolean[]): Promise<Match | null> {
  const unknown = words.filter((_, i) => !known[i]);
  const fuzzable = (w: string) => [...w].length >= FUZZY_MIN && [...w].length <= FUZZY_MAX && !/^\d+$/.test(w);
  if (unknown.length > MAX_FUZZY_WORDS || !unknown.every(fuzzable)) return null;
  const plain = plainTerms(words);
  const parts: string[] = [];
  for (const [i, w] of words.entries()) {
    if (known[i]) {
      parts.push(plain[i]!);
      continue;
    }
    const spellings = await existingSpellings(db, actor, w);
    if (spellings.length === 0) return null;
    parts.push(`(${spellings.join(" | ")})`);
  }
  return { all: parts.join(" & "), any: parts.join(" | ") };
}

async function rankedSearch(db: Db, actor: Actor, input: SearchProfilesQuery & { q: string }): Promise<SearchResult> {
  const key = queryKey(input);
  const words = queryWords(input.q);
  const plain = plainTerms(words);
  const cursorOf = (last: Row) => encodeCursor({ k: key, r: last.sort_key, h: last.handle });
  const exact = plain.length ? { all: plain.join(" & "), any: plain.join(" | ") } : null;
  const first = await rows<Row>(db, rankedStatement(actor, input, exact, plain, false));
  const known = plain.map((_, i) => first[0]?.[`w${i}`] === true);
  // Every word known and some profile has them all: done. Otherwise (a typo, or a name in a
  // combination no search text holds) a second pass adds corrected words and similar names.
  if (known.every(Boolean) && Number(first[0]?.fts_hits ?? 0) > 0) return toResult(first, input.limit, cursorOf);
  const match = known.every(Boolean) ? exact : await fuzzyMatch(db, actor, words, known);
  return toResult(await rows<Row>(db, rankedStatement(actor, input, match, [], true)), input.limit, cursorOf);
}

async function recentSearch(db: Db, actor: Actor, input: SearchProfilesQuery, leaveOutActor: boolean): Promise<SearchResult> {
  const key = queryKey(input);
  const cursor = input.cursor ? decodeCursor(input.cursor, key, "time") : null;
  // Microseconds since the epoch as the key: a JavaScript Date would drop the last three digits.
  const at = (us: string) => sql`(timestamptz 'epoch' + ${us}::bigint * interval '1 microsecond')`;
  const after = cursor ? sql`and (p.created_at < ${at(cursor.t!)} or (p.created_at = ${at(cursor.t!)} and p.handle collate "C" < ${cursor.h}))` : sql``;
  const found = await rows<Row>(
    db,
    sql`with page as (
        select p.user_id, p.handle, (extract(epoch from p.created_at) * 1000000)::bigint as sort_key from profiles p
        where ${eligible(actor, input)} ${after} ${leaveOutActor && actor ? sql`and p.user_id <> ${actor.id}` : sql``}
        order by p.created_at desc, p.handle collate "C" desc limit ${input.limit + 1}
      )
      select * from (${pageCards}) cards order by cards.sort_key::bigint desc, cards.handle collate "C" desc`,
  );
  return toResult(found, input.limit, (last) => encodeCursor({ k: key, t: last.sort_key, h: last.handle }));
}

/**
 * People search for `actor` (null: anonymous). Never returns hidden profiles, members-only
 * profiles to anonymous visitors, or anyone in a block with the actor (either direction).
 * 422 naming the field for bad input, including an unusable `cursor`. Without `q` (newest
 * first), `leaveOutActor` drops the actor's own profile: the People tab's "Recently joined" is
 * about others, while a search may well be for how one appears oneself.
 */
export async function searchProfiles(
  db: Db,
  actor: Actor,
  raw: SearchProfilesInput | Record<string, unknown>,
  options: { leaveOutActor?: boolean } = {},
): Promise<SearchResult> {
  const input = parseInput(searchProfilesSchema, raw);
  return input.q ? rankedSearch(db, actor, { ...input, q: input.q }) : recentSearch(db, actor, input, options.leaveOutActor ?? false);
}
