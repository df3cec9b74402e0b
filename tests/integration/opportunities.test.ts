import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { artworkContributor, blocks, opportunity, opportunityApplication, opportunitySelection } from "@/db/schema";
import {
  applyToOpportunity, deleteOpportunity, getOpportunity, listApplications, listOpportunities, updateOpportunity, viewerState, withdrawApplication,
} from "@/lib/services/opportunity_announcement";
import { createTestDb } from "../support/db";
import { createArtworkRow, createMember, createPosting, expireDeadline, inDays, refusal } from "../support/opportunities";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

const applicationCount = async (id: string) =>
  (await handle.db.select({ n: count() }).from(opportunityApplication).where(eq(opportunityApplication.opportunityId, id)))[0]!.n;

describe("posting", () => {
  it("creates an open posting owned by the caller, in API.md's shape", async () => {
    const owner = await createMember(handle.db, "diffuser");
    const posting = await createPosting(handle.db, owner, { tags: ["Coast", "printmaking", "coast"], entryFee: { amount: 0, currency: "EUR" } });
    expect(posting).toMatchObject({
      title: "Summer residency by the sea",
      kind: "residency",
      status: "open",
      owner: owner.handle,
      tags: ["coast", "printmaking"],
      compensation: { paid: true, amount: 1500, currency: "EUR" },
      entryFee: null,
      attachments: [],
      applicantCount: 0,
      fairCall: { level: "fair" },
    });
    expect(Date.parse(posting.createdAt)).not.toBeNaN();
    const seenByOther = await getOpportunity(handle.db, null, posting.id);
    expect(seenByOther).not.toHaveProperty("applicantCount");
  });

  it("refuses invalid postings with field errors and stores nothing", async () => {
    const owner = await createMember(handle.db);
    const before = (await handle.db.select({ n: count() }).from(opportunity))[0]!.n;
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: inDays(10), endsAt: inDays(5) }, "endsAt"],
      [{ deadline: inDays(-1) }, "deadline"],
      [{ kind: "gig" }, "kind"],
      [{ title: "  " }, "title"],
      [{ compensation: { paid: false, amount: 100, currency: "EUR" } }, "compensation.amount"],
      [{ compensation: { paid: true, amount: 100 } }, "compensation.currency"],
      [{ entryFee: { amount: -5, currency: "EUR" } }, "entryFee.amount"],
      [{ url: "javascript:alert(1)" }, "url"],
      [{ deadline: "next tuesday" }, "deadline"],
    ];
    for (const [override, field] of cases) {
      const error = await refusal(createPosting(handle.db, owner, override));
      expect(error.code, field).toBe("validation_failed");
      expect(error.fields, field).toHaveProperty([field]);
    }
    expect((await refusal(createPosting(handle.db, null as never))).code).toBe("unauthorized");
    expect((await handle.db.select({ n: count() }).from(opportunity))[0]!.n).toBe(before);
  });

  it("lets only the owner edit and delete; others get 403, unknown ids 404", async () => {
    const owner = await createMember(handle.db);
    const other = await createMember(handle.db);
    const posting = await createPosting(handle.db, owner);
    const edited = await updateOpportunity(handle.db, owner, posting.id, { title: "Winter residency", tags: ["snow"] });
    expect(edited).toMatchObject({ title: "Winter residency", tags: ["snow"] });
    expect((await refusal(updateOpportunity(handle.db, other, posting.id, { title: "Mine now" }))).code).toBe("forbidden");
    expect((await refusal(updateOpportunity(handle.db, null, posting.id, { title: "x" }))).code).toBe("unauthorized");
    expect((await refusal(updateOpportunity(handle.db, owner, "no-such-id", { title: "x" }))).code).toBe("not_found");
    expect((await refusal(updateOpportunity(handle.db, owner, posting.id, { endsAt: inDays(1) }))).fields).toHaveProperty("endsAt");
    expect((await getOpportunity(handle.db, null, posting.id)).title).toBe("Winter residency");
    expect((await refusal(deleteOpportunity(handle.db, other, posting.id))).code).toBe("forbidden");
    await deleteOpportunity(handle.db, owner, posting.id);
    expect((await refusal(getOpportunity(handle.db, null, posting.id))).code).toBe("not_found");
  });
});

