import { count, inArray, sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { artworkTag, collabMessage, collabParticipant, collabSession, kreativeArtwork, profiles, profileTag, tag, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { MEDIA_ROOT } from "@/lib/config";
import { buildSearchDocument } from "@/lib/services/professional_profile/search-document";
import { ARTWORK_MEDIA_TYPE, renderArtworks } from "./images";
import { buildDemo, buildPeople, buildPortfolio, DEMO } from "./people";
import { createRandom } from "./random";
import { seedOpportunities } from "./opportunities";
import { buildSessions } from "./sessions";
import { TAGS } from "./skills";

export type SeedOptions = {
  /** Same seed, same people, titles and pictures. */
  seed?: number;
  /** How many people, the demo account included (default 240). */
  people?: number;
  log?: (message: string) => void;
  /** The moment dates are spread back from (default: now). */
  now?: Date;
};

export type SeedResult = { users: number; artworks: number; tags: number; sessions: number; skipped: boolean };

export const DEFAULT_SEED = 20240611;
export const DEFAULT_PEOPLE = 240;
export const DEMO_PASSWORD = "kontact-demo";
const BATCH = 100;
const SEED_LOCK = 727_001; // pg_advisory_xact_lock key, so two seeders cannot interleave

/** Everything the seed will insert, built in memory from the seed alone. */
export function buildSeedData(seed: number, people: number, now: number) {
  const rng = createRandom(seed);
  const [peopleRng, artRng, sessionRng] = [rng.fork(), rng.fork(), rng.fork()];
  const demo = buildDemo(peopleRng, now);
  const everyone = [demo, ...buildPeople(peopleRng, Math.max(0, people - 1), now)];
  const artworks = everyone.flatMap((p, i) => buildPortfolio(artRng, p, i === 0));
  const sessions = buildSessions(sessionRng, everyone, artworks, Math.max(4, Math.round(people / 8)), now);
  return { people: everyone, artworks, sessions };
}

async function hasUsers(handle: DbHandle): Promise<boolean> {
  const [row] = await handle.db.select({ n: count() }).from(users);
  return (row?.n ?? 0) > 0;
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Fills an empty database with demo people, portfolios and workspace history. Does nothing
 * when any user exists, so the dev script can call it on every start.
 */
export async function seedDatabase(handle: DbHandle, opts: SeedOptions = {}): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  const none: SeedResult = { users: 0, artworks: 0, tags: 0, sessions: 0, skipped: true };
  if (await hasUsers(handle)) {
    log("database already has users: seed skipped");
    return none;
  }
  const now = (opts.now ?? new Date()).getTime();
  const data = buildSeedData(opts.seed ?? DEFAULT_SEED, opts.people ?? DEFAULT_PEOPLE, now);
  log(`built ${data.people.length} people, ${data.artworks.length} artworks, ${data.sessions.length} sessions`);

  // Every seeded account signs in with the same password, so hash it once: scrypt at OWASP
  // parameters costs ~0.3 s and 128 MiB per hash, and 240 of them would dominate the seed.
  const hashing = hashPassword(DEMO_PASSWORD);
  hashing.catch(() => {}); // awaited in the transaction

  // Images render on sharp's threads while the rows go in; the transaction commits only once
  // every file exists, so a failed render leaves nothing behind in the database.
  const stop = new AbortController();
  const step = Math.max(1, Math.round(data.artworks.length / 10));
  const rendering = renderArtworks(
    MEDIA_ROOT,
    data.artworks.map((a) => ({ seed: a.imageSeed, style: a.style, mediaFile: a.mediaFile })),
    { concurrency: 3, signal: stop.signal, onProgress: (done, total) => (done % step === 0 || done === total) && log(`images ${done}/${total}`) },
  );
  rendering.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"

  // One transaction: a half-seeded database would have users and so never be seeded again.
  let result: SeedResult;
  try {
    result = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
      const [existing] = await tx.select({ n: count() }).from(users);
      if ((existing?.n ?? 0) > 0) return none; // another seeder won the race
      const passwordHash = await hashing;

      await tx.insert(tag).values(TAGS.map((name) => ({ name }))).onConflictDoNothing();
      const tagRows = await tx.select({ id: tag.id, name: tag.name }).from(tag).where(inArray(tag.name, [...TAGS]));
      const tagId = new Map(tagRows.map((t) => [t.name, t.id]));
      const idOf = (name: string) => {
        const id = tagId.get(name);
        if (id === undefined) throw new Error(`seed tag missing: ${name}`);
        return id;
      };

      await inBatches(data.people, (batch) =>
        tx.insert(users).values(batch.map((p) => ({ id: p.id, email: p.email, name: p.displayName, passwordHash, createdAt: p.createdAt }))),
      );
      await inBatches(data.people, (batch) =>
        tx.insert(profiles).values(
          batch.map((p) => ({
            userId: p.id,
            handle: p.handle,
            displayName: p.displayName,
            kind: p.kind,
            headline: p.headline,
            bio: p.bio,
            skills: p.skills,
            region: p.region,
            openToCollaboration: p.openToCollaboration,
            searchDocument: buildSearchDocument(p),
            createdAt: p.createdAt,
            updatedAt: p.lastActiveAt,
          })),
        ),
      );
      await inBatches(data.people.flatMap((p) => p.tags.map((t) => ({ userId: p.id, tagId: idOf(t) }))), (batch) => tx.insert(profileTag).values(batch));
      log(`inserted ${data.people.length} people`);

      await inBatches(data.artworks, (batch) =>
        tx.insert(kreativeArtwork).values(
          batch.map((a) => ({ id: a.id, artistId: a.artistId, title: a.title, mediaFile: a.mediaFile, mediaType: ARTWORK_MEDIA_TYPE, style: a.style, createdAt: a.createdAt })),
        ),
      );
      await inBatches(data.artworks.flatMap((a) => a.tags.map((t) => ({ artworkId: a.id, tagId: idOf(t) }))), (batch) => tx.insert(artworkTag).values(batch));
      log(`inserted ${data.artworks.length} artworks`);

      await inBatches(data.sessions, (batch) =>
        tx.insert(collabSession).values(batch.map(({ participants: _, transcript: __, ...s }) => s)),
      );
      await inBatches(data.sessions.flatMap((s) => s.participants.map((p) => ({ sessionId: s.id, ...p }))), (batch) => tx.insert(collabParticipant).values(batch));
      await inBatches(data.sessions.flatMap((s) => s.transcript.map((m) => ({ sessionId: s.id, ...m }))), (batch) => tx.insert(collabMessage).values(batch));
      log(`inserted ${data.sessions.length} workspace sessions`);
      log(`inserted ${await seedOpportunities(tx, data.people, data.artworks, opts.seed ?? DEFAULT_SEED, now)} opportunities`);

      await rendering;
      return { users: data.people.length, artworks: data.artworks.length, tags: tagRows.length, sessions: data.sessions.length, skipped: false };
    });
  } catch (error) {
    stop.abort();
    await rendering.catch(() => {});
    throw error;
  }
  if (result.skipped) {
    stop.abort();
    await rendering.catch(() => {});
    log("another process seeded the database first: seed skipped");
  }
  return result;
}

export { DEMO };
