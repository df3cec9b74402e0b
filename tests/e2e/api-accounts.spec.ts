import { expect, test } from "@playwright/test";
import { newAccount, sessionHandle, signIn } from "./support/api";

test.describe("accounts API", () => {
  test("health reports the drivers in use", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(["pglite", "postgres"]).toContain(body.database);
    expect(["memory", "upstash"]).toContain(body.cache);
    expect(body.database).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
    expect(body.cache).toBe(process.env.UPSTASH_REDIS_REST_URL ? "upstash" : "memory");
    expect(body.realtime).toBe("ok");
  });

  test("sign-up answers 201, then 409 for the same email or handle", async ({ request }) => {
    const account = newAccount({ handle: `Mixed-${Date.now() % 1e6}` });
    const created = await request.post("/api/v1/auth/signup", { data: account });
    expect(created.status()).toBe(201);
    const body = await created.json();
    expect(body.user.handle).toBe(account.handle.toLowerCase());
    expect(typeof body.user.id).toBe("string");

    const sameEmail = await request.post("/api/v1/auth/signup", { data: newAccount({ email: account.email }) });
    expect(sameEmail.status()).toBe(409);
    expect((await sameEmail.json()).error.code).toBe("conflict");
    const sameHandle = await request.post("/api/v1/auth/signup", { data: newAccount({ handle: account.handle.toUpperCase() }) });
    expect(sameHandle.status()).toBe(409);
    expect((await sameHandle.json()).error.fields.handle).toBeTruthy();
  });

  test("refused sign-ups are 400, 415 and 422 with fields, and store nothing", async ({ request }) => {
    const account = newAccount();
    const malformed = await request.post("/api/v1/auth/signup", {
      headers: { "content-type": "application/json" },
      data: Buffer.from(`{"email": "${account.email}",`),
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe("bad_request");

    const wrongType = await request.post("/api/v1/auth/signup", { form: { ...account } });
    expect(wrongType.status()).toBe(415);

    const invalid = await request.post("/api/v1/auth/signup", { data: { ...account, password: "short", kind: "painter" } });
    expect(invalid.status()).toBe(422);
    const error = (await invalid.json()).error;
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields).sort()).toEqual(["kind", "password"]);

    // Nothing was stored by the refusals: the same email and handle are still free.
    expect((await request.post("/api/v1/auth/signup", { data: account })).status()).toBe(201);
  });

  test("credentials sign-in sets a session; a wrong password and an unknown email look the same", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const account = newAccount();
    expect((await api.post("/api/v1/auth/signup", { data: account })).status()).toBe(201);

    const wrong = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken: ((await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken, email: account.email, password: "not-the-password", json: "true" },
    });
    const unknown = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken: ((await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken, email: `nobody-${account.email}`, password: "not-the-password", json: "true" },
    });
    expect(wrong.status()).toBe(unknown.status());
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(await sessionHandle(api)).toBeNull();

    await signIn(api, account.email.toUpperCase(), account.password);
    expect(await sessionHandle(api)).not.toBeNull();
    await api.dispose();
  });

  test("sign-in is throttled per account after repeated failures", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const account = newAccount();
    expect((await api.post("/api/v1/auth/signup", { data: account })).status()).toBe(201);
    for (let i = 0; i < 10; i++) await signIn(api, account.email, "wrong-password");
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const throttled = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email: account.email, password: account.password, json: "true" } });
    expect(JSON.stringify(await throttled.json())).toContain("TooManyAttempts");
    expect(await sessionHandle(api)).toBeNull();
    await api.dispose();
  });
});
