import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { collabSession, endorsement, endorsementSkill } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createWorkspace, issueRoomToken } from "@/lib/services/collaboration_workspace";
import { applyToOpportunity, updateOpportunity } from "@/lib/services/opportunity_announcement";
import { endorse, endorsementPrompts } from "@/lib/services/partner_recommendation";
import { block, updateProfile } from "@/lib/services/professional_profile";
import { createTestDb } from "../support/db";
import { createMember, createPosting, refusal } from "../support/opportunities";

// Eligibility: who may endorse whom, in which context, when; and one per context under races.

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

/** A group session hosted by the first member with everyone invited; `joined` asked for a room token; ended unless told. */
async function session(people: Member[], { joined = people, ended = true }: { joined?: Member[]; ended?: boolean } = {}) {
  const [host, ...rest] = people;
  const ws = await createWorkspace(db, host!, { name: "Harbour mural", sessionType: "group", invite: rest.map((m) => m.handle) });
  for (const m of joined) await issueRoomToken(db, m, ws.id, { mode: "edit" }, realtime);
  if (!ended) return { context: { type: "workspace" as const, id: ws.id }, endedAt: null };
  // What endWorkspace writes, without asking a room server to close.
  const [row] = await db.update(collabSession).set({ endedAt: sql`now()` }).where(eq(collabSession.id, ws.id)).returning({ endedAt: collabSession.endedAt });
  return { context: { type: "workspace" as const, id: ws.id }, endedAt: row!.endedAt! };
}

/** A posting by `owner` filled with `selected` (everyone in `applicants` applied). */
async function filledCall(owner: Member, selected: Member[], applicants: Member[] = selected, fill = true) {
  const posting = await createPosting(db, owner);
  for (const a of applicants) await applyToOpportunity(db, a, posting.id, { message: "I would love to." });
  if (fill) await updateOpportunity(db, owner, posting.id, { status: "filled", filledBy: selected.map((s) => s.handle) });
  return { type: "opportunity" as const, id: posting.id };
}

const body = (subject: Member, context: { type: string; id: string }, extra: Record<string, unknown> = {}) => ({
  subject: subject.handle,
  context,
  rating: 5,
  text: "Generous with ideas, precise with the brush.",
  ...extra,
});

const code = async (promise: Promise<unknown>) => (await refusal(promise)).code;

