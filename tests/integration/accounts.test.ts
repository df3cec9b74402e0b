import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { profiles, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getSessionUser, signUp, verifyCredentials } from "@/lib/services/accounts";
import { createTestDb } from "../support/db";
import { signUpInput } from "../support/factories";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

async function rowCounts() {
  const [u] = await handle.db.select({ n: count() }).from(users);
  const [p] = await handle.db.select({ n: count() }).from(profiles);
  return { users: u!.n, profiles: p!.n };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("signUp", () => {
  it("creates a user and a profile, normalising email and handle", async () => {
    const input = signUpInput({ email: "  Mira@Example.TEST ", handle: "Mira_Lane" });
    const user = await signUp(handle.db, input);
    expect(user.handle).toBe("mira_lane");
    const session = await getSessionUser(handle.db, user.id);
    expect(session).toEqual({ id: user.id, handle: "mira_lane", displayName: input.displayName, kind: "creator" });
  });

  it("stores only a salted scrypt hash", async () => {
    const input = signUpInput();
    const user = await signUp(handle.db, input);
    const [row] = await handle.db.select().from(users).where((await import("drizzle-orm")).eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(row!.passwordHash).not.toContain(input.password);
  });

  it("refuses invalid fields with 422, naming each field, and stores nothing", async () => {
    const before = await rowCounts();
    const error = await refusal(signUp(handle.db, { email: "not-an-email", password: "short", handle: "A!", displayName: "", kind: "painter" }));
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["displayName", "email", "handle", "kind", "password"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a taken email or handle (case-insensitively) with 409 and stores nothing", async () => {
    const first = signUpInput();
    await signUp(handle.db, first);
    const before = await rowCounts();
    const sameEmail = await refusal(signUp(handle.db, signUpInput({ email: first.email.toUpperCase() })));
    expect(sameEmail.code).toBe("conflict");
    expect(sameEmail.fields).toHaveProperty("email");
    const sameHandle = await refusal(signUp(handle.db, signUpInput({ handle: first.handle.toUpperCase() })));
    expect(sameHandle.code).toBe("conflict");
    expect(sameHandle.fields).toHaveProperty("handle");
    expect(await rowCounts()).toEqual(before);
  });

  it("lets exactly one of several simultaneous sign-ups with one handle win", async () => {
    const shared = `race-${Date.now() % 100000}`;
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => signUp(handle.db, signUpInput({ handle: shared }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    }
  });
});

describe("verifyCredentials", () => {
  it("accepts the right password and gives the same null for a wrong one or an unknown email", async () => {
    const input = signUpInput();
    const user = await signUp(handle.db, input);
    expect((await verifyCredentials(handle.db, input.email.toUpperCase(), input.password))?.id).toBe(user.id);
    expect(await verifyCredentials(handle.db, input.email, "wrong password")).toBeNull();
    expect(await verifyCredentials(handle.db, "nobody@example.test", input.password)).toBeNull();
  });
});
