import type { BenchRow } from "../lib";

/**
 * Throughput of /profile/[user] for anonymous visitors against a static file of the same server,
 * both with the same number of requests in flight for the same time. The first pass over the
 * handles renders and caches each page; the measured pass then reads from Next's page cache,
 * which is what a shared link meets.
 */

const IN_FLIGHT = 8;
const DURATION_MS = 4_000;
const TARGET_RATIO = 0.8;

async function throughput(urls: string[], durationMs: number): Promise<number> {
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
  return done / ((performance.now() - started) / 1000);
}

export async function measureProfilePage(baseUrl: string, handles: string[]): Promise<BenchRow[]> {
  const pages = handles.map((h) => `${baseUrl}/profile/${h}`);
  for (const url of pages) await (await fetch(url)).arrayBuffer(); // render and cache each once
  const staticRate = await throughput([`${baseUrl}/icon.svg`], DURATION_MS);
  const pageRate = await throughput(pages, DURATION_MS);
  const what = `${IN_FLIGHT} in flight, ${DURATION_MS / 1000} s, next start`;
  return [
    { measure: `GET /icon.svg (static file) throughput, ${what}`, value: staticRate, unit: "req/s" },
    { measure: `GET /profile/[user] anonymous throughput, ${handles.length} profiles, ${what}`, value: pageRate, unit: "req/s", baseline: staticRate },
    { measure: "GET /profile/[user] throughput ÷ static file", value: pageRate / staticRate, unit: "×", target: { op: ">=", value: TARGET_RATIO } },
  ];
}
