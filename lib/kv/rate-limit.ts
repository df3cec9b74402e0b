import { AppError } from "@/lib/errors";
import type { KvStore } from "./types";

export type RateLimitOptions = { limit: number; windowSeconds: number };
export type RateLimitResult = {
  ok: boolean;
  /** Calls left in the current window. */
  remaining: number;
  /** Seconds until the window ends: 0 when ok, at least 1 when refused. */
  retryAfter: number;
};

/**
 * Fixed-window limiter: the first call starts a window of windowSeconds, and INCR counts calls in it.
 * INCR is atomic, so under any concurrency exactly `limit` calls per window are allowed.
 * `key` should be namespaced by the caller, e.g. `rl:login:${ip}`.
 */
export async function rateLimit(kv: KvStore, key: string, opts: RateLimitOptions): Promise<RateLimitResult> {
  checkOptions(opts);
  const count = await kv.incr(key, opts.windowSeconds);
  if (count <= opts.limit) return { ok: true, remaining: opts.limit - count, retryAfter: 0 };
  return { ok: false, remaining: 0, retryAfter: retryAfterFromTtl(await kv.ttl(key), opts.windowSeconds) };
}

/** Throws AppError("rate_limited") with retryAfter when the call is refused. */
export async function assertRateLimit(kv: KvStore, key: string, opts: RateLimitOptions): Promise<RateLimitResult> {
  const result = await rateLimit(kv, key, opts);
  if (!result.ok) {
    throw new AppError("rate_limited", `Too many requests; try again in ${result.retryAfter} s.`, {
      retryAfter: result.retryAfter,
    });
  }
  return result;
}

/** TTL -2 means the window ended just now; -1 (no expiry) should not happen, so assume a full window. */
export function retryAfterFromTtl(ttl: number, windowSeconds: number): number {
  if (ttl === -2) return 1;
  if (ttl === -1) return windowSeconds;
  return Math.min(windowSeconds, Math.max(1, ttl));
}

function checkOptions({ limit, windowSeconds }: RateLimitOptions): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`rateLimit: limit must be a positive integer, got ${limit}`);
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
    throw new RangeError(`rateLimit: windowSeconds must be a positive integer, got ${windowSeconds}`);
  }
}
