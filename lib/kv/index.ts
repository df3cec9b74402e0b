import { env } from "@/lib/env";
import { createMemoryKv } from "./memory";
import type { KvStore } from "./types";
import { createUpstashKv } from "./upstash";

export type { KvStore } from "./types";
export { rateLimit, assertRateLimit, type RateLimitOptions, type RateLimitResult } from "./rate-limit";

// On globalThis so Next dev's module reloading keeps one store (and one memory map).
const holder = globalThis as typeof globalThis & { __kontactKv?: KvStore };

/** The process-wide store: Upstash when both UPSTASH_REDIS_REST_* variables are set, memory otherwise. */
export function getKv(): KvStore {
  if (!holder.__kontactKv) {
    const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env();
    holder.__kontactKv = url && token ? createUpstashKv({ url, token }) : createMemoryKv();
  }
  return holder.__kontactKv;
}

/** Replaces the singleton; pass undefined to go back to choosing from the environment. */
export function setKvForTests(kv: KvStore | undefined): void {
  holder.__kontactKv = kv;
}
