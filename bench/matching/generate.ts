import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { REGIONS } from "@/db/seed/data";
import { createRandom, type Random } from "@/db/seed/random";
import { ALL_SKILLS, TAGS, TAG_WEIGHTS, zipfWeights } from "@/db/seed/skills";

/**
 * Synthetic people for the matching bench, with planted communities: groups of COMMUNITY_SIZE
 * people who each hold two of their community's three rare skills and one of its two rare tags,
 * on top of ordinary Zipf-distributed common skills and tags like everyone else. Precision@10
 * then asks whether the ranking finds one's own community among 100k strangers. Follows are
 * drawn with preferential attachment (a few people get most of them) to test fairness, and
 * recent artworks give the active a trace. Bulk-loaded with one JSON parameter per batch.
 */

export const COMMUNITY_SIZE = 15;
const COMMUNITY_SHARE = 0.3;
const BATCH = 5_000;
const DAY = 86_400_000;
const SKILL_WEIGHTS = zipfWeights(ALL_SKILLS.length, 1.0);

export type Person = { id: string; community: number; hidden: boolean };
export type Generated = { people: Person[]; ms: number };

type ProfileJson = { id: string; handle: string; kind: string; skills: string[]; tags: string[]; region: string; vis: string; created: string; updated: string };

function personAt(rng: Random, n: number, community: number, now: number): ProfileJson {
  const common = rng.weightedSample(ALL_SKILLS, SKILL_WEIGHTS, community >= 0 ? rng.int(1, 4) : rng.int(2, 6));
  const tags = rng.weightedSample(TAGS, TAG_WEIGHTS, community >= 0 ? rng.int(1, 4) : rng.int(2, 7)) as string[];
  const skills = [...common];
  if (community >= 0) {
    skills.push(...rng.sample(["a", "b", "c"], 2).map((s) => `craft-${community}-${s}`));
    tags.push(`theme-${community}-${rng.pick(["a", "b"])}`);
  }
  const created = now - rng.int(2, 3 * 365) * DAY;
  const r = rng.next();
  // ~55% active in the last three weeks, ~25% now and then, ~20% dormant for a long time.
  const updated = r < 0.55 ? now - rng.int(0, 21) * DAY : r < 0.8 ? now - rng.int(20, 200) * DAY : now - rng.int(240, 900) * DAY;
  const v = rng.next();
  return {
    id: rng.uuid(),
    handle: `mb-${n}`,
    kind: rng.chance(0.25) ? "diffuser" : "creator",
    skills: [...new Set(skills)],
    tags: [...new Set(tags)],
    region: rng.weighted(REGIONS, REGIONS.map((x) => x.weight)).name,
    vis: v < 0.03 ? "hidden" : v < 0.1 ? "members" : "public",
    created: new Date(created).toISOString(),
    updated: new Date(Math.max(created, updated)).toISOString(),
  };
}

async function insertJson(db: Db, rows: unknown[], statement: (json: string) => ReturnType<typeof sql>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await db.execute(statement(JSON.stringify(rows.slice(i, i + BATCH))));
}

