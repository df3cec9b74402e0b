import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryKv } from "@/lib/kv/memory";
import { rateLimit, retryAfterFromTtl } from "@/lib/kv/rate-limit";

describe("retryAfterFromTtl", () => {
  it("clamps the key's ttl to 1..windowSeconds", () => {
    expect(retryAfterFromTtl(42, 60)).toBe(42);
    expect(retryAfterFromTtl(0, 60)).toBe(1); // Redis rounds a last half-second down to 0
    expect(retryAfterFromTtl(90, 60)).toBe(60);
  });

  it("treats a vanished key as a window that just ended, and a key without expiry as a full window", () => {
    expect(retryAfterFromTtl(-2, 60)).toBe(1);
    expect(retryAfterFromTtl(-1, 60)).toBe(60);
  });
});

describe("rateLimit on the memory store (fake clock)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("counts down remaining, then refuses with the time left in the window", async () => {
    const kv = createMemoryKv();
    const opts = { limit: 3, windowSeconds: 10 };
    const remaining = [];
    for (let i = 0; i < 3; i++) remaining.push((await rateLimit(kv, "rl:a", opts)).remaining);
    expect(remaining).toEqual([2, 1, 0]);
    vi.advanceTimersByTime(4_000);
    expect(await rateLimit(kv, "rl:a", opts)).toEqual({ ok: false, remaining: 0, retryAfter: 6 });
  });

  it("refused calls do not extend the window", async () => {
    const kv = createMemoryKv();
    const opts = { limit: 1, windowSeconds: 10 };
    await rateLimit(kv, "rl:b", opts);
    for (let i = 0; i < 9; i++) {
      vi.advanceTimersByTime(1_000);
      expect((await rateLimit(kv, "rl:b", opts)).ok).toBe(false);
    }
    vi.advanceTimersByTime(1_000);
    expect(await rateLimit(kv, "rl:b", opts)).toEqual({ ok: true, remaining: 0, retryAfter: 0 });
  });

  it("keeps separate keys separate", async () => {
    const kv = createMemoryKv();
    const opts = { limit: 1, windowSeconds: 10 };
    expect((await rateLimit(kv, "rl:user-1", opts)).ok).toBe(true);
    expect((await rateLimit(kv, "rl:user-2", opts)).ok).toBe(true);
    expect((await rateLimit(kv, "rl:user-1", opts)).ok).toBe(false);
  });

  it("rejects limits and windows that are not positive integers", async () => {
    const kv = createMemoryKv();
    await expect(rateLimit(kv, "rl:c", { limit: 0, windowSeconds: 10 })).rejects.toThrow(RangeError);
    await expect(rateLimit(kv, "rl:c", { limit: 2.5, windowSeconds: 10 })).rejects.toThrow(RangeError);
    await expect(rateLimit(kv, "rl:c", { limit: 1, windowSeconds: 0.5 })).rejects.toThrow(RangeError);
    expect(await kv.ttl("rl:c")).toBe(-2);
  });

  it("the memory store's periodic sweep drops expired counters", async () => {
    const kv = createMemoryKv();
    await rateLimit(kv, "rl:d", { limit: 1, windowSeconds: 5 });
    await kv.set("cache:e", "kept");
    expect(kv.size).toBe(2);
    vi.advanceTimersByTime(60_000);
    expect(kv.size).toBe(1);
    expect(await kv.get("cache:e")).toBe("kept");
  });
});
