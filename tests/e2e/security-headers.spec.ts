import { expect, test } from "@playwright/test";
import { newAccount } from "./support/api";

const expected = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("pages, cached pages, API answers and errors carry the security headers; framing is refused", async ({ request }) => {
  const account = newAccount();
  expect((await request.post("/api/v1/auth/signup", { data: account })).status()).toBe(201);
  const anonymous = await request.storageState();
  expect(anonymous.cookies.filter((c) => c.name.includes("session-token"))).toEqual([]);
  for (const path of ["/connect/people", `/profile/${account.handle}`, "/api/health", "/api/v1/profiles?limit=1", "/no-such-page", "/api/v1/profiles/me"]) {
    const response = await request.get(path);
    const headers = response.headers();
    for (const [name, value] of Object.entries(expected)) expect(headers[name], `${name} on ${path}`).toBe(value);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ request }) => {
  const account = newAccount();
  expect((await request.post("/api/v1/auth/signup", { data: account })).status()).toBe(201);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: account.email, password: account.password, json: "true" }, maxRedirects: 0 });
  const session = (await request.storageState()).cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
});

test("a write from another site is refused and changes nothing", async ({ request }) => {
  const fan = newAccount();
  const artist = newAccount();
  for (const account of [fan, artist]) expect((await request.post("/api/v1/auth/signup", { data: account })).status()).toBe(201);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: fan.email, password: fan.password, json: "true" }, maxRedirects: 0 });
  const refused = await request.post("/api/v1/follows", { data: { handle: artist.handle }, headers: { origin: "https://evil.example" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");
  expect((await (await request.get(`/api/v1/profiles/${artist.handle}`)).json()).stats.followers).toBe(0);
  expect((await request.post("/api/v1/follows", { data: { handle: artist.handle } })).status()).toBe(201);
});
