import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { collabSession, endorsement, endorsementReport } from "@/db/schema";
import { createWorkspace, issueRoomToken } from "@/lib/services/collaboration_workspace";
import * as service from "@/lib/services/partner_recommendation";
import { endorse, endorsementPrompts, getEndorsement, listEndorsements, replyToEndorsement, reportEndorsement, revealTimes } from "@/lib/services/partner_recommendation";
import { block, getProfile, updateProfile } from "@/lib/services/professional_profile";
import { createTestDb } from "../support/db";
import { createArtworkRow, createMember, refusal } from "../support/opportunities";

// Double-blind reveal (both directions and by the clock), immutability, reply, report, and the trust numbers.

let handle: DbHandle;
let db: DbHandle["db"];
const realtime = { baseUrl: "ws://127.0.0.1:8787", secret: "s".repeat(40) };
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

type Member = Awaited<ReturnType<typeof createMember>>;
const members = (n: number) => Promise.all(Array.from({ length: n }, () => createMember(db)));

/** An ended group session everyone in `people` joined (the first hosts); returns its context and end. */
async function endedSession(people: Member[], name = "Harbour mural") {
  const [host, ...rest] = people;
  const ws = await createWorkspace(db, host!, { name, sessionType: "group", invite: rest.map((m) => m.handle) });
  for (const m of people) await issueRoomToken(db, m, ws.id, {}, realtime);
  const [row] = await db.update(collabSession).set({ endedAt: sql`now()` }).where(eq(collabSession.id, ws.id)).returning({ endedAt: collabSession.endedAt });
  return { context: { type: "workspace" as const, id: ws.id }, endedAt: row!.endedAt! };
}

const body = (subject: Member, context: { type: string; id: string }, extra: Record<string, unknown> = {}) => ({
  subject: subject.handle,
  context,
  rating: 4,
  text: `Working with @${subject.handle} was a joy.`,
  ...extra,
});

const listed = async (viewer: Member | null, subject: Member, now?: Date) => (await listEndorsements(db, viewer, subject.handle, {}, now)).items.map((e) => e.id);
const code = async (promise: Promise<unknown>) => (await refusal(promise)).code;

describe("double-blind reveal", () => {
  it("keeps an endorsement unseen, by its subject too, until the subject endorses back; then both publish", async () => {
    const [ana, bo, cy] = await members(3);
    const { context } = await endedSession([ana!, bo!, cy!]);
    const first = await endorse(db, ana!, body(bo!, context));
    expect(first.status).toBe("pending");
    for (const viewer of [bo!, cy!, null, ana!]) expect(await listed(viewer, bo!)).toEqual([]);
    expect(await code(getEndorsement(db, bo!, first.id))).toBe("not_found");
    expect(await code(getEndorsement(db, null, first.id))).toBe("not_found");
    expect(await getEndorsement(db, ana!, first.id)).toMatchObject({ status: "pending", publishedAt: null });
    expect(await code(replyToEndorsement(db, bo!, first.id, { text: "Thanks!" }))).toBe("not_found");
    expect(await code(reportEndorsement(db, cy!, first.id, { reason: "spam" }))).toBe("not_found");

    // cy endorsing bo does not reveal ana's: only bo's own endorsement of ana does.
    await endorse(db, cy!, body(bo!, context));
    expect(await listed(bo!, bo!)).toEqual([]);
    const second = await endorse(db, bo!, body(ana!, context));
    expect(second.status).toBe("published");
    expect(await listed(null, bo!)).toEqual([first.id]);
    expect(await listed(null, ana!)).toEqual([second.id]);
    const shown = await getEndorsement(db, null, first.id);
    expect(shown).toMatchObject({ status: "published", author: { handle: ana!.handle }, subject: bo!.handle, context: { type: "workspace", title: "Harbour mural", role: "participant" } });
    expect(shown.publishedAt).not.toBeNull();
    expect(shown).not.toHaveProperty("privateNote");
  });

  it("publishes by itself 14 days after the end when the subject never endorses back (controllable clock)", async () => {
    const [ana, bo] = await members(2);
    const { context, endedAt } = await endedSession([ana!, bo!]);
    const at = (ms: number) => new Date(endedAt.getTime() + ms);
    const made = await endorse(db, bo!, body(ana!, context), at(3 * DAY));
    expect(made.status).toBe("pending");
    expect(await listed(ana!, ana!, at(14 * DAY - 1))).toEqual([]);
    expect(await code(getEndorsement(db, ana!, made.id, at(14 * DAY - 1)))).toBe("not_found");
    expect(await listed(ana!, ana!, at(14 * DAY))).toEqual([made.id]);
    const shown = await getEndorsement(db, null, made.id, at(15 * DAY));
    expect(shown).toMatchObject({ status: "published", publishedAt: at(14 * DAY).toISOString() });
    // The reciprocal can no longer be written: nobody writes after reading what the other wrote.
    expect(await code(endorse(db, ana!, body(bo!, context), at(14 * DAY)))).toBe("gone");
    expect(await revealTimes(db, ana!.handle, at(DAY))).toEqual({ lastPassed: null, next: at(14 * DAY) });
    expect(await revealTimes(db, ana!.handle, at(14 * DAY))).toEqual({ lastPassed: at(14 * DAY), next: null });
  });

  it("is never edited after publication: a second endorsement is a 409 and there is no edit function", async () => {
    const [ana, bo] = await members(2);
    const { context } = await endedSession([ana!, bo!]);
    const mine = await endorse(db, ana!, body(bo!, context));
    await endorse(db, bo!, body(ana!, context));
    expect(await code(endorse(db, ana!, body(bo!, context, { rating: 1, text: "Actually, no." })))).toBe("conflict");
    expect(await getEndorsement(db, null, mine.id)).toMatchObject({ rating: 4, text: `Working with @${bo!.handle} was a joy.` });
    expect(Object.keys(service).filter((name) => /update|edit|delete|remove/i.test(name))).toEqual([]);
  });
});

