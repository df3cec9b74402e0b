import { randomBytes, scrypt } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { percentiles, progress, type BenchRow } from "../lib";

/**
 * Password hashing cost: the app's scrypt (OWASP: N=2^17, r=8, p=1, 128 MiB per hash) against
 * node:crypto scrypt at its defaults (N=2^14, r=8, p=1, 16 MiB) as the baseline.
 */

const PASSWORD = "correct horse battery staple";
const VERIFY_RUNS = 10;
const CALLERS = 2;
const VERIFIES_PER_CALLER = 5;
const BASELINE_RUNS = 30;
const BASELINE_PER_CALLER = 30;
const OWASP = "scrypt N=2^17 r=8 p=1, OWASP";

function defaultScrypt(): Promise<Buffer> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    scrypt(PASSWORD, salt, 32, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

async function sequential(task: () => Promise<unknown>, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timed(task));
  return samples;
}

/** Operations per second when `callers` loop concurrently, `each` operations apiece. */
async function throughput(task: () => Promise<unknown>, callers: number, each: number): Promise<number> {
  const ms = await timed(() =>
    Promise.all(
      Array.from({ length: callers }, async () => {
        for (let i = 0; i < each; i++) await task();
      }),
    ),
  );
  return (callers * each) / (ms / 1000);
}

export async function run(): Promise<BenchRow[]> {
  progress(`auth: hashing once (${OWASP})`);
  let stored = "";
  const hashMs = await timed(async () => {
    stored = await hashPassword(PASSWORD);
  });
  if (!(await verifyPassword(PASSWORD, stored))) throw new Error("verifyPassword rejected the right password");

  progress(`auth: baseline, node:crypto scrypt defaults, ${BASELINE_RUNS} runs`);
  await defaultScrypt(); // warm-up
  const baseSamples = await sequential(defaultScrypt, BASELINE_RUNS);
  const baseRate = await throughput(defaultScrypt, CALLERS, BASELINE_PER_CALLER);

  progress(`auth: ${VERIFY_RUNS} verifications, then ${CALLERS} concurrent callers × ${VERIFIES_PER_CALLER}`);
  const verify = () => verifyPassword(PASSWORD, stored);
  const samples = await sequential(verify, VERIFY_RUNS);
  const rate = await throughput(verify, CALLERS, VERIFIES_PER_CALLER);

  const v = percentiles(samples);
  const b = percentiles(baseSamples);
  return [
    { measure: `hash once (${OWASP})`, value: hashMs, unit: "ms", baseline: b.p50 },
    { measure: `verify p50 (${OWASP}; n=${samples.length})`, value: v.p50, unit: "ms", baseline: b.p50 },
    { measure: `verify p95 (${OWASP}; n=${samples.length})`, value: v.p95, unit: "ms", baseline: b.p95 },
    { measure: `verifications/s, ${CALLERS} concurrent callers (${OWASP})`, value: rate, unit: "verify/s", baseline: baseRate },
  ];
}
