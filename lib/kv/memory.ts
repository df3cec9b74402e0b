import { checkTtl, decodeValue, encodeValue, type KvStore } from "./types";

type Entry = { value: string; expiresAt: number | null };

const SWEEP_MS = 60_000;
const INTEGER = /^-?\d+$/;

/** In-process store for local development and tests; one per process (see getKv). */
export class MemoryKv implements KvStore {
  readonly kind = "memory" as const;
  private readonly entries = new Map<string, Entry>();
  private sweeper: ReturnType<typeof setInterval> | undefined;

  async get<T>(key: string): Promise<T | null> {
    return decodeValue<T>(this.live(key)?.value);
  }

  async set(key: string, value: unknown, opts: { ttlSeconds?: number } = {}): Promise<void> {
    const encoded = encodeValue(value);
    const expiresAt = opts.ttlSeconds === undefined ? null : Date.now() + checkTtl(opts.ttlSeconds) * 1000;
    this.entries.set(key, { value: encoded, expiresAt });
    this.startSweeper();
  }

  async del(...keys: string[]): Promise<number> {
    let removed = 0;
    for (const key of new Set(keys)) {
      if (this.live(key)) removed++;
      this.entries.delete(key);
    }
    return removed;
  }

  async incr(key: string, ttlSeconds: number): Promise<number> {
    checkTtl(ttlSeconds);
    const entry = this.live(key);
    if (entry && !INTEGER.test(entry.value)) throw new Error("ERR value is not an integer or out of range");
    const next = (entry ? Number(entry.value) : 0) + 1;
    // Same as EXPIRE NX: only a key without an expiry gets one.
    const expiresAt = entry?.expiresAt ?? Date.now() + ttlSeconds * 1000;
    this.entries.set(key, { value: String(next), expiresAt });
    this.startSweeper();
    return next;
  }

  async ttl(key: string): Promise<number> {
    const entry = this.live(key);
    if (!entry) return -2;
    if (entry.expiresAt === null) return -1;
    return Math.round((entry.expiresAt - Date.now()) / 1000);
  }

  /** Drops every expired entry; runs from an unref'd timer so it never keeps the process alive. */
  sweep(now = Date.now()): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt !== null && entry.expiresAt <= now) this.entries.delete(key);
    }
    if (this.entries.size === 0) this.stopSweeper();
  }

  get size(): number {
    return this.entries.size;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private startSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    // unref is missing in edge runtimes; there the timer dies with the isolate anyway.
    (this.sweeper as { unref?: () => void }).unref?.();
  }

  private stopSweeper(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}

export function createMemoryKv(): MemoryKv {
  return new MemoryKv();
}
