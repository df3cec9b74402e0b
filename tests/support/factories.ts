import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { signUp } from "@/lib/services/accounts";

let counter = 0;

/** A valid sign-up input with unique email and handle. */
export function signUpInput(overrides: Partial<Record<"email" | "password" | "handle" | "displayName" | "kind", string>> = {}) {
  const n = `${++counter}${randomBytes(2).toString("hex")}`;
  return {
    email: `person${n}@example.test`,
    password: "correct horse battery",
    handle: `person-${n}`,
    displayName: `Person ${n}`,
    kind: "creator",
    ...overrides,
  };
}

/** Signs a user up through the real service and returns the actor shape services take. */
export async function createUser(db: Db, overrides: Parameters<typeof signUpInput>[0] = {}) {
  const input = signUpInput(overrides);
  const user = await signUp(db, input);
  return { ...user, email: input.email, password: input.password };
}