describe("reply and report", () => {
  it("takes one reply from the subject (201 then 409), none from anyone else (403), and shows it", async () => {
    const [ana, bo, cy] = await members(3);
    const { context } = await endedSession([ana!, bo!]);
    const made = await endorse(db, ana!, body(bo!, context));
    await endorse(db, bo!, body(ana!, context));
    expect(await code(replyToEndorsement(db, ana!, made.id, { text: "Me too" }))).toBe("forbidden");
    expect(await code(replyToEndorsement(db, cy!, made.id, { text: "Me too" }))).toBe("forbidden");
    expect(await code(replyToEndorsement(db, bo!, made.id, { text: "  " }))).toBe("validation_failed");
    const replied = await replyToEndorsement(db, bo!, made.id, { text: "Thank you — the boats were all yours." });
    expect(replied.reply).toMatchObject({ text: "Thank you — the boats were all yours." });
    expect(await code(replyToEndorsement(db, bo!, made.id, { text: "One more thing" }))).toBe("conflict");
    expect((await listEndorsements(db, null, bo!.handle)).items[0]!.reply?.text).toBe("Thank you — the boats were all yours.");
    // Simultaneous replies from the subject: the `reply is null` guard lets exactly one through.
    const other = await endorse(db, cy!, body(bo!, (await endedSession([bo!, cy!])).context));
    await endorse(db, bo!, body(cy!, { type: "workspace", id: (await getEndorsement(db, cy!, other.id)).context.id }));
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => replyToEndorsement(db, bo!, other.id, { text: `race ${n}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("takes one report from anyone signed in (201 then 409), about published endorsements only", async () => {
    const [ana, bo, cy] = await members(3);
    const { context } = await endedSession([ana!, bo!]);
    const made = await endorse(db, ana!, body(bo!, context));
    await endorse(db, bo!, body(ana!, context));
    expect(await reportEndorsement(db, cy!, made.id, { reason: "Not true." })).toEqual({ reported: true });
    expect(await reportEndorsement(db, bo!, made.id, { reason: "Unfair." })).toEqual({ reported: true });
    expect(await code(reportEndorsement(db, cy!, made.id, { reason: "Again." }))).toBe("conflict");
    expect(await code(reportEndorsement(db, cy!, made.id, { reason: "" }))).toBe("validation_failed");
    expect(await code(reportEndorsement(db, cy!, "no-such-id", { reason: "x" }))).toBe("not_found");
    expect(await db.select().from(endorsementReport).where(eq(endorsementReport.endorsementId, made.id))).toHaveLength(2);
  });
});

describe("trust signals", () => {
  it("sums up published endorsements only, per skill too, in the list and in the profile's stats", async () => {
    const [star, a, b, c] = await members(4);
    await updateProfile(db, star!, { skills: ["Colour", "Lettering"] });
    const { context, endedAt } = await endedSession([star!, a!, b!, c!], "Dock mural");
    await endorse(db, a!, body(star!, context, { rating: 5, skills: [{ skill: "colour", score: 5 }, { skill: "Lettering", score: 3 }] }));
    await endorse(db, b!, body(star!, context, { rating: 3, skills: [{ skill: "Colour", score: 4 }] }));
    await endorse(db, c!, body(star!, context, { rating: 1 })); // never reciprocated: pending for 14 days
    await endorse(db, star!, body(a!, context));
    await endorse(db, star!, body(b!, context));
    const page = await listEndorsements(db, null, star!.handle);
    expect(page.summary).toEqual({
      count: 2,
      averageRating: 4,
      skills: [
        { skill: "Colour", count: 2, average: 4.5 },
        { skill: "Lettering", count: 1, average: 3 },
      ],
    });
    expect((await getProfile(db, null, star!.handle)).stats).toMatchObject({ endorsements: 2, averageRating: 4, verifiedCoCreations: 0 });
    const later = await listEndorsements(db, null, star!.handle, {}, new Date(endedAt.getTime() + 14 * DAY));
    expect(later.summary).toMatchObject({ count: 3, averageRating: 3 });
  });

  it("pages most recently published first with a cursor", async () => {
    const [star, ...others] = await members(4);
    const { context, endedAt } = await endedSession([star!, ...others]);
    const ids: string[] = [];
    for (const [i, o] of others.entries()) {
      const now = new Date(endedAt.getTime() + (i + 1) * 60_000);
      ids.push((await endorse(db, o, body(star!, context), now)).id);
      await endorse(db, star!, body(o, context), now);
    }
    const first = await listEndorsements(db, null, star!.handle, { limit: "2" });
    expect(first.items.map((e) => e.id)).toEqual([ids[2], ids[1]]);
    const second = await listEndorsements(db, null, star!.handle, { limit: "2", cursor: first.nextCursor! });
    expect(second.items.map((e) => e.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    expect(await code(listEndorsements(db, null, star!.handle, { cursor: "nonsense" }))).toBe("validation_failed");
    await block(db, star!, others[0]!.handle);
    expect(await code(listEndorsements(db, others[0]!, star!.handle))).toBe("not_found");
  });

  it("counts verified co-creations: ended sessions with a published final artwork, joined with someone else", async () => {
    const [ana, bo, solo] = await members(3);
    const shared = await endedSession([ana!, bo!]);
    const alone = await endedSession([solo!, ana!]);
    await endedSession([ana!, bo!]); // no artwork published
    for (const [s, artist] of [[shared, ana!], [alone, solo!]] as const) {
      await db.update(collabSession).set({ finalArtworkId: await createArtworkRow(db, artist.id) }).where(eq(collabSession.id, s.context.id));
    }
    // In `alone`, ana was invited but only solo joined.
    await db.execute(sql`delete from collab_join where session_id = ${alone.context.id} and user_id = ${ana!.id}`);
    expect((await getProfile(db, null, ana!.handle)).stats.verifiedCoCreations).toBe(1);
    expect((await getProfile(db, null, bo!.handle)).stats.verifiedCoCreations).toBe(1);
    expect((await getProfile(db, null, solo!.handle)).stats.verifiedCoCreations).toBe(0);
  });
});

describe("prompts", () => {
  it("asks about each co-participant who joined, for 14 days, and remembers what was written", async () => {
    const [ana, bo, cy] = await members(3);
    const { context, endedAt } = await endedSession([ana!, bo!, cy!], "Tidelines");
    const prompts = await endorsementPrompts(db, ana!, undefined, new Date(endedAt.getTime() + DAY));
    expect(prompts.map((p) => p.subject.handle).sort()).toEqual([bo!.handle, cy!.handle].sort());
    expect(prompts[0]).toMatchObject({ context: { type: "workspace", id: context.id, title: "Tidelines" }, closesAt: new Date(endedAt.getTime() + 14 * DAY).toISOString(), mine: null });
    const made = await endorse(db, ana!, body(bo!, context));
    const after = await endorsementPrompts(db, ana!, context);
    expect(after.find((p) => p.subject.handle === bo!.handle)?.mine).toEqual({ id: made.id, status: "pending" });
    expect(await endorsementPrompts(db, ana!, undefined, new Date(endedAt.getTime() + 15 * DAY))).toEqual([]);
    const rows = await db.select().from(endorsement).where(eq(endorsement.id, made.id));
    expect(rows).toHaveLength(1);
  });
});
