import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { searchProfiles } from "@/lib/services/professional_profile/search";
import { type BenchRow, latencyRows, percentiles, progress, timeEach } from "../lib";
import { startNext, type NextServer } from "../next-server";
import { openScratch } from "../scratch";
import { generatePeople } from "./generate";
import { measureProfilePage } from "./profile-page";
import { buildQuerySets, queryString, type QueryCase, type QuerySets } from "./queries";

/**
 * People search at 100k synthetic profiles (BENCH_SEARCH_PEOPLE): the service for four query
 * mixes, then GET /api/v1/profiles through `next start` of the existing build against the same
 * scratch database. PGlite in a temporary folder by default; a scratch database created (and
 * dropped) on the server of BENCH_DATABASE_URL when set. The vocabulary table
 * profile_term is filled by the migration's triggers during the load.
 */

const PEOPLE = Number(process.env.BENCH_SEARCH_PEOPLE ?? 100_000);
const CASES = 400;
const WARMUP = 10;
const SERVICE_BUDGET_MS = 6_000; // per query mix
const HTTP_CASES = 60; // per query mix
const HTTP_BUDGET_MS = 5_000;
/** bench/run.ts stops a bench at 150 s: the HTTP part is skipped rather than lose every row. */
const HTTP_START_BY_MS = 100_000;
const TARGET_P95_MS = 20;
const ROOT = path.resolve(import.meta.dirname, "../..");


async function measureService(db: DbHandle["db"], actor: { id: string }, sets: QuerySets, label: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let typoHits = 0;
  let typoChecked = 0;
  for (const [mix, cases] of Object.entries(sets)) {
    progress(`search: service, ${mix}`);
    const samples = await timeEach(cases, SERVICE_BUDGET_MS, WARMUP, async (c) => {
      const result = await searchProfiles(db, actor, c.raw);
      if (c.expect) {
        typoChecked += 1;
        if (result.items.some((card) => card.displayName === c.expect)) typoHits += 1;
      }
    });
    rows.push(...latencyRows(`searchProfiles, ${mix}, ${label}`, samples, TARGET_P95_MS));
  }
  rows.push({ measure: `misspelt names whose first page holds the person meant (n=${typoChecked})`, value: (100 * typoHits) / Math.max(1, typoChecked), unit: "%", target: { op: ">=", value: 90 } });
  return rows;
}

async function measureHttp(server: NextServer, sets: QuerySets, label: string): Promise<BenchRow[]> {
  const get = async (url: string) => {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  };
  const staticCases = Array.from({ length: HTTP_CASES }, () => ({ raw: {} }));
  const baseline = percentiles(await timeEach(staticCases, HTTP_BUDGET_MS, WARMUP, () => get(`${server.baseUrl}/icon.svg`)));
  const rows: BenchRow[] = [];
  for (const [mix, cases] of Object.entries(sets)) {
    progress(`search: HTTP, ${mix}`);
    const samples = await timeEach(cases.slice(0, HTTP_CASES + WARMUP), HTTP_BUDGET_MS, WARMUP, (c) => get(`${server.baseUrl}/api/v1/profiles?${queryString(c.raw)}`));
    rows.push(...latencyRows(`GET /api/v1/profiles, ${mix}, anonymous, next start, ${label} (baseline: static /icon.svg)`, samples, undefined, baseline));
  }
  return rows;
}

export async function run(): Promise<BenchRow[]> {
  const started = performance.now();
  const scratch = await openScratch("search");
  const rows: BenchRow[] = [];
  let closed = false;
  try {
    await migrateDb(scratch.handle);
    progress(`search: generating ${PEOPLE} profiles on ${scratch.label}`);
    const generated = await generatePeople(scratch.handle.db, PEOPLE, { log: (m) => progress(`search: ${m}`) });
    rows.push({ measure: `generate ${PEOPLE} profiles (${scratch.label}, bulk load + index builds)`, value: generated.ms / 1000, unit: "s" });
    const label = scratch.label;

    const visible = (p: { id: string }) => !generated.hidden.has(p.id) && !generated.membersOnly.has(p.id);
    const sets = buildQuerySets(generated.people, visible, CASES);
    const shown = generated.people.filter(visible);
    const actor = { id: shown[0]!.id };
    // The actor is in a few blocks both ways, so the block check does real work.
    const pairs = shown.slice(1, 6).map((p, i) => (i % 2 ? [actor.id, p.id] : [p.id, actor.id]));
    for (const [blocker, blocked] of pairs) await scratch.handle.db.execute(sql`insert into blocks (blocker_id, blocked_id) values (${blocker}, ${blocked})`);
    rows.push(...(await measureService(scratch.handle.db, actor, sets, `signed in, ${label}`)));

    if (process.env.BENCH_SEARCH_HTTP === "0") progress("search: HTTP skipped (BENCH_SEARCH_HTTP=0)");
    else if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) progress("search: HTTP skipped: no build (run `npx next build` first)");
    else if (performance.now() - started > HTTP_START_BY_MS) progress("search: HTTP skipped: out of time (try BENCH_DATABASE_URL, or fewer BENCH_SEARCH_PEOPLE)");
    else {
      await scratch.handle.close(); // next start opens the same database; PGlite allows one process per folder
      closed = true;
      progress("search: starting next start against the scratch database");
      const server = await startNext(scratch.env, "/api/v1/profiles?limit=1");
      try {
        rows.push(...(await measureHttp(server, sets, label)));
        progress("search: /profile/[user] throughput");
        rows.push(...(await measureProfilePage(server.baseUrl, shown.slice(0, 50).map((p) => p.handle))));
      } finally {
        await server.stop();
      }
    }
  } finally {
    if (!closed) await scratch.handle.close();
    await scratch.drop();
  }
  return rows;
}
