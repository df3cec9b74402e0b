import os from "node:os";

/** A goal a measure should meet: `value op target`. */
export type Target = { op: "<=" | ">=" | "="; value: number };

/** One line of the results table. `baseline` is measured in the same run; ratio = value / baseline. */
export type BenchRow = {
  measure: string;
  value: number;
  unit: string;
  target?: Target;
  baseline?: number;
};

/** What every `bench/<name>/index.ts` exports. */
export type Bench = { run(): Promise<BenchRow[]> };

export type Percentiles = { p50: number; p95: number; p99: number };

/** Nearest-rank percentile (q in 0..100) of unsorted samples; NaN for no samples. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((q / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function percentiles(samples: readonly number[]): Percentiles {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}

export function targetMet(row: BenchRow): boolean | undefined {
  const { target } = row;
  if (!target) return undefined;
  if (target.op === "<=") return row.value <= target.value;
  if (target.op === ">=") return row.value >= target.value;
  return row.value === target.value;
}

/** Three significant digits, no exponent for the ranges benches produce. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return "—";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "-∞";
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toFixed(decimals);
}

function formatTarget(row: BenchRow): string {
  const { target } = row;
  if (!target) return "—";
  const symbol = target.op === "<=" ? "≤" : target.op === ">=" ? "≥" : "=";
  return `${symbol} ${formatNumber(target.value)} ${targetMet(row) ? "✓" : "✗"}`;
}

function formatRatio(row: BenchRow): string {
  if (row.baseline === undefined || row.baseline === 0 || Number.isNaN(row.baseline)) return "—";
  return `${formatNumber(row.value / row.baseline)}×`;
}

const HEADERS = ["measure", "value", "unit", "target", "baseline", "ratio"] as const;

function cells(row: BenchRow): string[] {
  return [row.measure, formatNumber(row.value), row.unit, formatTarget(row), formatNumber(row.baseline), formatRatio(row)];
}

/** Aligned plain-text table for the terminal. */
export function textTable(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((header, i) => Math.max(header.length, ...body.map((line) => (line[i] ?? "").length)));
  const numeric = [false, true, false, false, true, true];
  const render = (line: readonly string[]) =>
    line
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return numeric[i] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [render(HEADERS), rule, ...body.map(render)].join("\n");
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const escape = (cell: string) => cell.replaceAll("|", "\\|");
  const line = (parts: readonly string[]) => `| ${parts.map(escape).join(" | ")} |`;
  return [line(HEADERS), "|---|---:|---|---|---:|---:|", ...rows.map((row) => line(cells(row)))].join("\n");
}

export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const memoryGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${model}, ${cpus.length} cores, ${memoryGiB} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects after `ms` unless `promise` settles first; the timer never keeps the process alive. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Progress line on stderr, so stdout holds only the table. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Runs `once` over `items`: the first `warmup` unmeasured, then timed until `budgetMs` is spent. */
export async function timeEach<T>(items: readonly T[], budgetMs: number, warmup: number, once: (item: T) => Promise<unknown>): Promise<number[]> {
  for (const item of items.slice(0, warmup)) await once(item);
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (const item of items.slice(warmup)) {
    if (performance.now() > deadline) break;
    const started = performance.now();
    await once(item);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** p50/p95/p99 rows of one measure; the target (if any) is on p95, the baseline's percentiles beside each. */
export function latencyRows(what: string, samples: number[], target?: number, baseline?: Percentiles): BenchRow[] {
  const p = percentiles(samples);
  return (["p50", "p95", "p99"] as const).map((k) => ({
    measure: `${what} (n=${samples.length}) ${k}`,
    value: p[k],
    unit: "ms",
    ...(k === "p95" && target !== undefined ? { target: { op: "<=" as const, value: target } } : {}),
    ...(baseline ? { baseline: baseline[k] } : {}),
  }));
}
