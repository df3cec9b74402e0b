import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";

export type NewAccount = { email: string; password: string; handle: string; displayName: string; kind: "creator" | "diffuser" };

/** A unique, valid sign-up body. */
export function newAccount(overrides: Partial<NewAccount> = {}): NewAccount {
  const n = randomBytes(4).toString("hex");
  return {
    email: `e2e-${n}@example.test`,
    password: `pw-${n}-long-enough`,
    handle: `e2e-${n}`,
    displayName: `E2E Person ${n}`,
    kind: "creator",
    ...overrides,
  };
}

/** next-auth's standard credentials flow: csrf token, then the callback; returns the HTTP status. */
export async function signIn(api: APIRequestContext, email: string, password: string): Promise<number> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  return response.status();
}

export async function sessionHandle(api: APIRequestContext): Promise<string | null> {
  const session = (await (await api.get("/api/auth/session")).json()) as { user?: { id?: string } };
  return session.user?.id ?? null;
}

/** A fresh cookie jar with a newly signed-up, signed-in account. */
export async function signedInClient(baseURL: string, overrides: Partial<NewAccount> = {}) {
  const api = await playwrightRequest.newContext({ baseURL });
  const account = newAccount(overrides);
  const created = await api.post("/api/v1/auth/signup", { data: account });
  expect(created.status()).toBe(201);
  await signIn(api, account.email, account.password);
  expect(await sessionHandle(api)).not.toBeNull();
  return { api, account };
}
