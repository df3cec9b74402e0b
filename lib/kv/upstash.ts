import { Redis } from "@upstash/redis";
import { checkTtl, decodeValue, encodeValue, type KvStore } from "./types";

export type UpstashKvOptions = {
  url: string;
  token: string;
  /** Passed to @upstash/redis; tests use `false` so a dead server fails at once instead of after ~4 s. */
  retry?: false | { retries?: number; backoff?: (retryCount: number) => number };
};

/** KvStore over Upstash's REST protocol, using plain commands only (no Lua). */
export class UpstashKv implements KvStore {
  readonly kind = "upstash" as const;
  private readonly redis: Redis;

  constructor(opts: UpstashKvOptions) {
    // We JSON-encode ourselves: the client's own deserialiser turns the string "123" into 123.
    this.redis = new Redis({
      url: opts.url,
      token: opts.token,
      retry: opts.retry,
      automaticDeserialization: false,
      enableTelemetry: false,
    });
  }

  async get<T>(key: string): Promise<T | null> {
    return decodeValue<T>(await this.redis.get<string>(key));
  }

  async set(key: string, value: unknown, opts: { ttlSeconds?: number } = {}): Promise<void> {
    const encoded = encodeValue(value);
    if (opts.ttlSeconds === undefined) await this.redis.set(key, encoded);
    else await this.redis.set(key, encoded, { ex: checkTtl(opts.ttlSeconds) });
  }

  async del(...keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    return this.redis.del(...keys);
  }

  async incr(key: string, ttlSeconds: number): Promise<number> {
    checkTtl(ttlSeconds);
    // MULTI so the key never lives without an expiry; NX keeps a running window's expiry.
    const [count] = await this.redis.multi().incr(key).expire(key, ttlSeconds, "NX").exec<[number, number]>();
    return count;
  }

  async ttl(key: string): Promise<number> {
    return this.redis.ttl(key);
  }
}

export function createUpstashKv(opts: UpstashKvOptions): UpstashKv {
  return new UpstashKv(opts);
}
