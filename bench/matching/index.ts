import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sql } from "drizzle-orm";
import { createRandom } from "@/db/seed/random";
import { migrateDb } from "@/db/migrate";
import { createMemoryKv } from "@/lib/kv/memory";
import { computeMatches, dropPopulation, population, suggestMatches } from "@/lib/services/intelligent_matching";
import { rankCandidates } from "@/lib/services/intelligent_matching/rank";
import { rows } from "@/lib/services/intelligent_matching/sql-rows";
import { loadViewer } from "@/lib/services/intelligent_matching/viewer";
import { type BenchRow, latencyRows, percentiles, progress, timeEach } from "../lib";
import { openScratch, type Scratch } from "../scratch";
import { jaccardTop } from "./baseline";
import { generate, type Person } from "./generate";

/**
 * intelligent_matching at 10k and 100k synthetic profiles (one population, grown in place):
 * top-20 suggestions with reasons through the service (database reads for the viewer, the
 * exclusions and the final check included; cache off), the same from the per-user cache, a
 * naive SQL Jaccard baseline over the same data, the index's heap and build time, precision@10
 * on the planted communities, and how many top-10 slots go to the 1% most-followed.
 * PGlite in a temporary folder by default; BENCH_DATABASE_URL for a scratch PostgreSQL database.
 */

const SIZES = (process.env.BENCH_MATCHING_SIZES ?? "10000,100000").split(",").map(Number);
const VIEWERS = 400;
const WARMUP = 30;
const BUDGET_MS = 5_000;
const BASELINE_BUDGET_MS = 6_000;
const PRECISION_VIEWERS = 200;
const TARGET_P95_MS = 10;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;


async function measureSize(scratch: Scratch, people: Person[], label: string): Promise<BenchRow[]> {
  const db = scratch.handle.db;
  const out: BenchRow[] = [];
  const rng = createRandom(99 + people.length);
  const visible = people.filter((p) => !p.hidden);
  const viewers = rng.sample(visible, VIEWERS).map((p) => ({ id: p.id }));

  dropPopulation(db);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStarted = performance.now();
  const built = await population(db);
  const buildMs = performance.now() - buildStarted;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  out.push({ measure: `index build from the database, ${label}`, value: buildMs / 1000, unit: "s" });
  out.push({ measure: `index heap, ${label} (${built.index.size} people)`, value: heapMb, unit: "MB" });

  progress(`matching: ${label}: service`);
  const ours = await timeEach(viewers, BUDGET_MS, WARMUP, (v) => suggestMatches(db, v, { limit: 20, intent: "follow" }, { kv: null }));
  progress(`matching: ${label}: baseline`);
  const baseline = await timeEach(viewers.slice(0, 60), BASELINE_BUDGET_MS, WARMUP, (v) => jaccardTop(db, v.id));
  const base = percentiles(baseline);
  out.push(...latencyRows(`top-20 with reasons, intent follow, cache off, ${label} (baseline: SQL Jaccard)`, ours, TARGET_P95_MS, base));
  out.push({ measure: `speed-up over SQL Jaccard at p95, ${label}`, value: base.p95 / percentiles(ours).p95, unit: "×", target: { op: ">=", value: 6 } });

  // Where the time goes: the in-memory ranking alone, for contexts read beforehand.
  const contexts = [];
  for (const v of viewers.slice(0, 150)) {
    const loaded = await loadViewer(db, v.id, "follow", Date.now());
    if (loaded) contexts.push(loaded.viewer);
  }
  const rankOnly = await timeEach(contexts, 2_000, WARMUP, async (viewer) => rankCandidates(built.index, viewer, built.activePool, { intent: "follow", k: 30, now: Date.now() }));
  out.push(...latencyRows(`of which ranking in the in-memory index (no database), ${label}`, rankOnly));

  progress(`matching: ${label}: cached`);
  const kv = createMemoryKv();
  const warm = viewers.slice(0, 100);
  for (const v of warm) await suggestMatches(db, v, { limit: 20, intent: "contact" }, { kv });
  const cached = await timeEach(warm, 2_000, WARMUP, (v) => suggestMatches(db, v, { limit: 20, intent: "contact" }, { kv }));
  out.push(...latencyRows(`top-20 from the per-user cache (memory kv; eligibility re-checked in SQL), ${label}`, cached));

  progress(`matching: ${label}: precision`);
  const members = rng.sample(visible.filter((p) => p.community >= 0), PRECISION_VIEWERS);
  const communityOf = new Map(people.map((p) => [p.id, p.community]));
  const followers = await followerRanks(scratch);
  let hits = 0;
  let slots = 0;
  let famousSlots = 0;
  for (const m of members) {
    const top = (await computeMatches(db, m.id, "follow", 10, Date.now())).ids.slice(0, 10);
    hits += top.filter((id) => communityOf.get(id) === m.community).length;
    slots += top.length;
    famousSlots += top.filter((id) => followers.top1.has(id)).length;
  }
  out.push({ measure: `precision@10: own community among the top 10 (n=${members.length} members), ${label}`, value: hits / Math.max(1, slots), unit: "share", target: { op: ">=", value: 0.8 } });
  let baseHits = 0;
  let baseSlots = 0;
  let baseViewers = 0;
  const baseDeadline = performance.now() + BASELINE_BUDGET_MS;
  for (const m of members.slice(0, 30)) {
    if (performance.now() > baseDeadline) break;
    baseViewers += 1;
    const top = await jaccardTop(db, m.id, 10);
    baseHits += top.filter((id) => communityOf.get(id) === m.community).length;
    baseSlots += top.length;
  }
  out.push({ measure: `precision@10 of the SQL Jaccard baseline (n=${baseViewers}), ${label}`, value: baseHits / Math.max(1, baseSlots), unit: "share" });
  out.push({ measure: `top-10 slots held by the 1% most-followed (they hold ${followers.share1}% of all follows), ${label}`, value: (100 * famousSlots) / Math.max(1, slots), unit: "%" });
  return out;
}

async function followerRanks(scratch: Scratch): Promise<{ top1: Set<string>; share1: number }> {
  const list = await rows<{ id: string; n: number }>(scratch.handle.db, sql`select followee_id as id, count(*)::int as n from follows group by followee_id order by n desc`);
  const [count] = await rows<{ n: number }>(scratch.handle.db, sql`select count(*)::int as n from profiles`);
  const total = count!.n;
  const top = list.slice(0, Math.ceil(total / 100));
  const all = list.reduce((sum, r) => sum + r.n, 0);
  return { top1: new Set(top.map((r) => r.id)), share1: Math.round((100 * top.reduce((sum, r) => sum + r.n, 0)) / Math.max(1, all)) };
}

export async function run(): Promise<BenchRow[]> {
  const scratch = await openScratch("matching");
  const results: BenchRow[] = [];
  try {
    await migrateDb(scratch.handle);
    const people: Person[] = [];
    for (const size of SIZES) {
      progress(`matching: growing the population to ${size} on ${scratch.label}`);
      const added = await generate(scratch.handle.db, people.length, size - people.length, people, (m) => progress(`matching: ${m}`));
      people.push(...added.people);
      results.push({ measure: `generate ${added.people.length} more profiles (to ${size}; ${scratch.label}, bulk)`, value: added.ms / 1000, unit: "s" });
      results.push(...(await measureSize(scratch, people, `${size / 1000}k, ${scratch.label}`)));
    }
  } finally {
    dropPopulation(scratch.handle.db);
    await scratch.handle.close();
    await scratch.drop();
  }
  return results;
}
