import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { profiles, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { block, buildSearchDocument, searchProfiles, updateProfile, userIdsByHandles, type Actor } from "@/lib/services/professional_profile";
import { createTestDb } from "../support/db";
import { createUser } from "../support/factories";

// Runs on in-memory PGlite, and on real PostgreSQL when TEST_DATABASE_URL is set.

let handle: DbHandle;
const run = randomBytes(3).toString("hex"); // keeps handles unique if a database is shared
type Person = { id: string; handle: string };
let mira: Person, tomas: Person, hidden: Person, member: Person, viewer: Person, blocker: Person, blocked: Person;

const search = (actor: Actor, raw: Record<string, unknown>) => searchProfiles(handle.db, actor, raw);
const handlesOf = async (actor: Actor, raw: Record<string, unknown>) => (await search(actor, raw)).items.map((c) => c.handle);

async function person(name: string, kind: "creator" | "diffuser", fields: Record<string, unknown>): Promise<Person> {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, "-");
  const user = await createUser(handle.db, { handle: `${slug}-${run}`.slice(0, 30), displayName: name, kind });
  await updateProfile(handle.db, user, fields);
  return user;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Many plain profiles at once, written the way the profile service writes them (search_document included). */
async function bulkPeople(prefix: string, count: number, fields: { headline: string; region: string; createdAt: () => Date }) {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${run}-${i}`,
    handle: `${prefix}-${run}-${String(i).padStart(2, "0")}`,
    displayName: `Bulk Person ${i}`,
  }));
  await handle.db.insert(users).values(rows.map((r) => ({ id: r.id, email: `${r.handle}@example.test`, name: r.displayName })));
  await handle.db.insert(profiles).values(
    rows.map((r) => ({
      userId: r.id,
      handle: r.handle,
      displayName: r.displayName,
      kind: "creator" as const,
      headline: fields.headline,
      region: fields.region,
      searchDocument: buildSearchDocument({ ...r, headline: fields.headline, bio: "", skills: [], tags: [] }),
      createdAt: fields.createdAt(),
    })),
  );
  return rows.map((r) => r.handle);
}

beforeAll(async () => {
  handle = await createTestDb();
  mira = await person("Mira Lane", "creator", {
    headline: "Ceramicist and painter",
    bio: "I throw porcelain and paint the sea.",
    skills: ["Ceramics", "glaze chemistry"],
    tags: ["ocean", "craft"],
    region: "Lisbon, PT",
  });
  tomas = await person("Tomas Reed", "diffuser", {
    headline: "Curator",
    bio: "I studied with Mira Lane in Porto and now run a small gallery.",
    skills: ["curation", "painting"],
    tags: ["memory"],
    region: "Porto, PT",
  });
  hidden = await person("Hidden Heron", "creator", { skills: ["ceramics"], region: "Lisbon, PT", visibility: "hidden" });
  member = await person("Members Marlow", "creator", { skills: ["ceramics"], region: "Lisbon, PT", visibility: "members" });
  viewer = await person("Vera Viewer", "creator", { skills: ["video"] });
  blocker = await person("Blocking Quist", "creator", { skills: ["ceramics"] });
  blocked = await person("Blocked Quill", "creator", { skills: ["ceramics"] });
  await block(handle.db, blocker, viewer.handle);
  await block(handle.db, viewer, blocked.handle);
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

describe("people search: free text", () => {
  it("finds a person by a misspelt name and by a misspelt skill", async () => {
    expect((await handlesOf(null, { q: "Mira Lnae" }))[0]).toBe(mira.handle);
    expect(await handlesOf(null, { q: "ceramcs" })).toContain(mira.handle);
    expect(await handlesOf(null, { q: "glaze chemsitry" })).toEqual([mira.handle]);
    expect(await handlesOf(null, { q: "porcelan" })).toEqual([mira.handle]);
  });

  it("ranks an exact name match before a mention in someone's bio", async () => {
    const found = await handlesOf(null, { q: "Mira Lane" });
    expect(found.slice(0, 2)).toEqual([mira.handle, tomas.handle]);
    expect(await handlesOf(null, { q: tomas.handle })).toEqual([tomas.handle]);
    // An exact handle comes first (Tomas's bio and handle hold every word of Mira's handle too).
    expect((await handlesOf(null, { q: `@${mira.handle.toUpperCase()}` }))[0]).toBe(mira.handle);
  });

  it("finds someone who only just signed up, by exact and by misspelt name", async () => {
    // Both words are in Tomas's profile too, so only the new member's own search text finds them.
    const fresh = await createUser(handle.db, { handle: `tp-${run}`, displayName: "Tomas Porto" });
    expect((await handlesOf(null, { q: "Tomas Porto" }))[0]).toBe(fresh.handle);
    expect((await handlesOf(null, { q: "Tomas Portto" }))[0]).toBe(fresh.handle);
  });

  it("matches the last word as a prefix and gives cards in the documented shape", async () => {
    const result = await search(null, { q: "ceramici" });
    expect(result.items.map((c) => c.handle)).toContain(mira.handle);
    expect(result.items.find((c) => c.handle === mira.handle)).toEqual({
      handle: mira.handle,
      displayName: "Mira Lane",
      kind: "creator",
      headline: "Ceramicist and painter",
      skills: ["Ceramics", "glaze chemistry"],
      tags: ["craft", "ocean"],
      region: "Lisbon, PT",
      avatarUrl: null,
    });
    expect(result.nextCursor).toBeNull();
    expect((await search(null, { q: "zzqxv wwkq" })).items).toEqual([]);
  });
});

describe("people search: filters", () => {
  it("filters by skill (case-insensitive, whole skill), tag, region and kind", async () => {
    expect((await handlesOf(null, { skill: "CERAMICS" })).sort()).toEqual([mira.handle, blocker.handle, blocked.handle].sort());
    expect((await handlesOf(tomas, { skill: "Ceramics" })).sort()).toEqual([mira.handle, member.handle, blocker.handle, blocked.handle].sort());
    expect(await handlesOf(null, { skill: "ceramic" })).toEqual([]);
    expect(await handlesOf(null, { skill: "glaze chemistry", q: "mira" })).toEqual([mira.handle]);
    expect(await handlesOf(null, { tag: "Ocean" })).toEqual([mira.handle]);
    expect(await handlesOf(null, { tag: "memory" })).toEqual([tomas.handle]);
    expect((await handlesOf(null, { region: "lisb" })).sort()).toEqual([mira.handle]);
    expect((await handlesOf(null, { region: "PT" })).sort()).toEqual([mira.handle, tomas.handle].sort());
    expect(await handlesOf(null, { region: "T" })).toEqual([]);
    expect(await handlesOf(null, { q: "Mira Lane", kind: "diffuser" })).toEqual([tomas.handle]);
    expect(await handlesOf(null, { q: "painting", region: "porto" })).toEqual([tomas.handle]);
  });
});

describe("people search: who may appear", () => {
  it("never returns hidden profiles, even by exact handle or to their owner", async () => {
    for (const actor of [null, viewer, hidden]) {
      expect(await handlesOf(actor, { q: hidden.handle })).not.toContain(hidden.handle);
      expect(await handlesOf(actor, { q: "Hidden Heron" })).not.toContain(hidden.handle);
      expect(await handlesOf(actor, { skill: "ceramics", limit: 100 })).not.toContain(hidden.handle);
    }
  });

  it("shows members-only profiles to signed-in people only", async () => {
    expect(await handlesOf(null, { q: "Members Marlow" })).not.toContain(member.handle);
    expect(await handlesOf(null, { skill: "ceramics" })).not.toContain(member.handle);
    expect((await handlesOf(viewer, { q: "Members Marlow" }))[0]).toBe(member.handle);
    expect(await handlesOf(viewer, { skill: "ceramics" })).toContain(member.handle);
  });

  it("leaves out both sides of a block, whoever blocked whom", async () => {
    const forViewer = await handlesOf(viewer, { skill: "ceramics", limit: 100 });
    expect(forViewer).not.toContain(blocker.handle);
    expect(forViewer).not.toContain(blocked.handle);
    expect(await handlesOf(viewer, { q: "Blocking Quist" })).not.toContain(blocker.handle);
    expect(await handlesOf(viewer, { q: blocked.handle })).not.toContain(blocked.handle);
    expect(await handlesOf(blocker, { q: "Vera Viewer" })).not.toContain(viewer.handle);
    expect(await handlesOf(blocked, { q: "Vera Viewer" })).not.toContain(viewer.handle);
    // Everyone else still sees them.
    expect(await handlesOf(mira, { skill: "ceramics", limit: 100 })).toEqual(expect.arrayContaining([blocker.handle, blocked.handle]));
    expect(await handlesOf(mira, { q: "Vera Viewer" })).toContain(viewer.handle);
  });
});

describe("people search: newest first without oneself", () => {
  it("leaves the actor's own profile out of the newest-first list only when asked, and never out of a search", async () => {
    const all = await bulkPeople("selfie", 3, { headline: "Selfie portraitist", region: "Mirrortown", createdAt: () => new Date() });
    const me = { id: (await userIdsByHandles(handle.db, [all[0]!])).get(all[0]!)! };
    const browse = async (leaveOutActor: boolean) =>
      (await searchProfiles(handle.db, me, { region: "mirrortown", limit: 10 }, { leaveOutActor })).items.map((c) => c.handle);
    expect((await browse(false)).sort()).toEqual([...all].sort());
    expect((await browse(true)).sort()).toEqual(all.slice(1).sort());
    const searched = (await searchProfiles(handle.db, me, { q: "selfie portraitist", limit: 10 }, { leaveOutActor: true })).items.map((c) => c.handle);
    expect(searched).toContain(all[0]);
  });
});

describe("people search: pagination", () => {
  async function pages(raw: Record<string, unknown>): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const result = await search(null, { ...raw, cursor });
      seen.push(...result.items.map((c) => c.handle));
      if (!result.nextCursor) return seen;
      expect(result.items).toHaveLength(raw.limit as number);
      cursor = result.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  it("covers every ranked result exactly once", async () => {
    const all = await bulkPeople("zeph", 23, { headline: "Zephyrine sound sculptor", region: "Nowhere", createdAt: () => new Date() });
    const seen = await pages({ q: "zephyrine", limit: 5 });
    expect(seen).toHaveLength(all.length);
    expect([...seen].sort()).toEqual([...all].sort());
  });

  it("covers every filter-only result exactly once, newest first, ties by handle", async () => {
    const all = await bulkPeople("atl", 17, { headline: "Islander", region: "Atlantis", createdAt: () => new Date() });
    // Microsecond times (JavaScript dates stop at milliseconds), three people to each, so the
    // cursor must keep full precision and the handle has to break the ties.
    await handle.db.execute(sql`update profiles set created_at = timestamptz '2024-01-01 00:00:00.000123+00'
      + (substring(handle from '[0-9]+$')::int / 3) * interval '1001 microseconds' where region = 'Atlantis'`);
    const seen = await pages({ region: "atlantis", limit: 4 });
    expect(seen).toEqual([...all].sort().reverse());
  });

  it("refuses a malformed cursor or one from another search with 422 naming cursor", async () => {
    const first = await search(null, { q: "zephyrine", limit: 2 });
    expect(first.nextCursor).toEqual(expect.any(String));
    for (const raw of [{ q: "zephyrine", cursor: "not-a-cursor" }, { q: "ceramics", cursor: first.nextCursor }, { cursor: first.nextCursor }]) {
      const error = await refusal(search(null, raw));
      expect(error.status).toBe(422);
      expect(Object.keys(error.fields ?? {})).toEqual(["cursor"]);
    }
  });
});

describe("people search: validation", () => {
  it("refuses bad parameters with 422 naming each field", async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ limit: 0 }, ["limit"]],
      [{ limit: "101" }, ["limit"]],
      [{ limit: "ten" }, ["limit"]],
      [{ q: "x".repeat(201) }, ["q"]],
      [{ kind: "robot", tag: "no!" }, ["kind", "tag"]],
      [{ region: "r".repeat(81) }, ["region"]],
    ];
    for (const [raw, fields] of cases) {
      const error = await refusal(search(null, raw));
      expect(error.status).toBe(422);
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(fields);
    }
  });

  it("treats empty form fields as absent and accepts the largest limit", async () => {
    const result = await search(null, { q: "", skill: "", tag: "", region: "", kind: "", limit: "100" });
    expect(result.items.length).toBeGreaterThan(20);
    expect(result.items.length).toBeLessThanOrEqual(100);
    expect((await search(null, { q: "  " })).items.length).toBe(20);
  });
});
