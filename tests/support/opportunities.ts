import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { kreativeArtwork, opportunity, profiles, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createOpportunity } from "@/lib/services/opportunity_announcement";

const DAY = 24 * 60 * 60 * 1000;
export const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();

let counter = 0;

/**
 * A signed-up person without the password hash (scrypt at OWASP cost takes ~1 s per user, and
 * these tests need dozens): the same rows sign-up writes, in the actor shape services take.
 */
export async function createMember(db: Db, kind: "creator" | "diffuser" = "creator") {
  const n = `${++counter}${Math.random().toString(36).slice(2, 6)}`;
  const handle = `member-${n}`;
  const [user] = await db.insert(users).values({ email: `${handle}@example.test`, name: `Member ${n}` }).returning({ id: users.id });
  await db.insert(profiles).values({ userId: user!.id, handle, displayName: `Member ${n}`, kind });
  return { id: user!.id, handle, displayName: `Member ${n}`, kind };
}

/** A valid posting body; override any field. */
export function postingInput(overrides: Record<string, unknown> = {}) {
  return {
    title: "Summer residency by the sea",
    kind: "residency",
    description: "Four weeks in a harbour studio, with a stipend and a final open studio.",
    tags: ["printmaking", "coast"],
    region: "Porto, PT",
    location: "Rua do Cais 12",
    startsAt: inDays(60),
    endsAt: inDays(90),
    deadline: inDays(20),
    compensation: { paid: true, amount: 1500, currency: "EUR" },
    entryFee: null,
    url: "https://example.org/residency",
    ...overrides,
  };
}

export async function createPosting(db: Db, owner: { id: string }, overrides: Record<string, unknown> = {}) {
  return createOpportunity(db, owner, postingInput(overrides));
}

/** Moves a deadline into the past, as time passing would (the API refuses past deadlines). */
export async function expireDeadline(db: Db, id: string, msAgo = 60_000) {
  await db.update(opportunity).set({ deadline: new Date(Date.now() - msAgo) }).where(eq(opportunity.id, id));
}

/** An artwork row in someone's portfolio (no file needed for applications). */
export async function createArtworkRow(db: Db, artistId: string, title = "Untitled") {
  const [row] = await db.insert(kreativeArtwork).values({ artistId, title, mediaFile: `artworks/${crypto.randomUUID()}.webp`, mediaType: "image/webp" }).returning({ id: kreativeArtwork.id });
  return row!.id;
}

/** The AppError a promise rejects with (fails the test if it resolves or throws something else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
