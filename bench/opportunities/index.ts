import { existsSync } from "node:fs";
import path from "node:path";
import { migrateDb } from "@/db/migrate";
import { getOpportunity, listOpportunities } from "@/lib/services/opportunity_announcement";
import { type BenchRow, latencyRows, percentiles, progress, timeEach } from "../lib";
import { startNext } from "../next-server";
import { openScratch } from "../scratch";
import { generateOpportunities } from "./generate";
import { buildCases, type Case } from "./queries";

/**
 * Opportunity search at 100k synthetic postings (BENCH_OPPORTUNITIES): the service for free text,
 * tag + region and date-range queries, then GET /api/v1/opportunities through `next start` of the
 * existing build against the same scratch database. PGlite in a temporary folder by default; a
 * scratch database created (and dropped) on the server of BENCH_DATABASE_URL when set.
 */

const COUNT = Number(process.env.BENCH_OPPORTUNITIES ?? 100_000);
const CASES = 300;
const WARMUP = 10;
const SERVICE_BUDGET_MS = 6_000;
const HTTP_CASES = 60;
const HTTP_BUDGET_MS = 5_000;
/** bench/run.ts stops a bench at 150 s: the HTTP part is skipped rather than lose every row. */
const HTTP_START_BY_MS = 100_000;
const TARGET_P95_MS = 20;
const ROOT = path.resolve(import.meta.dirname, "../..");
const NOW = Date.now();


export async function run(): Promise<BenchRow[]> {
  const started = performance.now();
  const scratch = await openScratch("opps");
  const rows: BenchRow[] = [];
  let closed = false;
  try {
    await migrateDb(scratch.handle);
    progress(`opportunities: generating ${COUNT} postings on ${scratch.label}`);
    const generated = await generateOpportunities(scratch.handle.db, COUNT, { now: NOW, log: (m) => progress(`opportunities: ${m}`) });
    rows.push({ measure: `generate ${COUNT} postings (${scratch.label}, bulk load + index builds)`, value: generated.ms / 1000, unit: "s" });
    const sets = buildCases(generated.postings, CASES, NOW);
    const db = scratch.handle.db;

    // Baseline: reading one posting by id (primary key, its tags and attachments).
    const ids = generated.postings.slice(0, CASES).map((p) => ({ raw: { id: p.id } }) as unknown as Case);
    const byId = percentiles(await timeEach(ids, 3_000, WARMUP, (c) => getOpportunity(db, null, (c.raw as unknown as { id: string }).id)));
    const empty: Record<string, number> = {};
    for (const [mix, cases] of Object.entries(sets)) {
      progress(`opportunities: service, ${mix}`);
      let found = 0;
      let ran = 0;
      const samples = await timeEach(cases, SERVICE_BUDGET_MS, WARMUP, async (c) => {
        const page = await listOpportunities(db, null, c.raw);
        ran += 1;
        if (page.items.length > 0) found += 1;
      });
      empty[mix] = Math.round((100 * found) / Math.max(1, ran));
      rows.push(...latencyRows(`listOpportunities, ${mix}, ${scratch.label} (baseline: get by id)`, samples, TARGET_P95_MS, byId));
    }
    for (const [mix, share] of Object.entries(empty)) rows.push({ measure: `queries with at least one result, ${mix}`, value: share, unit: "%" });

    if (process.env.BENCH_OPPORTUNITIES_HTTP === "0") progress("opportunities: HTTP skipped (BENCH_OPPORTUNITIES_HTTP=0)");
    else if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) progress("opportunities: HTTP skipped: no build (run `npx next build` first)");
    else if (performance.now() - started > HTTP_START_BY_MS) progress("opportunities: HTTP skipped: out of time (try BENCH_DATABASE_URL or fewer BENCH_OPPORTUNITIES)");
    else {
      await scratch.handle.close(); // next start opens the same database; PGlite allows one process per folder
      closed = true;
      progress("opportunities: starting next start against the scratch database");
      const server = await startNext(scratch.env, "/api/v1/opportunities?limit=1");
      try {
        const get = async (url: string) => {
          const response = await fetch(url);
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
        };
        const staticCases = Array.from({ length: HTTP_CASES }, () => ({ raw: {} }) as Case);
        const baseline = percentiles(await timeEach(staticCases, HTTP_BUDGET_MS, WARMUP, () => get(`${server.baseUrl}/icon.svg`)));
        for (const [mix, cases] of Object.entries(sets)) {
          progress(`opportunities: HTTP, ${mix}`);
          const samples = await timeEach(cases.slice(0, HTTP_CASES + WARMUP), HTTP_BUDGET_MS, WARMUP, (c) => get(`${server.baseUrl}/api/v1/opportunities?${c.query}`));
          rows.push(...latencyRows(`GET /api/v1/opportunities, ${mix}, anonymous, next start, ${scratch.label} (baseline: static /icon.svg)`, samples, undefined, baseline));
        }
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
