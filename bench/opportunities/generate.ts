import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { REGIONS } from "@/db/seed/data";
import { buildOpportunity, seedSearchTexts, type SeedOpportunity } from "@/db/seed/opportunities";
import { createRandom } from "@/db/seed/random";
import { TAGS } from "@/db/seed/skills";

/**
 * Synthetic postings for the opportunities bench: the demo seed's generator at any size, owned by
 * a few thousand diffusers, bulk-inserted one JSON parameter per batch (`json_to_recordset`, fast
 * on PGlite and postgres.js). Secondary indexes are dropped for the load and rebuilt after it.
 */

const BATCH = 5_000;
const OWNERS = 2_000;

type IndexDef = { indexname: string; indexdef: string };

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

async function inBatches(db: Db, items: unknown[], statement: (json: string) => ReturnType<typeof sql>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await db.execute(statement(JSON.stringify(items.slice(i, i + BATCH))));
}

export type GeneratedOpportunities = { postings: SeedOpportunity[]; ms: number };

export async function generateOpportunities(db: Db, count: number, opts: { seed?: number; now: number; log?: (m: string) => void }): Promise<GeneratedOpportunities> {
  const { seed = 777, now, log = () => {} } = opts;
  const started = performance.now();
  const rng = createRandom(seed);
  const owners = Array.from({ length: OWNERS }, (_, i) => {
    const region = rng.weighted(REGIONS, REGIONS.map((r) => r.weight)).name;
    return { id: rng.uuid(), handle: `bench-org-${i}`, shortName: `Org ${i}`, region };
  });
  const postings = Array.from({ length: count }, () => buildOpportunity(rng, rng.pick(owners), now));
  log(`built ${count} postings in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const indexes = await rows<IndexDef>(db, sql`select indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename in ('opportunity', 'opportunity_tag') and indexname not in (select conname from pg_constraint)`);
  for (const { indexname } of indexes) await db.execute(sql.raw(`drop index "${indexname}"`));

  await inBatches(db, owners, (json) => sql`insert into users (id, email) select id, handle || '@bench.invalid' from json_to_recordset(${json}::json) as x(id text, handle text)`);
  await inBatches(db, owners, (json) => sql`insert into profiles (user_id, handle, display_name, kind, region)
    select id, handle, "shortName", 'diffuser', region from json_to_recordset(${json}::json) as x(id text, handle text, "shortName" text, region text)`);
  await db.execute(sql`insert into tag (name) select unnest(${`{${TAGS.join(",")}}`}::text[]) on conflict do nothing`);
  const rowsOut = postings.map((p) => ({ ...p, ...seedSearchTexts(p) }));
  await inBatches(db, rowsOut, (json) => sql`insert into opportunity (id, owner_id, title, kind, description, region, location, starts_at, ends_at, deadline,
      paid, compensation_amount, compensation_currency, entry_fee_amount, entry_fee_currency, url, status, filled_at, search_document, created_at, updated_at)
    select id, "ownerId", title, kind::opportunity_kind, description, region, location, "startsAt", "endsAt", deadline, paid, "compensationAmount", "compensationCurrency",
      "entryFeeAmount", "entryFeeCurrency", url, status, "filledAt", "searchDocument", "createdAt", "createdAt"
    from json_to_recordset(${json}::json) as x(id text, "ownerId" text, title text, kind text, description text, region text, location text, "startsAt" timestamptz,
      "endsAt" timestamptz, deadline timestamptz, paid boolean, "compensationAmount" numeric, "compensationCurrency" text, "entryFeeAmount" numeric,
      "entryFeeCurrency" text, url text, status text, "filledAt" timestamptz, "searchDocument" text, "createdAt" timestamptz)`);
  log(`inserted ${count} postings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const links = postings.flatMap((p) => p.tags.map((t) => ({ o: p.id, t })));
  await inBatches(db, links, (json) => sql`insert into opportunity_tag (opportunity_id, tag_id)
    select x.o, tag.id from json_to_recordset(${json}::json) as x(o text, t text) join tag on tag.name = x.t`);
  await db.execute(sql`insert into opportunity_term (term)
    select distinct w from opportunity, unnest(tsvector_to_array(search_vector)) as w where char_length(w) <= 200 on conflict do nothing`);
  for (const { indexname, indexdef } of indexes) {
    const t = performance.now();
    await db.execute(sql.raw(indexdef));
    log(`index ${indexname} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await db.execute(sql`vacuum analyze`); // steady state: visibility map set, statistics fresh
  return { postings, ms: performance.now() - started };
}
