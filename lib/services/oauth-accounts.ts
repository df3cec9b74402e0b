import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, profiles, users } from "@/db/schema";
import type { SessionUser } from "./accounts";
import { getSessionUser } from "./accounts";
import { buildSearchDocument } from "./professional_profile/search-document";

export type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email: string | null;
  login: string | null;
  name: string | null;
  image: string | null;
};

/** A handle from a provider login: lower-cased, cleaned, made unique with a number when taken. */
async function freeHandle(db: Db, login: string): Promise<string> {
  const base = (login.toLowerCase().replace(/[^a-z0-9_-]/g, "").slice(0, 24) || "artist").padEnd(3, "0");
  for (let i = 0; i < 50; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    const [row] = await db.select({ id: profiles.userId }).from(profiles).where(sql`lower(${profiles.handle}) = ${candidate}`).limit(1);
    if (!row) return candidate;
  }
  return `${base}-${crypto.randomUUID().slice(0, 5)}`;
}

/**
 * Finds the user linked to an OAuth account or creates one with a profile. An existing
 * password account with the same email is never linked silently (that would let whoever
 * controls the provider account take it over): null means "sign in with your password".
 */
export async function findOrCreateOAuthUser(db: Db, who: OAuthIdentity): Promise<SessionUser | null> {
  const [linked] = await db
    .select({ userId: accounts.userId })
    .from(accounts)
    .where(and(eq(accounts.provider, who.provider), eq(accounts.providerAccountId, who.providerAccountId)))
    .limit(1);
  if (linked) return getSessionUser(db, linked.userId);

  const email = (who.email ?? `${who.provider}-${who.providerAccountId}@users.noreply.kontact`).toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (existing) return null;

  const handle = await freeHandle(db, who.login ?? who.name ?? "artist");
  const displayName = (who.name ?? who.login ?? handle).slice(0, 80);
  const userId = await db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email, name: displayName, image: who.image }).returning({ id: users.id });
    if (!user) throw new Error("user insert returned no row");
    await tx.insert(accounts).values({ userId: user.id, type: "oauth", provider: who.provider, providerAccountId: who.providerAccountId });
    await tx.insert(profiles).values({ userId: user.id, handle, displayName, kind: "creator", searchDocument: buildSearchDocument({ displayName, handle, headline: "", bio: "", skills: [], tags: [] }) });
    return user.id;
  });
  return getSessionUser(db, userId);
}
