import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { setKvForTests } from "@/lib/kv";
import { createMemoryKv } from "@/lib/kv/memory";
import { route } from "@/lib/http/respond";

afterEach(() => {
  delete process.env.WRITE_IP_LIMIT;
  resetEnvCache();
  setKvForTests(undefined);
});

describe("the write limit every API route shares", () => {
  it("answers 429 with retry-after once an IP has written too much, without running the handler; reads are not counted", async () => {
    process.env.WRITE_IP_LIMIT = "3";
    resetEnvCache();
    setKvForTests(createMemoryKv());
    let ran = 0;
    const handler = route(async () => {
      ran += 1;
      return new Response(null, { status: 204 });
    });
    const call = (method: string, ip: string) => handler(new Request("http://127.0.0.1/api/v1/x", { method, headers: { "x-forwarded-for": ip } }), {});
    for (let i = 0; i < 3; i++) expect((await call("POST", "203.0.113.7")).status).toBe(204);
    const refused = await call("DELETE", "203.0.113.7");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate_limited");
    expect(ran).toBe(3);
    expect((await call("GET", "203.0.113.7")).status).toBe(204);
    expect((await call("POST", "198.51.100.2")).status).toBe(204);
  });
});
