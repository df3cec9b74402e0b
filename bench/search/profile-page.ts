import type { BenchRow } from "../lib";

/**
 * Throughput of /profile/[user] for anonymous visitors against a static file of the same server,
 * both with the same number of requests in flight for the same time, in alternating rounds so
 * that a change in the machine's load falls on both. The first pass over the handles renders and
 * caches each page; the measured rounds then read from Next's page cache, which is what a shared
 * link meets.
 */

const IN_FLIGHT = 8;
const ROUNDS = 4;
const ROUND_MS = 2_000;
const TARGET_RATIO = 0.8;

/** Requests answered and seconds taken, with IN_FLIGHT requests always in flight. */
async function run(urls: string[], durationMs: number): Promise<{ done: number; seconds: number }> {
  let done = 0;
  let next = 0;
  const deadline = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const url = urls[next++ % urls.length]!;
      const response = await fetch(url);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
      done += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { done, seconds: (performance.now() - started) / 1000 };
}

export async function measureProfilePage(baseUrl: string, handles: string[]): Promise<BenchRow[]> {
  const pages = handles.map((h) => `${baseUrl}/profile/${h}`);
  for (const url of pages) await (await fetch(url)).arrayBuffer(); // render and cache each once
  const totals = { static: { done: 0, seconds: 0 }, page: { done: 0, seconds: 0 } };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [which, urls] of [["static", [`${baseUrl}/icon.svg`]], ["page", pages]] as const) {
      const { done, seconds } = await run([...urls], ROUND_MS);
      totals[which].done += done;
      totals[which].seconds += seconds;
    }
  }
  const staticRate = totals.static.done / totals.static.seconds;
  const pageRate = totals.page.done / totals.page.seconds;
  const what = `${IN_FLIGHT} in flight, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s each, next start`;
  return [
    { measure: `GET /icon.svg (static file) throughput, ${what}`, value: staticRate, unit: "req/s" },
    { measure: `GET /profile/[user] anonymous throughput, ${handles.length} profiles, ${what}`, value: pageRate, unit: "req/s", baseline: staticRate },
    { measure: "GET /profile/[user] throughput ÷ static file", value: pageRate / staticRate, unit: "×", target: { op: ">=", value: TARGET_RATIO } },
  ];
}
