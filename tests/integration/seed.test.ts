import { mkdtemp, open, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { asc, count, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { artworkTag, collabParticipant, collabSession, kreativeArtwork, profiles, profileTag, tag, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/services/accounts";
import { buildSearchDocument } from "@/lib/services/professional_profile/search-document";
import { createTestDb } from "../support/db";

const PEOPLE = 40;
const SEED = 4242;

type Seeder = typeof import("@/db/seed/index").seedDatabase;
let seedDatabase: Seeder;
let handle: DbHandle;
let mediaRoot: string;
let first: Awaited<ReturnType<Seeder>>;

beforeAll(async () => {
  // lib/config reads MEDIA_ROOT at import time: point it at a temp dir, then load the seed fresh.
  mediaRoot = await mkdtemp(path.join(os.tmpdir(), "kontact-seed-"));
  vi.stubEnv("MEDIA_ROOT", mediaRoot);
  vi.resetModules();
  ({ seedDatabase } = await import("@/db/seed/index"));
  handle = await createTestDb();
  first = await seedDatabase(handle, { seed: SEED, people: PEOPLE });
}, 120_000);

afterAll(async () => {
  await handle?.close();
  vi.unstubAllEnvs();
  if (mediaRoot) await rm(mediaRoot, { recursive: true, force: true });
});

async function tableCounts(h: DbHandle) {
  const n = async (table: Parameters<ReturnType<DbHandle["db"]["select"]>["from"]>[0]) => (await h.db.select({ n: count() }).from(table))[0]!.n;
  return {
    users: await n(users),
    profiles: await n(profiles),
    artworks: await n(kreativeArtwork),
    tags: await n(tag),
    sessions: await n(collabSession),
    profileTags: await n(profileTag),
    artworkTags: await n(artworkTag),
    participants: await n(collabParticipant),
  };
}

describe("seedDatabase", () => {
  it("inserts what it reports", async () => {
    const counts = await tableCounts(handle);
    expect(first.skipped).toBe(false);
    expect(first.users).toBe(PEOPLE);
    expect(counts.users).toBe(PEOPLE);
    expect(counts.profiles).toBe(PEOPLE);
    expect(counts.artworks).toBe(first.artworks);
    expect(counts.tags).toBe(first.tags);
    expect(counts.sessions).toBe(first.sessions);
    expect(first.artworks).toBeGreaterThan(PEOPLE);
    expect(first.tags).toBeGreaterThanOrEqual(70);
    expect(first.sessions).toBeGreaterThanOrEqual(4);
  });

  it("makes creators and diffusers, with valid unique handles and tagged profiles", async () => {
    const rows = await handle.db.select().from(profiles);
    const kinds = rows.map((r) => r.kind);
    const creators = kinds.filter((k) => k === "creator").length;
    expect(creators).toBeGreaterThan(PEOPLE * 0.6);
    expect(kinds.filter((k) => k === "diffuser").length).toBeGreaterThan(PEOPLE * 0.15);
    for (const r of rows) {
      expect(r.handle).toMatch(/^[a-z0-9_-]{3,30}$/);
      expect(r.headline.length).toBeGreaterThan(0);
      expect(r.bio.length).toBeGreaterThan(0);
      expect(r.region).toMatch(/^.+, [A-Z]{2}$/);
      expect(r.skills.length).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((r) => r.handle)).size).toBe(rows.length);
    const emails = await handle.db.select({ email: users.email, handle: profiles.handle }).from(users).innerJoin(profiles, eq(profiles.userId, users.id));
    for (const e of emails) expect(e.email).toBe(e.handle === "demo" ? "demo@kontact.local" : `${e.handle}@demo.kontact.local`);
    const perPerson = await handle.db.select({ n: count() }).from(profileTag).groupBy(profileTag.userId);
    expect(perPerson).toHaveLength(PEOPLE);
    for (const { n } of perPerson) expect(n).toBeGreaterThanOrEqual(2);
    for (const { n } of perPerson) expect(n).toBeLessThanOrEqual(8);
  });

  it("skews skill popularity: a few common skills, a long tail of rare ones", async () => {
    const rows = await handle.db.select({ skills: profiles.skills }).from(profiles);
    const held = new Map<string, number>();
    for (const { skills } of rows) for (const s of skills) held.set(s, (held.get(s) ?? 0) + 1);
    const counts = [...held.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThanOrEqual(PEOPLE * 0.3);
    expect(counts.at(-1)).toBeLessThanOrEqual(2);
    expect(held.size).toBeGreaterThanOrEqual(20);
  });

  it("writes a real 960x720 WebP for every artwork, tagged 1-4 times", async () => {
    const artworks = await handle.db.select().from(kreativeArtwork);
    expect(artworks.length).toBe(first.artworks);
    for (const a of artworks) {
      expect(a.mediaType).toBe("image/webp");
      expect(a.mediaFile).toMatch(/^artworks\/[a-z0-9-]+\.webp$/);
      const file = path.join(mediaRoot, a.mediaFile);
      expect((await stat(file)).size).toBeGreaterThan(1000);
      const fd = await open(file, "r");
      const { buffer } = await fd.read(Buffer.alloc(12), 0, 12, 0);
      await fd.close();
      expect(buffer.subarray(0, 4).toString("ascii")).toBe("RIFF");
      expect(buffer.subarray(8, 12).toString("ascii")).toBe("WEBP");
    }
    const sampleMeta = await Promise.all(artworks.slice(0, 8).map((a) => sharp(path.join(mediaRoot, a.mediaFile)).metadata()));
    for (const meta of sampleMeta) expect([meta.format, meta.width, meta.height]).toEqual(["webp", 960, 720]);
    const perArtwork = await handle.db.select({ n: count() }).from(artworkTag).groupBy(artworkTag.artworkId);
    expect(perArtwork).toHaveLength(artworks.length);
    for (const { n } of perArtwork) expect(n).toBeGreaterThanOrEqual(1);
    for (const { n } of perArtwork) expect(n).toBeLessThanOrEqual(4);
  });

  it("records workspace sessions: mostly ended, a few live, at most six people", async () => {
    const sessions = await handle.db.select().from(collabSession);
    const live = sessions.filter((s) => s.endedAt === null);
    expect(live.length).toBeGreaterThanOrEqual(1);
    expect(live.length).toBeLessThan(sessions.length / 2);
    expect(new Set(sessions.map((s) => s.sessionType))).toEqual(new Set(["dm", "group"]));
    const sizes = await handle.db
      .select({ id: collabParticipant.sessionId, n: count() })
      .from(collabParticipant)
      .groupBy(collabParticipant.sessionId);
    const size = new Map(sizes.map((s) => [s.id, s.n]));
    for (const s of sessions) {
      if (s.endedAt) expect(s.endedAt.getTime()).toBeGreaterThan(s.startedAt.getTime());
      const n = size.get(s.id) ?? 0;
      if (s.sessionType === "dm") expect(n).toBe(2);
      else expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
    }
  });

  it("lets the demo account sign in, with a full creator profile and artworks", async () => {
    const user = await verifyCredentials(handle.db, "demo@kontact.local", "kontact-demo");
    expect(user).toMatchObject({ handle: "demo", displayName: "Demo Artist", kind: "creator" });
    expect(await verifyCredentials(handle.db, "demo@kontact.local", "wrong-password")).toBeNull();
    const [profile] = await handle.db.select().from(profiles).where(eq(profiles.handle, "demo"));
    expect(profile?.openToCollaboration).toBe(true);
    expect(profile?.bio.length).toBeGreaterThan(100);
    const { DEMO } = await import("@/db/seed/index");
    expect(profile?.searchDocument).toBe(buildSearchDocument(DEMO));
    const works = await handle.db.select({ n: count() }).from(kreativeArtwork).where(eq(kreativeArtwork.artistId, user!.id));
    expect(works[0]!.n).toBeGreaterThanOrEqual(3);
    const joined = await handle.db.select({ n: count() }).from(collabParticipant).where(eq(collabParticipant.userId, user!.id));
    expect(joined[0]!.n).toBeGreaterThanOrEqual(2);
  }, 30_000);

  it("does nothing on a database that already has users", async () => {
    const before = await tableCounts(handle);
    const again = await seedDatabase(handle, { seed: SEED + 1, people: PEOPLE });
    expect(again).toEqual({ users: 0, artworks: 0, tags: 0, sessions: 0, skipped: true });
    expect(await tableCounts(handle)).toEqual(before);
  });

  it("is deterministic: the same seed on a fresh database gives the same people and works", async () => {
    const other = await createTestDb();
    try {
      const second = await seedDatabase(other, { seed: SEED, people: PEOPLE });
      expect(second).toEqual(first);
      const snapshot = async (h: DbHandle) => ({
        handles: (await h.db.select({ v: profiles.handle }).from(profiles).orderBy(asc(profiles.handle))).map((r) => r.v),
        titles: (await h.db.select({ id: kreativeArtwork.id, v: kreativeArtwork.title }).from(kreativeArtwork).orderBy(asc(kreativeArtwork.id))).map((r) => `${r.id} ${r.v}`),
        sessions: (await h.db.select({ v: collabSession.name }).from(collabSession).orderBy(asc(collabSession.id))).map((r) => r.v),
        bios: (await h.db.select({ v: sql<string>`md5(string_agg(${profiles.bio}, '|' order by ${profiles.handle}))` }).from(profiles))[0]!.v,
      });
      expect(await snapshot(other)).toEqual(await snapshot(handle));
    } finally {
      await other.close();
    }
  }, 60_000);
});
