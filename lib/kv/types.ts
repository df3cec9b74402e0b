/** A small key-value store: enough for per-user caching and rate limiting. */
export interface KvStore {
  readonly kind: "memory" | "upstash";
  /** The stored value, JSON-decoded; null when missing or expired. */
  get<T>(key: string): Promise<T | null>;
  /** Stores JSON.stringify(value); without ttlSeconds any previous expiry is cleared (like SET). */
  set(key: string, value: unknown, opts?: { ttlSeconds?: number }): Promise<void>;
  /** Number of keys that existed and were removed. */
  del(...keys: string[]): Promise<number>;
  /** Atomic increment; gives the key ttlSeconds of life when it has no expiry yet (so on creation). */
  incr(key: string, ttlSeconds: number): Promise<number>;
  /** Seconds left (rounded like Redis), -1 when the key has no expiry, -2 when missing. */
  ttl(key: string): Promise<number>;
}

export function encodeValue(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError("KvStore.set: value is not JSON-serialisable");
  return json;
}

export function decodeValue<T>(raw: string | null | undefined): T | null {
  return raw == null ? null : (JSON.parse(raw) as T);
}

/** Redis accepts only positive whole seconds for EX/EXPIRE; both stores check the same way. */
export function checkTtl(ttlSeconds: number): number {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) {
    throw new RangeError(`KvStore: ttlSeconds must be a positive integer, got ${ttlSeconds}`);
  }
  return ttlSeconds;
}