describe("who may endorse whom", () => {
  it("lets two people who joined an ended session endorse each other (pending), storing skills in the subject's spelling", async () => {
    const [ana, bo] = await members(2);
    await updateProfile(db, bo!, { skills: ["Mural painting", "Colour"] });
    const { context } = await session([ana!, bo!]);
    const made = await endorse(db, ana!, body(bo!, context, { skills: [{ skill: "mural PAINTING", score: 4 }], privateNote: "Late once." }));
    expect(made).toMatchObject({ status: "pending", subject: bo!.handle });
    const [row] = await db.select().from(endorsement).where(eq(endorsement.id, made.id));
    expect(row).toMatchObject({ authorId: ana!.id, subjectId: bo!.id, rating: 5, privateNote: "Late once.", publishedAt: null });
    expect(await db.select({ skill: endorsementSkill.skill, score: endorsementSkill.score }).from(endorsementSkill).where(eq(endorsementSkill.endorsementId, made.id))).toEqual([{ skill: "Mural painting", score: 4 }]);
  });

  it("answers 422 for self-endorsement, unknown people, bad ratings, long text and skills they do not list — storing nothing", async () => {
    const [ana, bo] = await members(2);
    await updateProfile(db, bo!, { skills: ["Colour"] });
    const { context } = await session([ana!, bo!]);
    const refusals = [
      [body(ana!, context), "subject"],
      [{ ...body(bo!, context), subject: "no-such-person" }, "subject"],
      [body(bo!, context, { rating: 6 }), "rating"],
      [body(bo!, context, { rating: 2.5 }), "rating"],
      [body(bo!, context, { text: "x".repeat(2001) }), "text"],
      [body(bo!, context, { text: "   " }), "text"],
      [body(bo!, context, { skills: [{ skill: "Welding", score: 3 }] }), "skills.0.skill"],
      [body(bo!, context, { skills: [{ skill: "Colour", score: 3 }, { skill: "colour", score: 4 }] }), "skills.1.skill"],
      [body(bo!, context, { skills: [{ skill: "Colour", score: 0 }] }), "skills.0.score"],
      [body(bo!, { type: "party", id: context.id }), "context.type"],
      [{ ...body(bo!, context), mood: "great" }, "mood"],
    ] as const;
    for (const [input, field] of refusals) {
      const error = await refusal(endorse(db, ana!, input));
      expect(error.code, field).toBe("validation_failed");
      expect(error.fields, field).toHaveProperty([field]);
    }
    expect(await db.select().from(endorsement).where(eq(endorsement.authorId, ana!.id))).toHaveLength(0);
  });

  it("answers 403 unless both joined: invited-only members, outsiders and unknown sessions", async () => {
    const [host, joiner, lurker, outsider] = await members(4);
    const { context } = await session([host!, joiner!, lurker!], { joined: [host!, joiner!] });
    expect(await code(endorse(db, host!, body(lurker!, context)))).toBe("forbidden");
    expect(await code(endorse(db, lurker!, body(host!, context)))).toBe("forbidden");
    expect(await code(endorse(db, outsider!, body(host!, context)))).toBe("forbidden");
    expect(await code(endorse(db, host!, body(outsider!, context)))).toBe("forbidden");
    expect(await code(endorse(db, host!, body(joiner!, { type: "workspace", id: "no-such-session" })))).toBe("forbidden");
    expect(await code(endorse(db, host!, body(joiner!, { type: "opportunity", id: context.id })))).toBe("forbidden");
    expect((await endorse(db, host!, body(joiner!, context))).status).toBe("pending");
  });

  it("answers 403 before the context concluded: a live session, an unfilled call, or a clock before the end", async () => {
    const [ana, bo, owner, artist] = await members(4);
    const live = await session([ana!, bo!], { ended: false });
    expect(await code(endorse(db, ana!, body(bo!, live.context)))).toBe("forbidden");
    const open = await filledCall(owner!, [artist!], [artist!], false);
    expect(await code(endorse(db, owner!, body(artist!, open)))).toBe("forbidden");
    expect(await code(endorse(db, artist!, body(owner!, open)))).toBe("forbidden");
    const ended = await session([ana!, bo!]);
    expect(await code(endorse(db, ana!, body(bo!, ended.context), new Date(ended.endedAt!.getTime() - 10 * 60_000)))).toBe("forbidden");
    expect(await db.select().from(endorsement).where(eq(endorsement.authorId, ana!.id))).toHaveLength(0);
  });

  it("answers 403 across a block, whoever blocked whom, and leaves the pair out of each other's prompts", async () => {
    const [ana, bo, cy] = await members(3);
    const { context } = await session([ana!, bo!, cy!]);
    await block(db, ana!, bo!.handle);
    await block(db, cy!, ana!.handle);
    expect(await code(endorse(db, ana!, body(bo!, context)))).toBe("forbidden");
    expect(await code(endorse(db, bo!, body(ana!, context)))).toBe("forbidden");
    expect(await code(endorse(db, ana!, body(cy!, context)))).toBe("forbidden");
    expect(await code(endorse(db, cy!, body(ana!, context)))).toBe("forbidden");
    expect((await endorsementPrompts(db, ana!)).map((p) => p.subject.handle)).toEqual([]);
    expect((await endorsementPrompts(db, bo!)).map((p) => p.subject.handle)).toEqual([cy!.handle]);
    expect((await endorse(db, bo!, body(cy!, context))).status).toBe("pending");
  });

  it("answers 409 for a second endorsement in the same context, but allows one per context", async () => {
    const [ana, bo] = await members(2);
    const first = await session([ana!, bo!]);
    const second = await session([bo!, ana!]);
    await endorse(db, ana!, body(bo!, first.context));
    expect(await code(endorse(db, ana!, body(bo!, first.context, { rating: 1, text: "Changed my mind." })))).toBe("conflict");
    expect((await endorse(db, ana!, body(bo!, second.context))).status).toBe("pending");
    const rows = await db.select({ rating: endorsement.rating }).from(endorsement).where(and(eq(endorsement.authorId, ana!.id), eq(endorsement.subjectId, bo!.id)));
    expect(rows.map((r) => r.rating)).toEqual([5, 5]);
  });

  it("answers 410 once the 14 days after the end have passed (and the prompt is gone by then)", async () => {
    const [ana, bo] = await members(2);
    const { context, endedAt } = await session([ana!, bo!]);
    const at = (ms: number) => new Date(endedAt!.getTime() + ms);
    expect(await endorsementPrompts(db, ana!, context, at(14 * DAY - 1))).toHaveLength(1);
    expect(await endorsementPrompts(db, ana!, context, at(14 * DAY))).toHaveLength(0);
    expect(await code(endorse(db, ana!, body(bo!, context), at(14 * DAY)))).toBe("gone");
    expect((await endorse(db, bo!, body(ana!, context), at(14 * DAY - 1000))).status).toBe("pending");
  });
});