type IndexDef = { indexname: string; indexdef: string };
async function secondaryIndexes(db: Db): Promise<IndexDef[]> {
  const result = (await db.execute(sql`select indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename in ('profiles', 'profile_tag', 'users', 'follows', 'kreative_artwork')
      and indexname not in (select conname from pg_constraint)`)) as unknown as IndexDef[] | { rows: IndexDef[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * Adds `count` people numbered from `first` (so a second call grows the same population), with
 * their communities numbered from `first / COMMUNITY_SIZE`.
 */
export async function generate(db: Db, first: number, count: number, existing: Person[], log: (message: string) => void = () => {}, seed = 7): Promise<Generated> {
  const started = performance.now();
  const step = (what: string) => log(`${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const rng = createRandom(seed + first);
  const now = Date.now();
  const inCommunities = Math.floor((count * COMMUNITY_SHARE) / COMMUNITY_SIZE) * COMMUNITY_SIZE;
  const base = Math.ceil(first / COMMUNITY_SIZE) + 1_000;
  const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  const communityOf = new Map(order.slice(0, inCommunities).map((i, j) => [i, base + Math.floor(j / COMMUNITY_SIZE)]));
  const rows = Array.from({ length: count }, (_, i) => personAt(rng, first + i, communityOf.get(i) ?? -1, now));
  const people: Person[] = rows.map((r, i) => ({ id: r.id, community: communityOf.get(i) ?? -1, hidden: r.vis === "hidden" }));

  step("built rows");
  const indexes = await secondaryIndexes(db);
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.indexname}"`));
  const tagNames = [...new Set(rows.flatMap((r) => r.tags))];
  await db.execute(sql`insert into tag (name) select unnest(string_to_array(${tagNames.join(",")}, ',')) on conflict do nothing`);
  await insertJson(db, rows, (json) => sql`insert into users (id, email, name, created_at)
    select id, handle || '@bench.local', handle, created from json_to_recordset(${json}::json) as x(id text, handle text, created timestamptz)`);
  step("users");
  await insertJson(db, rows, (json) => sql`insert into profiles (user_id, handle, display_name, kind, skills, region, visibility, created_at, updated_at)
    select id, handle, 'Bench ' || handle, kind::profile_kind, array(select json_array_elements_text(skills)), region, vis::profile_visibility, created, updated
    from json_to_recordset(${json}::json) as x(id text, handle text, kind text, skills json, region text, vis text, created timestamptz, updated timestamptz)`);
  step("profiles");
  await insertJson(db, rows.flatMap((r) => r.tags.map((t) => ({ u: r.id, t }))), (json) => sql`insert into profile_tag (user_id, tag_id)
    select x.u, tag.id from json_to_recordset(${json}::json) as x(u text, t text) join tag on tag.name = x.t`);

  step("profile tags");
  // Preferential attachment: targets drawn by a Zipf weight over a random "fame" order.
  const everyone = [...existing, ...people];
  const fame = rng.shuffle(everyone.map((p) => p.id));
  const cumulative: number[] = [];
  fame.reduce((sum, _, i) => (cumulative[i] = sum + 1 / (i + 1) ** 0.9), 0);
  const total = cumulative.at(-1)!;
  const famous = () => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return fame[lo]!;
  };
  const follows = new Map<string, { a: string; b: string }>();
  for (const p of people) {
    const n = Math.floor(-Math.log(1 - rng.next()) * 4);
    for (let k = 0; k < n; k++) {
      const target = famous();
      if (target !== p.id) follows.set(`${p.id}>${target}`, { a: p.id, b: target });
    }
  }
  await insertJson(db, [...follows.values()], (json) => sql`insert into follows (follower_id, followee_id)
    select a, b from json_to_recordset(${json}::json) as x(a text, b text) on conflict do nothing`);
  step("follows");
  // Recent work from about half of the recently active creators.
  await db.execute(sql`insert into kreative_artwork (artist_id, title, media_file, media_type, created_at)
    select p.user_id, 'Work', 'artworks/bench.png', 'image/png', p.updated_at - (g * interval '4 days')
    from profiles p cross join generate_series(0, 2) g
    where p.handle like 'mb-%' and substr(p.handle, 4)::int >= ${first} and p.kind = 'creator'
      and p.updated_at > now() - interval '21 days' and substr(md5(p.user_id || g), 1, 1) < '8'`);

  step("artworks");
  await db.execute(sql`set maintenance_work_mem = '256MB'`);
  for (const index of indexes) {
    await db.execute(sql.raw(index.indexdef));
    step(index.indexname);
  }
  await db.execute(sql`analyze`);
  step("analyze");
  return { people, ms: performance.now() - started };
}
