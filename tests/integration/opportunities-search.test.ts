import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { deleteOpportunity, listOpportunities, updateOpportunity } from "@/lib/services/opportunity_announcement";
import { createTestDb } from "../support/db";
import { createMember, createPosting, inDays, refusal } from "../support/opportunities";

let handle: DbHandle;
let owner: { id: string; handle: string };
beforeAll(async () => {
  handle = await createTestDb();
  owner = await createMember(handle.db, "diffuser");
});
afterAll(async () => {
  await handle?.close();
});

/** A region no other test uses, so each test sees only its own postings. */
const freshRegion = () => `Testland ${randomBytes(3).toString("hex")}`;

async function titles(query: Record<string, unknown>) {
  return (await listOpportunities(handle.db, null, { limit: 100, ...query })).items.map((o) => o.title).sort();
}

describe("filters", () => {
  it("follows a posting's tags as they change, and deletion", async () => {
    const region = freshRegion();
    const posting = await createPosting(handle.db, owner, { title: "Retagged", region, tags: ["paper", "ink"] });
    expect(await titles({ region, tag: "paper" })).toEqual(["Retagged"]);
    await updateOpportunity(handle.db, owner, posting.id, { tags: ["clay"] });
    expect(await titles({ region, tag: "paper" })).toEqual([]);
    expect(await titles({ region, tag: ["clay"] })).toEqual(["Retagged"]);
    expect(await titles({ region, tag: ["clay", "ink"] })).toEqual([]);
    expect(await titles({ region, tag: "no-such-tag-anywhere" })).toEqual([]);
    await deleteOpportunity(handle.db, owner, posting.id);
    expect(await titles({ region, tag: "clay" })).toEqual([]);
  });

  it("filters by kind, tags (all of them), region, paid only and no entry fee", async () => {
    const region = freshRegion();
    const post = (title: string, extra: Record<string, unknown>) => createPosting(handle.db, owner, { title, region, ...extra });
    await post("A paid residency", { kind: "residency", tags: ["sculpture", "coast"] });
    await post("B unpaid exhibition", { kind: "exhibition", tags: ["sculpture"], compensation: { paid: false } });
    await post("C fee call", { kind: "open_call", tags: ["coast"], compensation: { paid: false }, entryFee: { amount: 35, currency: "USD" } });
    await post("D paid job", { kind: "job", tags: ["coast", "sculpture"], compensation: { paid: true } });

    expect(await titles({ region })).toEqual(["A paid residency", "B unpaid exhibition", "C fee call", "D paid job"]);
    expect(await titles({ region: region.toUpperCase() })).toHaveLength(4);
    expect(await titles({ region, kind: "residency" })).toEqual(["A paid residency"]);
    const [listed] = (await listOpportunities(handle.db, null, { region, kind: "residency" })).items;
    expect(listed).toMatchObject({ owner: owner.handle, tags: ["coast", "sculpture"], attachments: [], status: "open" });
    expect(await titles({ region, kind: ["job", "open_call"] })).toEqual(["C fee call", "D paid job"]);
    expect(await titles({ region, tag: "coast" })).toEqual(["A paid residency", "C fee call", "D paid job"]);
    expect(await titles({ region, tag: ["coast", "sculpture"] })).toEqual(["A paid residency", "D paid job"]);
    expect(await titles({ region, tag: "no-such-tag" })).toEqual([]);
    expect(await titles({ region, paid: "true" })).toEqual(["A paid residency", "D paid job"]);
    expect(await titles({ region, noEntryFee: "1" })).toEqual(["A paid residency", "B unpaid exhibition", "D paid job"]);
    expect(await titles({ region, paid: true, noEntryFee: true, tag: "coast", kind: "job" })).toEqual(["D paid job"]);
  });

  it("keeps postings whose dates overlap from/to; open ends are open, undated postings never overlap", async () => {
    const region = freshRegion();
    const at = (d: string) => `2031-${d}T00:00:00Z`;
    const post = (title: string, startsAt: string | null, endsAt: string | null) => createPosting(handle.db, owner, { title, region, startsAt, endsAt });
    await post("March", at("03-01"), at("03-31"));
    await post("April-May", at("04-15"), at("05-15"));
    await post("From June, open-ended", at("06-01"), null);
    await post("Until February", null, at("02-10"));
    await post("Undated", null, null);

    expect(await titles({ region, from: "2031-03-20", to: "2031-04-20" })).toEqual(["April-May", "March"]);
    expect(await titles({ region, from: "2031-03-31", to: "2031-03-31" })).toEqual(["March"]); // touching a bound counts
    expect(await titles({ region, from: "2031-04-01", to: "2031-04-14" })).toEqual([]);
    expect(await titles({ region, from: "2031-07-01" })).toEqual(["From June, open-ended"]);
    expect(await titles({ region, to: "2031-02-01" })).toEqual(["Until February"]);
    expect(await titles({ region, from: "2031-01-01", to: "2031-12-31" })).toEqual(["April-May", "From June, open-ended", "March", "Until February"]);
    expect((await refusal(listOpportunities(handle.db, null, { from: "2031-05-01", to: "2031-04-01" }))).fields).toHaveProperty("to");
  });

  it("defaults to open postings; status=closed and filled and any widen it", async () => {
    const region = freshRegion();
    const { updateOpportunity } = await import("@/lib/services/opportunity_announcement");
    const open = await createPosting(handle.db, owner, { title: "Open one", region });
    const closed = await createPosting(handle.db, owner, { title: "Closed one", region });
    await updateOpportunity(handle.db, owner, closed.id, { status: "closed" });
    expect(await titles({ region })).toEqual([open.title]);
    expect(await titles({ region, status: "closed" })).toEqual([closed.title]);
    expect(await titles({ region, status: "filled" })).toEqual([]);
    expect(await titles({ region, status: "any" })).toEqual(["Closed one", "Open one"]);
    expect((await refusal(listOpportunities(handle.db, null, { status: "archived" }))).fields).toHaveProperty("status");
    expect((await refusal(listOpportunities(handle.db, null, { owner: "me" }))).code).toBe("unauthorized");
  });
});