describe("lifecycle", () => {
  it("moves open → closed → open → filled and refuses every move out of filled with 409", async () => {
    const owner = await createMember(handle.db);
    const artist = await createMember(handle.db);
    const posting = await createPosting(handle.db, owner);
    await applyToOpportunity(handle.db, artist, posting.id, { message: "Hello" });
    expect((await updateOpportunity(handle.db, owner, posting.id, { status: "closed" })).status).toBe("closed");
    expect((await updateOpportunity(handle.db, owner, posting.id, { status: "closed" })).status).toBe("closed"); // not a move
    expect((await updateOpportunity(handle.db, owner, posting.id, { status: "open" })).status).toBe("open");
    const filled = await updateOpportunity(handle.db, owner, posting.id, { status: "filled", filledBy: [artist.handle] });
    expect(filled).toMatchObject({ status: "filled", selected: [artist.handle] });
    for (const status of ["open", "closed", "filled"] as const) {
      const body = status === "filled" ? { status, filledBy: [artist.handle] } : { status };
      expect((await refusal(updateOpportunity(handle.db, owner, posting.id, body))).code, status).toBe("conflict");
    }
    const [selection] = await handle.db.select().from(opportunitySelection).where(eq(opportunitySelection.opportunityId, posting.id));
    expect(selection).toMatchObject({ selectedId: artist.id, ownerId: owner.id });
    expect(selection!.concludedAt).toBeInstanceOf(Date);
    expect((await refusal(deleteOpportunity(handle.db, owner, posting.id))).code).toBe("conflict");
  });

  it("fills from closed too, naming only people who applied; only the owner may fill", async () => {
    const owner = await createMember(handle.db);
    const applicant = await createMember(handle.db);
    const bystander = await createMember(handle.db);
    const posting = await createPosting(handle.db, owner);
    await applyToOpportunity(handle.db, applicant, posting.id, { message: "Me please" });
    await updateOpportunity(handle.db, owner, posting.id, { status: "closed" });
    const fill = (actor: { id: string }, filledBy: string[]) => updateOpportunity(handle.db, actor, posting.id, { status: "filled", filledBy });
    expect((await refusal(fill(owner, [bystander.handle]))).fields).toHaveProperty("filledBy");
    expect((await refusal(fill(owner, ["nobody-here"]))).fields).toHaveProperty("filledBy");
    expect((await refusal(fill(owner, [owner.handle]))).fields).toHaveProperty("filledBy");
    expect((await refusal(updateOpportunity(handle.db, owner, posting.id, { status: "filled" }))).fields).toHaveProperty("filledBy");
    expect((await refusal(fill(applicant, [applicant.handle]))).code).toBe("forbidden");
    expect((await getOpportunity(handle.db, null, posting.id)).status).toBe("closed");
    expect((await fill(owner, [applicant.handle])).status).toBe("filled");
    expect((await viewerState(handle.db, applicant, posting.id)).selected).toBe(true);
    expect((await getOpportunity(handle.db, applicant, posting.id)).status).toBe("filled");
  });

  it("reads as closed once the deadline passes, with no job: get, list filters and apply", async () => {
    const owner = await createMember(handle.db);
    const artist = await createMember(handle.db);
    const posting = await createPosting(handle.db, owner, { title: "Deadline passes zqxj" });
    expect((await getOpportunity(handle.db, null, posting.id)).status).toBe("open");
    await expireDeadline(handle.db, posting.id);
    expect((await getOpportunity(handle.db, null, posting.id)).status).toBe("closed");
    const ids = async (q: Record<string, unknown>) => (await listOpportunities(handle.db, null, { q: "zqxj", ...q })).items.map((o) => o.id);
    expect(await ids({})).toEqual([]);
    expect(await ids({ status: "closed" })).toEqual([posting.id]);
    expect(await ids({ status: "any" })).toEqual([posting.id]);
    expect((await refusal(applyToOpportunity(handle.db, artist, posting.id, { message: "Late" }))).code).toBe("conflict");
    // Reopening needs a later deadline; with one, the posting is open again.
    expect((await refusal(updateOpportunity(handle.db, owner, posting.id, { status: "open" }))).code).toBe("conflict");
    expect((await updateOpportunity(handle.db, owner, posting.id, { status: "open", deadline: inDays(3) })).status).toBe("open");
  });
});

