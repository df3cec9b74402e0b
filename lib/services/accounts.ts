import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation, pgConstraint } from "@/db/errors";
import { profiles, users } from "@/db/schema";
import { burnPasswordCheck, hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError, type FieldErrors } from "@/lib/errors";
import { buildSearchDocument } from "@/lib/services/professional_profile/search-document";
import { signUpSchema } from "@/lib/validation/accounts";
import { parseInput } from "@/lib/validation/parse";

export type SessionUser = { id: string; handle: string; displayName: string; kind: "creator" | "diffuser" };

const takenMessages = {
  email: "An account with this email already exists.",
  handle: "This handle is taken.",
} as const;

async function takenFields(db: Db, email: string, handle: string): Promise<FieldErrors> {
  const [emailRow] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  const [handleRow] = await db
    .select({ id: profiles.userId })
    .from(profiles)
    .where(sql`lower(${profiles.handle}) = ${handle}`)
    .limit(1);
  const fields: FieldErrors = {};
  if (emailRow) fields.email = [takenMessages.email];
  if (handleRow) fields.handle = [takenMessages.handle];
  return fields;
}

/** Creates a user and their profile together; 409 naming the field when email or handle is taken. */
export async function signUp(db: Db, raw: unknown): Promise<{ id: string; handle: string }> {
  const input = parseInput(signUpSchema, raw);
  const taken = await takenFields(db, input.email, input.handle);
  if (Object.keys(taken).length) throw new AppError("conflict", "That email or handle is already in use.", { fields: taken });

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email: input.email, name: input.displayName, passwordHash }).returning({ id: users.id });
      if (!user) throw new Error("user insert returned no row");
      // The search text from the start, so people search finds a new member by name right away.
      const searchDocument = buildSearchDocument({ displayName: input.displayName, handle: input.handle, headline: "", bio: "", skills: [], tags: [] });
      await tx.insert(profiles).values({ userId: user.id, handle: input.handle, displayName: input.displayName, kind: input.kind, searchDocument });
      return { id: user.id, handle: input.handle };
    });
  } catch (error) {
    // Lost a race with a simultaneous sign-up: the unique index decided.
    if (isUniqueViolation(error)) {
      const field = pgConstraint(error)?.includes("handle") ? "handle" : "email";
      throw new AppError("conflict", "That email or handle is already in use.", { fields: { [field]: [takenMessages[field]] } });
    }
    throw error;
  }
}

/** The user for a correct email and password, else null; the same work is done either way. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, handle: profiles.handle, displayName: profiles.displayName, kind: profiles.kind })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  if (!row?.passwordHash) return burnPasswordCheck(password).then(() => null);
  if (!(await verifyPassword(password, row.passwordHash))) return null;
  return { id: row.id, handle: row.handle, displayName: row.displayName, kind: row.kind };
}

export async function getSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: profiles.userId, handle: profiles.handle, displayName: profiles.displayName, kind: profiles.kind })
    .from(profiles)
    .where(eq(profiles.userId, userId))
    .limit(1);
  return row ?? null;
}
