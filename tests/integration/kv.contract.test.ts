import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createMemoryKv } from "@/lib/kv/memory";
import { assertRateLimit, rateLimit } from "@/lib/kv/rate-limit";
import type { KvStore } from "@/lib/kv/types";
import { createUpstashKv } from "@/lib/kv/upstash";
import { startUpstashBridge, type UpstashBridge } from "@/tests/support/upstash-bridge";

// Every key of this run starts with this, so a shared Redis is never touched outside it.
const RUN = `kvtest:${randomUUID()}`;
const TOKEN = `token-${randomUUID()}`;

type Fixture = { kv: KvStore; teardown(): Promise<void> };

/** Polls until check() is true; fails after timeoutMs. */
async function waitUntil(check: () => Promise<boolean>, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function kvContract(label: string, setup: () => Promise<Fixture>): void {
  describe(`KvStore contract: ${label}`, () => {
    let fixture: Fixture;
    let kv: KvStore;
    const used: string[] = [];
    const key = (name: string) => {
      const k = `${RUN}:${label}:${name}`;
      used.push(k);
      return k;
    };

    beforeAll(async () => {
      fixture = await setup();
      kv = fixture.kv;
    });
    afterAll(async () => {
      if (!fixture) return;
      await kv.del(...used);
      await fixture.teardown();
    });

    it("returns null for a missing key", async () => {
      expect(await kv.get(key("missing"))).toBeNull();
    });

    it("round-trips JSON values exactly", async () => {
      const values: unknown[] = [
        { id: 7, name: "Zoë ✓", tags: ["a", "b"], nested: { ok: true, none: null }, n: -1.5 },
        "123",
        "",
        "OK",
        0,
        false,
        [1, "two", [3]],
      ];
      for (const [i, value] of values.entries()) {
        await kv.set(key(`json-${i}`), value);
        expect(await kv.get(key(`json-${i}`))).toEqual(value);
      }
    });

    it("rejects values JSON cannot encode and bad TTLs", async () => {
      await expect(kv.set(key("undef"), undefined)).rejects.toThrow(TypeError);
      await expect(kv.set(key("ttl0"), 1, { ttlSeconds: 0 })).rejects.toThrow(RangeError);
      await expect(kv.set(key("ttl-frac"), 1, { ttlSeconds: 1.5 })).rejects.toThrow(RangeError);
      await expect(kv.incr(key("incr-ttl0"), 0)).rejects.toThrow(RangeError);
      expect(await kv.get(key("ttl0"))).toBeNull();
    });

    it("reports ttl: -2 missing, -1 without expiry, seconds left otherwise", async () => {
      expect(await kv.ttl(key("ttl-missing"))).toBe(-2);
      await kv.set(key("ttl-none"), "x");
      expect(await kv.ttl(key("ttl-none"))).toBe(-1);
      await kv.set(key("ttl-100"), "x", { ttlSeconds: 100 });
      const left = await kv.ttl(key("ttl-100"));
      expect(left).toBeGreaterThanOrEqual(99);
      expect(left).toBeLessThanOrEqual(100);
      // A plain set clears an earlier expiry, as Redis SET does.
      await kv.set(key("ttl-100"), "y");
      expect(await kv.ttl(key("ttl-100"))).toBe(-1);
    });

    it("expires a key after its TTL", async () => {
      await kv.set(key("short"), { v: 1 }, { ttlSeconds: 1 });
      expect(await kv.get(key("short"))).toEqual({ v: 1 });
      await waitUntil(async () => (await kv.get(key("short"))) === null);
      expect(await kv.ttl(key("short"))).toBe(-2);
    });

    it("deletes keys and counts only the ones that existed", async () => {
      await kv.set(key("del-a"), 1);
      await kv.set(key("del-b"), 2);
      expect(await kv.del(key("del-a"), key("del-b"), key("del-missing"))).toBe(2);
      expect(await kv.get(key("del-a"))).toBeNull();
      expect(await kv.del(key("del-a"))).toBe(0);
      expect(await kv.del()).toBe(0);
    });

    it("incr creates the key with an expiry and keeps that expiry", async () => {
      expect(await kv.incr(key("counter"), 100)).toBe(1);
      expect(await kv.incr(key("counter"), 5)).toBe(2);
      expect(await kv.ttl(key("counter"))).toBeGreaterThan(5);
      expect(await kv.get(key("counter"))).toBe(2);
      // A key without expiry gets one (EXPIRE NX), so a counter can never live forever.
      await kv.set(key("plain-number"), 41);
      expect(await kv.incr(key("plain-number"), 60)).toBe(42);
      expect(await kv.ttl(key("plain-number"))).toBeGreaterThan(0);
    });

    it("incr fails on a value that is not an integer", async () => {
      await kv.set(key("not-int"), "abc");
      await expect(kv.incr(key("not-int"), 10)).rejects.toThrow(/not an integer/);
    });

    it("incr is atomic under 50 concurrent calls", async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => kv.incr(key("concurrent"), 60)));
      expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await kv.get(key("concurrent"))).toBe(50);
    });

    it("incr starts over once the window expires", async () => {
      expect(await kv.incr(key("window"), 1)).toBe(1);
      expect(await kv.incr(key("window"), 1)).toBe(2);
      await waitUntil(async () => (await kv.ttl(key("window"))) === -2);
      expect(await kv.incr(key("window"), 1)).toBe(1);
    });

    it("rate limiter allows exactly `limit` of 50 concurrent calls", async () => {
      const opts = { limit: 10, windowSeconds: 60 };
      const results = await Promise.all(Array.from({ length: 50 }, () => rateLimit(kv, key("rl-burst"), opts)));
      const allowed = results.filter((r) => r.ok);
      expect(allowed).toHaveLength(10);
      expect(allowed.map((r) => r.remaining).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      for (const r of results.filter((r) => !r.ok)) {
        expect(r.remaining).toBe(0);
        expect(r.retryAfter).toBeGreaterThanOrEqual(59);
        expect(r.retryAfter).toBeLessThanOrEqual(60);
      }
    });

    it("rate limiter reports retryAfter and allows again after the window", async () => {
      const opts = { limit: 2, windowSeconds: 1 };
      expect(await rateLimit(kv, key("rl-window"), opts)).toEqual({ ok: true, remaining: 1, retryAfter: 0 });
      expect(await rateLimit(kv, key("rl-window"), opts)).toEqual({ ok: true, remaining: 0, retryAfter: 0 });
      expect(await rateLimit(kv, key("rl-window"), opts)).toEqual({ ok: false, remaining: 0, retryAfter: 1 });
      await waitUntil(async () => (await kv.ttl(key("rl-window"))) === -2);
      expect(await rateLimit(kv, key("rl-window"), opts)).toEqual({ ok: true, remaining: 1, retryAfter: 0 });
    });

    it("assertRateLimit throws AppError rate_limited with retryAfter", async () => {
      const opts = { limit: 1, windowSeconds: 30 };
      await expect(assertRateLimit(kv, key("rl-assert"), opts)).resolves.toMatchObject({ ok: true });
      const error = await assertRateLimit(kv, key("rl-assert"), opts).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "rate_limited", status: 429 });
      expect((error as AppError).retryAfter).toBeGreaterThanOrEqual(29);
    });
  });
}