describe("applications", () => {
  it("takes one application per person with the applicant's own artworks; the owner lists them", async () => {
    const owner = await createMember(handle.db, "diffuser");
    const artist = await createMember(handle.db);
    const stranger = await createMember(handle.db);
    const [a1, a2] = [await createArtworkRow(handle.db, artist.id, "Tide"), await createArtworkRow(handle.db, artist.id, "Salt")];
    const theirs = await createArtworkRow(handle.db, stranger.id, "Not yours");
    const posting = await createPosting(handle.db, owner);

    expect((await refusal(applyToOpportunity(handle.db, artist, posting.id, { message: "x", artworkIds: [a1, theirs] }))).fields).toHaveProperty("artworkIds");
    expect((await refusal(applyToOpportunity(handle.db, artist, posting.id, { message: "" }))).fields).toHaveProperty("message");
    expect((await refusal(applyToOpportunity(handle.db, owner, posting.id, { message: "Me" }))).code).toBe("forbidden");
    expect((await refusal(applyToOpportunity(handle.db, null, posting.id, { message: "Me" }))).code).toBe("unauthorized");
    expect((await refusal(applyToOpportunity(handle.db, artist, "missing", { message: "Me" }))).code).toBe("not_found");
    expect(await applicationCount(posting.id)).toBe(0);

    const application = await applyToOpportunity(handle.db, artist, posting.id, { message: "I work with tides.", artworkIds: [a2, a1] });
    expect(application).toMatchObject({ applicant: artist.handle, message: "I work with tides.", selected: false });
    expect(application.artworks.map((a) => a.title)).toEqual(["Salt", "Tide"]);
    expect((await refusal(applyToOpportunity(handle.db, artist, posting.id, { message: "Again" }))).code).toBe("conflict");

    const listed = await listApplications(handle.db, owner, posting.id);
    expect(listed.items.map((a) => a.applicant)).toEqual([artist.handle]);
    expect((await refusal(listApplications(handle.db, artist, posting.id))).code).toBe("forbidden");
    expect((await refusal(listApplications(handle.db, null, posting.id))).code).toBe("unauthorized");
    expect((await getOpportunity(handle.db, owner, posting.id)).applicantCount).toBe(1);
    const mine = await listOpportunities(handle.db, owner, { owner: "me" });
    expect(mine.items.find((o) => o.id === posting.id)?.applicantCount).toBe(1);
  });

  it("lets an applicant withdraw until the posting is filled, and apply again", async () => {
    const owner = await createMember(handle.db, "diffuser");
    const artist = await createMember(handle.db);
    const chosen = await createMember(handle.db);
    const art = await createArtworkRow(handle.db, artist.id, "Tide");
    const posting = await createPosting(handle.db, owner);
    expect((await refusal(withdrawApplication(handle.db, artist, posting.id))).code).toBe("not_found");
    expect((await refusal(withdrawApplication(handle.db, null, posting.id))).code).toBe("unauthorized");
    await applyToOpportunity(handle.db, artist, posting.id, { message: "First try", artworkIds: [art] });
    await withdrawApplication(handle.db, artist, posting.id);
    expect(await applicationCount(posting.id)).toBe(0);
    const again = await applyToOpportunity(handle.db, artist, posting.id, { message: "Second try" });
    expect(again.message).toBe("Second try");

    await applyToOpportunity(handle.db, chosen, posting.id, { message: "Me too" });
    await updateOpportunity(handle.db, owner, posting.id, { status: "filled", filledBy: [chosen.handle] });
    expect((await refusal(withdrawApplication(handle.db, artist, posting.id))).code).toBe("conflict");
    expect(await applicationCount(posting.id)).toBe(2);
  });

  it("accepts an artwork the applicant is credited on (a workspace's final artwork), not one they are not", async () => {
    const owner = await createMember(handle.db, "diffuser");
    const host = await createMember(handle.db);
    const guest = await createMember(handle.db);
    const bystander = await createMember(handle.db);
    const shared = await createArtworkRow(handle.db, host.id, "Harbour mural");
    await handle.db.insert(artworkContributor).values([
      { artworkId: shared, userId: host.id, strokes: 3 },
      { artworkId: shared, userId: guest.id, strokes: 2 },
    ]);
    const posting = await createPosting(handle.db, owner);
    expect((await refusal(applyToOpportunity(handle.db, bystander, posting.id, { message: "Mine?", artworkIds: [shared] }))).fields).toHaveProperty("artworkIds");
    const application = await applyToOpportunity(handle.db, guest, posting.id, { message: "We drew this together.", artworkIds: [shared] });
    expect(application.artworks.map((a) => a.title)).toEqual(["Harbour mural"]);
  });

  it("under 10 simultaneous requests from one person: one 201, nine 409", async () => {
    const owner = await createMember(handle.db);
    const artist = await createMember(handle.db);
    const posting = await createPosting(handle.db, owner);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => applyToOpportunity(handle.db, artist, posting.id, { message: `Try ${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code] : []));
    expect(codes).toEqual(Array(9).fill("conflict"));
    expect(await applicationCount(posting.id)).toBe(1);
  });

  it("refuses an application across a block, and applications to filled postings", async () => {
    const owner = await createMember(handle.db);
    const blocked = await createMember(handle.db);
    const posting = await createPosting(handle.db, owner);
    await handle.db.insert(blocks).values({ blockerId: owner.id, blockedId: blocked.id });
    expect((await refusal(applyToOpportunity(handle.db, blocked, posting.id, { message: "Hi" }))).code).toBe("forbidden");
    // Neither sees the other's postings in lists; everyone else still does.
    const other = await createPosting(handle.db, blocked, { title: "Blocked person's call" });
    const listed = async (actor: { id: string } | null) => (await listOpportunities(handle.db, actor, { limit: 100 })).items.map((o) => o.id);
    expect(await listed(blocked)).not.toContain(posting.id);
    expect(await listed(owner)).not.toContain(other.id);
    expect(await listed(null)).toEqual(expect.arrayContaining([posting.id, other.id]));
    const first = await createMember(handle.db);
    const late = await createMember(handle.db);
    await applyToOpportunity(handle.db, first, posting.id, { message: "Hi" });
    await updateOpportunity(handle.db, owner, posting.id, { status: "filled", filledBy: [first.handle] });
    expect((await refusal(applyToOpportunity(handle.db, late, posting.id, { message: "Hi" }))).code).toBe("conflict");
  });

  it("pages through applications with a cursor", async () => {
    const owner = await createMember(handle.db);
    const posting = await createPosting(handle.db, owner);
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await createMember(handle.db));
    for (const p of people) await applyToOpportunity(handle.db, p, posting.id, { message: "Hello" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listApplications(handle.db, owner, posting.id, { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.applicant));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(people.map((p) => p.handle));
  });
});
