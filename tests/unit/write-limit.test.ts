import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runFormActionAs } from "@/app/_lib/form-run";
import { resetEnvCache } from "@/lib/env";
import { route } from "@/lib/http/respond";
import { sessionUserId } from "@/lib/http/session-user";
import { setKvForTests } from "@/lib/kv";
import { createMemoryKv } from "@/lib/kv/memory";

const SECRET = "write-limit-test-secret-0123456789abcdef";

function setLimits(limits: { WRITE_IP_LIMIT?: string; WRITE_USER_LIMIT?: string }) {
  Object.assign(process.env, limits);
  resetEnvCache();
}

beforeEach(() => {
  process.env.AUTH_SECRET = SECRET;
  setKvForTests(createMemoryKv());
});
afterEach(() => {
  delete process.env.WRITE_IP_LIMIT;
  delete process.env.WRITE_USER_LIMIT;
  delete process.env.AUTH_SECRET;
  resetEnvCache();
  setKvForTests(undefined);
});

/** The session cookie next-auth would set for `userId` (an encrypted JWT with `sub`). */
const sessionCookie = async (userId: string, secret = SECRET) => `next-auth.session-token=${await encode({ token: { sub: userId }, secret })}`;

/** A route whose handler records every write it was allowed to make. */
function recordingRoute() {
  const writes: string[] = [];
  const handler = route(async (request: Request) => {
    writes.push(request.method);
    return new Response(null, { status: 204 });
  });
  const call = (method: string, ip: string, cookie?: string) =>
    handler(new Request("http://127.0.0.1/api/v1/x", { method, headers: { "x-forwarded-for": ip, ...(cookie ? { cookie } : {}) } }), {});
  return { writes, call };
}

describe("the write limit every API route shares", () => {
  it("answers 429 with retry-after once an IP has written too much, without running the handler; reads are not counted", async () => {
    setLimits({ WRITE_IP_LIMIT: "3" });
    const { writes, call } = recordingRoute();
    for (let i = 0; i < 3; i++) expect((await call("POST", "203.0.113.7")).status).toBe(204);
    const refused = await call("DELETE", "203.0.113.7");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate_limited");
    expect(writes).toHaveLength(3);
    expect((await call("GET", "203.0.113.7")).status).toBe(204);
    expect((await call("POST", "198.51.100.2")).status).toBe(204);
  });

  it("answers 429 with retry-after once a signed-in user has written too much, from any IP, without running the handler", async () => {
    setLimits({ WRITE_USER_LIMIT: "3" });
    const { writes, call } = recordingRoute();
    const alice = await sessionCookie("user-alice");
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) expect((await call("PATCH", ip, alice)).status).toBe(204);
    const refused = await call("POST", "203.0.113.4", alice); // a fresh IP does not help
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(600);
    expect((await refused.json()).error.code).toBe("rate_limited");
    expect(writes).toEqual(["PATCH", "PATCH", "PATCH"]); // the refused write changed nothing
    // Reads are free; someone else on the same IP, and anonymous callers, keep writing.
    expect((await call("GET", "203.0.113.4", alice)).status).toBe(204);
    expect((await call("POST", "203.0.113.4", await sessionCookie("user-bob"))).status).toBe(204);
    expect((await call("POST", "203.0.113.4")).status).toBe(204);
    expect(writes).toHaveLength(6);
  });

  it("counts a cookie it cannot decrypt by IP only (no error, no user quota used)", async () => {
    setLimits({ WRITE_USER_LIMIT: "1" });
    const { call } = recordingRoute();
    const forged = await sessionCookie("user-alice", "another-secret-0123456789abcdef0123");
    for (let i = 0; i < 3; i++) expect((await call("POST", "203.0.113.9", forged)).status).toBe(204);
    expect((await call("POST", "203.0.113.9", await sessionCookie("user-alice"))).status).toBe(204); // alice's quota is untouched
  });
});

describe("sessionUserId", () => {
  it("reads the user from the plain, __Secure- and chunked session cookies, and nothing from junk", async () => {
    const token = await encode({ token: { sub: "user-carol" }, secret: SECRET });
    expect(await sessionUserId(`theme=dark; next-auth.session-token=${token}`)).toBe("user-carol");
    expect(await sessionUserId(`__Secure-next-auth.session-token=${token}`)).toBe("user-carol");
    const half = Math.floor(token.length / 2);
    expect(await sessionUserId(`next-auth.session-token.1=${token.slice(half)}; next-auth.session-token.0=${token.slice(0, half)}`)).toBe("user-carol");
    for (const junk of [null, "", "next-auth.session-token=", "next-auth.session-token=abc.def", "=;;=x"]) expect(await sessionUserId(junk)).toBeNull();
  });
});

describe("the write limit server actions share (runFormActionAs)", () => {
  const options = { success: "Saved.", values: { title: "Kept as typed" } };

  it("refuses past the per-user limit with a form message to wait N seconds, and runs nothing", async () => {
    setLimits({ WRITE_USER_LIMIT: "2" });
    const saved: number[] = [];
    const save = (writer: { ip: string; userId: string | null }) => runFormActionAs(writer, async () => void saved.push(saved.length), options);
    expect(await save({ ip: "203.0.113.1", userId: "user-dora" })).toMatchObject({ ok: true, message: "Saved." });
    expect(await save({ ip: "203.0.113.2", userId: "user-dora" })).toMatchObject({ ok: true });
    const refused = await save({ ip: "203.0.113.3", userId: "user-dora" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: {}, values: { title: "Kept as typed" } });
    const seconds = Number(/Wait (\d+) seconds/.exec(refused!.message)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(600);
    expect(saved).toEqual([0, 1]);
    expect(await save({ ip: "203.0.113.3", userId: "user-eve" })).toMatchObject({ ok: true });
  });

  it("refuses past the per-IP limit, signed in or not", async () => {
    setLimits({ WRITE_IP_LIMIT: "2" });
    let runs = 0;
    const save = (userId: string | null) => runFormActionAs({ ip: "198.51.100.9", userId }, async () => void runs++, options);
    expect(await save(null)).toMatchObject({ ok: true });
    expect(await save("user-fred")).toMatchObject({ ok: true });
    expect((await save("user-gina"))?.message).toMatch(/^Too many changes in a short time: nothing was saved\. Wait \d+ seconds/);
    expect(runs).toBe(2);
  });
});