kvContract("memory", async () => ({ kv: createMemoryKv(), teardown: async () => {} }));

// Registered only when a real Redis is given, so the run never shows a silently skipped suite.
const redisUrl = process.env.TEST_REDIS_URL;
if (redisUrl) {
  let bridge: UpstashBridge | undefined;
  const getBridge = async () => (bridge ??= await startUpstashBridge({ redisUrl, token: TOKEN }));

  kvContract("upstash via bridge", async () => {
    const { url, token } = await getBridge();
    return { kv: createUpstashKv({ url, token, retry: false }), teardown: async () => {} };
  });

  describe("upstash bridge protocol", () => {
    let redis: Redis;
    let url: string;
    const call = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", ...headers },
        body: JSON.stringify(body),
      });

    beforeAll(async () => {
      url = (await getBridge()).url;
      redis = new Redis(redisUrl, { lazyConnect: true });
      await redis.connect();
    });
    afterAll(async () => {
      // Sweep anything this run left behind, then stop the shared bridge.
      const leftovers = await redis.keys(`${RUN}:*`);
      if (leftovers.length > 0) await redis.del(...leftovers);
      await redis.quit();
      await bridge?.close();
    });

    it("answers 401 to a missing or wrong token, and the client rejects", async () => {
      const noAuth = await fetch(url, { method: "POST", body: JSON.stringify(["PING"]) });
      expect(noAuth.status).toBe(401);
      expect(await noAuth.json()).toHaveProperty("error");
      const wrong = await call("/", ["PING"], { Authorization: "Bearer nope" });
      expect(wrong.status).toBe(401);
      const kv = createUpstashKv({ url, token: "nope", retry: false });
      await expect(kv.get(`${RUN}:x`)).rejects.toThrow(/Unauthorized/);
    });

    it("writes the data to the real Redis", async () => {
      const kv = createUpstashKv({ url, token: TOKEN, retry: false });
      await kv.set(`${RUN}:real`, { a: 1 }, { ttlSeconds: 50 });
      expect(await redis.get(`${RUN}:real`)).toBe('{"a":1}');
      expect(await redis.ttl(`${RUN}:real`)).toBeGreaterThan(45);
    });

    it("speaks the protocol: base64 strings except OK, numbers, null, flat arrays, errors", async () => {
      const k = `${RUN}:proto`;
      expect(await (await call("/", ["SET", k, "héllo"])).json()).toEqual({ result: "OK" });
      expect(await (await call("/", ["GET", k])).json()).toEqual({ result: "héllo" });
      const b64 = await (await call("/", ["get", k], { "Upstash-Encoding": "base64" })).json();
      expect(b64).toEqual({ result: Buffer.from("héllo").toString("base64") });
      expect(await (await call("/", ["GET", `${k}:none`])).json()).toEqual({ result: null });
      await call("/", ["HSET", `${k}:h`, "f", "v", "n", 1]);
      expect(await (await call("/", ["hgetall", `${k}:h`])).json()).toEqual({ result: ["f", "v", "n", "1"] });
      const bad = await call("/", ["INCR", k]);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: expect.stringMatching(/^ERR value is not an integer/) });
      const pipe = await call("/pipeline", [["INCR", `${k}:n`], ["INCR", k], ["TTL", `${k}:n`]]);
      expect(pipe.status).toBe(200);
      expect(await pipe.json()).toEqual([{ result: 1 }, { error: expect.stringMatching(/not an integer/) }, { result: -1 }]);
      const multi = await call("/multi-exec", [["INCR", `${k}:n`], ["EXPIRE", `${k}:n`, 30, "NX"]]);
      expect(await multi.json()).toEqual([{ result: 2 }, { result: 1 }]);
      const aborted = await call("/multi-exec", [["INCR", `${k}:n`], ["NOSUCHCOMMAND"]]);
      expect(aborted.status).toBe(400);
      expect(await redis.get(`${k}:n`)).toBe("2");
    });
  });
}
