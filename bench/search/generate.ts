import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { buildPeople, type SeedPerson } from "@/db/seed/people";
import { createRandom } from "@/db/seed/random";
import { TAGS } from "@/db/seed/skills";
import { buildSearchDocument } from "@/lib/services/professional_profile/search-document";

/**
 * Synthetic people for the search bench: the demo seed's generator (Zipf-like skills and tags,
 * multilingual bios, ~75% creators) at any size, bulk-inserted with one JSON parameter per batch
 * (`json_to_recordset`), which is fast on both PGlite and postgres.js.
 */

export type GeneratedPeople = {
  people: SeedPerson[];
  /** Ids of people whose profile is hidden, and members-only. */
  hidden: Set<string>;
  membersOnly: Set<string>;
  ms: number;
};

const BATCH = 5_000;

const HIDDEN_SHARE = 0.03;
const MEMBERS_SHARE = 0.07;

async function insertJson(db: Db, rows: unknown[], statement: (json: string) => ReturnType<typeof sql>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.execute(statement(JSON.stringify(rows.slice(i, i + BATCH))));
  }
}

type IndexDef = { indexname: string; indexdef: string };

async function secondaryIndexes(db: Db): Promise<IndexDef[]> {
  const result = (await db.execute(sql`select indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename in ('profiles', 'profile_tag', 'users')
      and indexname not in (select conname from pg_constraint)`)) as unknown as IndexDef[] | { rows: IndexDef[] };
  return Array.isArray(result) ? result : result.rows;
}

export type GenerateOptions = {
  seed?: number;
  log?: (message: string) => void;
  /** Indexes not to rebuild after the load (names), e.g. ones the search never reads. */
  skipIndexes?: string[];
};

/**
 * Inserts `count` people (users, profiles, profile tags) into an empty, migrated database.
 * Secondary indexes are dropped for the load and rebuilt from their own definitions after it
 * (a GIN build is many times faster than row-by-row GIN maintenance).
 */
export async function generatePeople(db: Db, count: number, opts: GenerateOptions = {}): Promise<GeneratedPeople> {
  const { seed = 4242, log = () => {}, skipIndexes = [] } = opts;
  const started = performance.now();
  const rng = createRandom(seed);
  const people = buildPeople(rng.fork(), count, Date.UTC(2026, 10, 1));
  log(`built ${people.length} people in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const visibility = people.map(() => {
    const r = rng.next();
    return r < HIDDEN_SHARE ? "hidden" : r < HIDDEN_SHARE + MEMBERS_SHARE ? "members" : "public";
  });
  const hidden = new Set(people.filter((_, i) => visibility[i] === "hidden").map((p) => p.id));
  const membersOnly = new Set(people.filter((_, i) => visibility[i] === "members").map((p) => p.id));

  const indexes = await secondaryIndexes(db);
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.indexname}"`));

  await db.execute(sql`insert into tag (name) select unnest(${sql.raw(`array[${TAGS.map((t) => `'${t}'`).join(",")}]`)}) on conflict do nothing`);

  await insertJson(
    db,
    people.map((p) => ({ id: p.id, email: p.email, name: p.displayName, created_at: p.createdAt.toISOString() })),
    (json) => sql`insert into users (id, email, name, created_at)
      select id, email, name, created_at from json_to_recordset(${json}::json) as x(id text, email text, name text, created_at timestamptz)`,
  );
  log(`inserted users (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  await insertJson(
    db,
    people.map((p, i) => ({
      user_id: p.id,
      handle: p.handle,
      display_name: p.displayName,
      kind: p.kind,
      headline: p.headline,
      bio: p.bio,
      skills: p.skills,
      region: p.region,
      open: p.openToCollaboration,
      visibility: visibility[i],
      doc: buildSearchDocument(p),
      created_at: p.createdAt.toISOString(),
      updated_at: p.lastActiveAt.toISOString(),
    })),
    (json) => sql`insert into profiles (user_id, handle, display_name, kind, headline, bio, skills, region, open_to_collaboration,
        visibility, search_document, created_at, updated_at)
      select user_id, handle, display_name, kind::profile_kind, headline, bio,
        array(select json_array_elements_text(skills)), region, open, visibility::profile_visibility, doc, created_at, updated_at
      from json_to_recordset(${json}::json) as x(user_id text, handle text, display_name text, kind text, headline text, bio text,
        skills json, region text, open boolean, visibility text, doc text, created_at timestamptz, updated_at timestamptz)`,
  );
  log(`inserted profiles (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  await insertJson(
    db,
    people.flatMap((p) => p.tags.map((t) => ({ u: p.id, t }))),
    (json) => sql`insert into profile_tag (user_id, tag_id)
      select x.u, tag.id from json_to_recordset(${json}::json) as x(u text, t text) join tag on tag.name = x.t`,
  );
  log(`inserted profile tags (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  await db.execute(sql`set maintenance_work_mem = '256MB'`);
  for (const index of indexes) {
    if (skipIndexes.includes(index.indexname)) continue;
    const t = performance.now();
    await db.execute(sql.raw(index.indexdef));
    log(`index ${index.indexname} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await db.execute(sql`analyze`);
  return { people, hidden, membersOnly, ms: performance.now() - started };
}
