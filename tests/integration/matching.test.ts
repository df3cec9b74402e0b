import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { kreativeArtwork, matchDismissal, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createMemoryKv } from "@/lib/kv/memory";
import {
  dismissMatch,
  dropPopulation,
  invalidateMatches,
  invalidateMatchesAfterProfileEdit,
  refreshPopulation,
  setEkohProvider,
  suggestMatches,
  type MatchIntent,
} from "@/lib/services/intelligent_matching";
import { block, follow, updateProfile } from "@/lib/services/professional_profile";
import { createTestDb } from "../support/db";
import { createUser } from "../support/factories";

// Runs on in-memory PGlite, and on real PostgreSQL when TEST_DATABASE_URL is set.

let handle: DbHandle;
const run = randomBytes(3).toString("hex");
const DAY = 86_400_000;
type Person = Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  dropPopulation(handle.db);
  await handle?.close();
});
afterEach(() => setEkohProvider(null));

// People made by the current test: results are read among them only, since everyone shares one
// database and the most active people (another test's) are candidates for everyone.
let ours = new Set<string>();
beforeEach(() => {
  ours = new Set();
});

/** A word no other test uses, so each test ranks only its own people. */
const word = (label: string) => `${label}${randomBytes(3).toString("hex").replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;

async function person(fields: Record<string, unknown>, kind: "creator" | "diffuser" = "creator"): Promise<Person> {
  const user = await createUser(handle.db, { kind });
  await updateProfile(handle.db, user, fields);
  ours.add(user.handle);
  return user;
}

const handlesOf = async (viewer: Person, opts: { intent?: MatchIntent; kv?: ReturnType<typeof createMemoryKv> | null; now?: number; limit?: number } = {}) =>
  (await suggestMatches(handle.db, viewer, { intent: opts.intent ?? "follow", limit: opts.limit ?? 50 }, { kv: opts.kv ?? null, now: opts.now })).items
    .map((m) => m.profile.handle)
    .filter((h) => ours.has(h));

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("suggestions", () => {
  it("rank a shared rare skill first, explain it, and keep the API shape", async () => {
    const rare = word("rare");
    const common = word("common");
    const me = await person({ skills: [rare, common], region: `Town ${run}` });
    const crowd = await Promise.all(Array.from({ length: 6 }, () => person({ skills: [common] })));
    const kindred = await person({ skills: [rare, "drawing"] });
    const found = await suggestMatches(handle.db, me, { limit: "5" }, { kv: null });
    expect(found.items[0]!.profile.handle).toBe(kindred.handle);
    expect(Object.keys(found.items[0]!).sort()).toEqual(["profile", "reasons", "score"]);
    expect(Object.keys(found.items[0]!.profile).sort()).toEqual(["avatarUrl", "displayName", "handle", "headline", "kind", "region", "skills", "tags"]);
    expect(found.items[0]!.reasons[0]).toEqual({ kind: "shared_skills", detail: `You both work in ${rare}` });
    for (const m of found.items) expect(m.score).toBeGreaterThan(0), expect(m.score).toBeLessThanOrEqual(1);
    const crowdHandles = new Set(crowd.map((c) => c.handle));
    expect(found.items.slice(1).every((m) => crowdHandles.has(m.profile.handle))).toBe(true);
    expect(found.items).toHaveLength(5);
  });

  it("never list the caller, hidden profiles, blocked pairs (both ways) or, for follow, people already followed", async () => {
    const skill = word("glaze");
    const me = await person({ skills: [skill] });
    const hidden = await person({ skills: [skill], visibility: "hidden" });
    const members = await person({ skills: [skill], visibility: "members" });
    const iBlocked = await person({ skills: [skill] });
    const blockedMe = await person({ skills: [skill] });
    const followed = await person({ skills: [skill] });
    const plain = await person({ skills: [skill] });
    await block(handle.db, me, iBlocked.handle);
    await block(handle.db, blockedMe, me.handle);
    await follow(handle.db, me, followed.handle);
    const forFollow = await handlesOf(me);
    expect(forFollow).toEqual(expect.arrayContaining([members.handle, plain.handle]));
    for (const h of [me.handle, hidden.handle, iBlocked.handle, blockedMe.handle, followed.handle]) expect(forFollow).not.toContain(h);
    const forContact = await handlesOf(me, { intent: "contact" });
    expect(forContact).toContain(followed.handle);
    expect(forContact).not.toContain(iBlocked.handle);
    // And the other side of each block does not see the caller either.
    expect(await handlesOf(iBlocked)).not.toContain(me.handle);
    expect(await handlesOf(blockedMe)).not.toContain(me.handle);
  });

  it("a sign-up appears at once, and people are only reloaded from their changes", async () => {
    const skill = word("felt");
    const me = await person({ skills: [skill] });
    expect(await handlesOf(me)).toEqual([]);
    const newcomer = await person({ skills: [skill] });
    expect(await handlesOf(me)).toEqual([newcomer.handle]);
    // A change made elsewhere (another process) reaches the index with the background refresh.
    await updateProfile(handle.db, newcomer, { skills: ["something else"] });
    await refreshPopulation(handle.db);
    expect(await handlesOf(me)).toEqual([]);
  });

  it("a deleted account is never suggested, and leaves the index at the next refresh", async () => {
    const skill = word("gone");
    const me = await person({ skills: [skill] });
    const leaving = await person({ skills: [skill] });
    expect(await handlesOf(me)).toEqual([leaving.handle]);
    await handle.db.delete(users).where(eq(users.id, leaving.id));
    expect(await handlesOf(me)).toEqual([]); // the final check reads the database
    const { index } = await refreshPopulation(handle.db);
    expect(index.person(leaving.id)).toBeUndefined();
  });

  it("quotes social proof and recent activity from the database", async () => {
    const skill = word("kiln");
    const me = await person({ skills: [skill] });
    const friend = await person({ displayName: "Ana Lima" });
    const maker = await person({ skills: [skill] });
    const other = await person({ skills: [skill] });
    await follow(handle.db, me, friend.handle);
    await follow(handle.db, friend, maker.handle);
    await handle.db.insert(kreativeArtwork).values([
      { artistId: other.id, title: "Bowl", mediaFile: "artworks/x.png", mediaType: "image/png" },
      { artistId: other.id, title: "Cup", mediaFile: "artworks/y.png", mediaType: "image/png" },
    ]);
    await refreshPopulation(handle.db);
    const { items } = await suggestMatches(handle.db, me, { limit: 50 }, { kv: null });
    const reasons = (h: string) => items.find((m) => m.profile.handle === h)?.reasons ?? [];
    expect(reasons(maker.handle)).toContainEqual({ kind: "followed_by_your_follows", detail: "Followed by Ana Lima, whom you follow" });
    expect(reasons(other.handle)).toContainEqual({
      kind: "recent_activity",
      detail: "Active lately: shared 2 new artworks in the last 30 days",
    });
  });

  it("the Ekoh signal is off by default and shows its reason when a provider is on", async () => {
    const skill = word("ekoh");
    const me = await person({ skills: [skill] });
    const a = await person({ skills: [skill] });
    const b = await person({ skills: [skill] });
    const before = (await suggestMatches(handle.db, me, {}, { kv: null })).items;
    expect(before.flatMap((m) => m.reasons.map((r) => r.kind))).not.toContain("ekoh");
    setEkohProvider({ name: "stub", scores: async (ids) => new Map(ids.map((id) => [id, id === b.id ? 0.9 : 0.1])) });
    const after = (await suggestMatches(handle.db, me, {}, { kv: null })).items;
    expect(after[0]!.profile.handle).toBe(b.handle);
    expect(after[0]!.reasons).toContainEqual({ kind: "ekoh", detail: "Well regarded on Ekoh (Smart-Vote): reputation 90 out of 100" });
    expect(after.map((m) => m.profile.handle)).toContain(a.handle);
  });

  it("validate their input: 401 anonymous, 422 bad limit or intent", async () => {
    const me = await person({});
    expect((await refusal(suggestMatches(handle.db, null, {}))).code).toBe("unauthorized");
    const bad = await refusal(suggestMatches(handle.db, me, { limit: "0", intent: "marry" }, { kv: null }));
    expect([bad.code, Object.keys(bad.fields ?? {}).sort()]).toEqual(["validation_failed", ["intent", "limit"]]);
    expect((await refusal(suggestMatches(handle.db, me, { limit: "101" }, { kv: null }))).code).toBe("validation_failed");
    expect((await suggestMatches(handle.db, me, { limit: "", intent: "" }, { kv: null })).items).toEqual(expect.any(Array));
  });
});

describe("dismissals", () => {
  it("take effect on the very next request, even with a cached list", async () => {
    const skill = word("dye");
    const kv = createMemoryKv();
    const me = await person({ skills: [skill] });
    const a = await person({ skills: [skill] });
    const b = await person({ skills: [skill] });
    expect((await handlesOf(me, { kv })).sort()).toEqual([a.handle, b.handle].sort());
    await dismissMatch(handle.db, me, { handle: a.handle, reason: "dont_know" }, kv);
    expect(await handlesOf(me, { kv })).toEqual([b.handle]);
  });

  it("not_now comes back after 30 days; not_relevant and dont_know never do; a new dismissal replaces the old", async () => {
    const skill = word("loom");
    const me = await person({ skills: [skill] });
    const later = await person({ skills: [skill] });
    const never = await person({ skills: [skill] });
    const unknown = await person({ skills: [skill] });
    await dismissMatch(handle.db, me, { handle: later.handle, reason: "not_now" }, createMemoryKv());
    await dismissMatch(handle.db, me, { handle: never.handle }, createMemoryKv());
    await dismissMatch(handle.db, me, { handle: unknown.handle, reason: "dont_know" }, createMemoryKv());
    expect(await handlesOf(me)).toEqual([]);
    expect(await handlesOf(me, { now: Date.now() + 29 * DAY })).toEqual([]);
    expect(await handlesOf(me, { now: Date.now() + 31 * DAY })).toEqual([later.handle]);
    expect(await handlesOf(me, { now: Date.now() + 3 * 365 * DAY })).toEqual([later.handle]);
    await dismissMatch(handle.db, me, { handle: never.handle, reason: "not_now" }, createMemoryKv());
    expect((await handlesOf(me, { now: Date.now() + 31 * DAY })).sort()).toEqual([later.handle, never.handle].sort());
  });

  it("refuse anonymous callers, unknown or unseen handles, yourself and bad reasons, and change nothing", async () => {
    const me = await person({});
    const hidden = await person({ visibility: "hidden" });
    const kv = createMemoryKv();
    expect((await refusal(dismissMatch(handle.db, null, { handle: me.handle }, kv))).code).toBe("unauthorized");
    expect((await refusal(dismissMatch(handle.db, me, { handle: "nobody-at-all" }, kv))).code).toBe("not_found");
    expect((await refusal(dismissMatch(handle.db, me, { handle: hidden.handle }, kv))).code).toBe("not_found");
    expect((await refusal(dismissMatch(handle.db, me, { handle: me.handle }, kv))).code).toBe("validation_failed");
    const bad = await refusal(dismissMatch(handle.db, me, { handle: hidden.handle, reason: "boring" }, kv));
    expect([bad.code, Object.keys(bad.fields ?? {})]).toEqual(["validation_failed", ["reason"]]);
    expect((await refusal(dismissMatch(handle.db, me, { handle: hidden.handle, extra: 1 }, kv))).code).toBe("validation_failed");
    expect(await handle.db.select().from(matchDismissal).where(eq(matchDismissal.userId, me.id))).toEqual([]);
  });
});

describe("the per-user cache", () => {
  it("serves the stored ranking until the user's profile changes, then recomputes", async () => {
    const kv = createMemoryKv();
    const first = word("first");
    const second = word("second");
    const me = await person({ skills: [first] });
    const a = await person({ skills: [first] });
    const b = await person({ skills: [second] });
    expect(await handlesOf(me, { kv })).toEqual([a.handle]);
    await updateProfile(handle.db, me, { skills: [second] });
    expect(await handlesOf(me, { kv })).toEqual([a.handle]); // cached: the ranking did not run again
    await invalidateMatchesAfterProfileEdit(me.id, kv);
    expect(await handlesOf(me, { kv })).toEqual([b.handle]);
  });

  it("is keyed by intent and limit, and invalidating one user leaves others' entries alone", async () => {
    const kv = createMemoryKv();
    const skill = word("ink");
    const me = await person({ skills: [skill] });
    const you = await person({ skills: [skill] });
    const third = await person({ skills: [skill] });
    expect(await handlesOf(me, { kv, limit: 1 })).toHaveLength(1);
    expect(await handlesOf(me, { kv, limit: 5 })).toHaveLength(2);
    expect(await handlesOf(you, { kv })).toContain(me.handle);
    await updateProfile(handle.db, third, { skills: ["unrelated"] });
    await updateProfile(handle.db, me, { skills: ["unrelated"] });
    await invalidateMatches([me.id], kv);
    expect(await handlesOf(you, { kv })).toContain(third.handle); // still the cached list
    expect(await handlesOf(me, { kv, limit: 5 })).toEqual([third.handle]);
  });

  it("never serves someone who since became hidden, blocked or followed", async () => {
    const kv = createMemoryKv();
    const skill = word("wax");
    const me = await person({ skills: [skill] });
    const goesHidden = await person({ skills: [skill] });
    const blocksMe = await person({ skills: [skill] });
    const followedNow = await person({ skills: [skill] });
    const stays = await person({ skills: [skill] });
    expect(await handlesOf(me, { kv })).toHaveLength(4);
    await updateProfile(handle.db, goesHidden, { visibility: "hidden" });
    await block(handle.db, blocksMe, me.handle);
    await follow(handle.db, me, followedNow.handle);
    // No invalidation at all: the list is still cached, and still checked.
    expect(await handlesOf(me, { kv })).toEqual([stays.handle]);
    expect(await handlesOf(me, { kv, intent: "contact" })).toEqual(expect.arrayContaining([followedNow.handle, stays.handle]));
  });
});