describe("filled opportunities", () => {
  it("lets the owner and each selected person endorse each other, both ways, and nobody else", async () => {
    const [owner, chosen, alsoChosen, notChosen] = await members(4);
    const context = await filledCall(owner!, [chosen!, alsoChosen!], [chosen!, alsoChosen!, notChosen!]);
    expect((await endorse(db, owner!, body(chosen!, context))).status).toBe("pending");
    expect((await endorse(db, chosen!, body(owner!, context))).status).toBe("published");
    expect((await endorse(db, alsoChosen!, body(owner!, context))).status).toBe("pending");
    // Two selected people did not work with each other through this call; an applicant not selected did not take part.
    expect(await code(endorse(db, chosen!, body(alsoChosen!, context)))).toBe("forbidden");
    expect(await code(endorse(db, owner!, body(notChosen!, context)))).toBe("forbidden");
    expect(await code(endorse(db, notChosen!, body(owner!, context)))).toBe("forbidden");
    const prompts = await endorsementPrompts(db, owner!, context);
    expect(prompts.map((p) => [p.subject.handle, p.context.role, p.mine?.status ?? null])).toEqual(
      expect.arrayContaining([
        [chosen!.handle, "owner", "published"],
        [alsoChosen!.handle, "owner", null],
      ]),
    );
  });
});

describe("simultaneous requests", () => {
  it("20 identical endorsements at once: exactly one is created, the other 19 are conflicts, nothing else fails", async () => {
    const [ana, bo] = await members(2);
    const { context } = await session([ana!, bo!]);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => endorse(db, ana!, body(bo!, context))));
    const created = results.filter((r) => r.status === "fulfilled");
    const codes = results.flatMap((r) => (r.status === "rejected" ? [r.reason instanceof AppError ? r.reason.code : String(r.reason)] : []));
    expect(created).toHaveLength(1);
    expect(codes).toEqual(Array(19).fill("conflict"));
    expect(await db.select().from(endorsement).where(eq(endorsement.authorId, ana!.id))).toHaveLength(1);
  });

  it("two people endorsing each other at the same moment both end up published", async () => {
    for (let round = 0; round < 5; round++) {
      const [ana, bo] = await members(2);
      const { context } = await session([ana!, bo!]);
      const [a, b] = await Promise.all([endorse(db, ana!, body(bo!, context)), endorse(db, bo!, body(ana!, context))]);
      expect([a.status, b.status].sort()).toEqual(["pending", "published"]);
      const rows = await db.select({ publishedAt: endorsement.publishedAt }).from(endorsement).where(and(eq(endorsement.contextType, "workspace"), eq(endorsement.contextId, context.id)));
      expect(rows.every((r) => r.publishedAt !== null)).toBe(true);
    }
  });
});