describe("free text", () => {
  it("finds by title, description and tag, tolerates typos, and ranks title matches first", async () => {
    const region = freshRegion();
    await createPosting(handle.db, owner, { region, title: "Ceramics residency in Caldas", description: "Kilns and clay.", tags: ["ceramics"] });
    await createPosting(handle.db, owner, { region, title: "Harbour exhibition", description: "Open to ceramics and glass artists.", tags: ["glass"] });
    await createPosting(handle.db, owner, { region, title: "Weaving job", description: "Loom studio.", tags: ["textiles"] });
    const q = async (text: string) => (await listOpportunities(handle.db, null, { region, q: text })).items.map((o) => o.title);
    expect(await q("ceramics")).toEqual(["Ceramics residency in Caldas", "Harbour exhibition"]);
    expect(await q("cerami")).toContain("Ceramics residency in Caldas"); // prefix
    expect(await q("ceramcs")).toEqual(["Ceramics residency in Caldas", "Harbour exhibition"]); // typo, title match first
    expect(await q("cerammmics")).toEqual(["Ceramics residency in Caldas"]); // two edits: trigram on title and tags only
    expect(await q("loom")).toEqual(["Weaving job"]); // description
    expect(await q("kilsn")).toEqual(["Ceramics residency in Caldas"]); // transposed letters in a description word
    expect(await q("weavign job")).toEqual(["Weaving job"]);
    expect(await q("textiles")).toEqual(["Weaving job"]); // tag
    expect(await q("%_'\\")).toEqual([]); // punctuation only: no error, nothing matches
  });
});

describe("pagination", () => {
  it("walks every sort with a cursor: complete, no duplicates, in order", async () => {
    const region = freshRegion();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      const p = await createPosting(handle.db, owner, { region, title: `Paged ${i} lantern`, deadline: i % 3 === 0 ? null : inDays(10 + (i % 4)) });
      made.push(p.id);
    }
    for (const sort of ["recent", "deadline", "relevance"] as const) {
      for (const q of [undefined, "lantern"]) {
        const seen: string[] = [];
        const deadlines: (string | null)[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await listOpportunities(handle.db, null, { region, sort, q, limit: 3, cursor });
          seen.push(...page.items.map((o) => o.id));
          deadlines.push(...page.items.map((o) => o.deadline));
          cursor = page.nextCursor ?? undefined;
          pages++;
        } while (cursor && pages < 10);
        expect(new Set(seen).size, `${sort} ${q}`).toBe(7);
        expect(seen.sort(), `${sort} ${q}`).toEqual([...made].sort());
        if (sort === "deadline") {
          const dated = deadlines.filter((d): d is string => d !== null);
          expect(dated).toEqual([...dated].sort());
          expect(deadlines.slice(dated.length).every((d) => d === null)).toBe(true);
        }
      }
    }
    const first = await listOpportunities(handle.db, null, { region, sort: "recent", limit: 3 });
    expect(first.items.map((o) => o.title)).toEqual(["Paged 6 lantern", "Paged 5 lantern", "Paged 4 lantern"]);
    expect((await refusal(listOpportunities(handle.db, null, { region, sort: "deadline", cursor: first.nextCursor }))).fields).toHaveProperty("cursor");
    expect((await refusal(listOpportunities(handle.db, null, { cursor: "garbage" }))).fields).toHaveProperty("cursor");
    expect((await refusal(listOpportunities(handle.db, null, { limit: 101 }))).fields).toHaveProperty("limit");
  });
});
