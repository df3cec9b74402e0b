import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { kreativeArtwork, opportunity, opportunityApplication, opportunitySave, opportunitySelection, profiles, users } from "@/db/schema";
import { buildSeedData } from "@/db/seed/index";
import { seedOpportunities } from "@/db/seed/opportunities";
import { listOpportunities } from "@/lib/services/opportunity_announcement";
import { createTestDb } from "../support/db";

const NOW = Date.UTC(2026, 10, 20);
const PEOPLE = 60;

/** The seed's people and artworks, inserted directly (no password hashing, no images), then the board. */
async function seeded(seed: number) {
  const handle = await createTestDb();
  const data = buildSeedData(seed, PEOPLE, NOW);
  await handle.db.insert(users).values(data.people.map((p) => ({ id: p.id, email: p.email, name: p.displayName })));
  await handle.db.insert(profiles).values(data.people.map((p) => ({ userId: p.id, handle: p.handle, displayName: p.displayName, kind: p.kind, region: p.region })));
  await handle.db.insert(kreativeArtwork).values(data.artworks.map((a) => ({ id: a.id, artistId: a.artistId, title: a.title, mediaFile: a.mediaFile, mediaType: "image/webp" })));
  const made = await handle.db.transaction((tx) => seedOpportunities(tx, data.people, data.artworks, seed, NOW));
  return { handle, data, made };
}

let first: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => {
  first = await seeded(4242);
}, 120_000);
afterAll(async () => {
  await first?.handle.close();
});

describe("seeded opportunities", () => {
  it("posts about one opportunity per six people, all from diffusers, with search documents", async () => {
    const rows = await first.handle.db.select({ ownerKind: profiles.kind, doc: opportunity.searchDocument }).from(opportunity).innerJoin(profiles, eq(profiles.userId, opportunity.ownerId));
    expect(rows).toHaveLength(first.made);
    expect(first.made).toBe(PEOPLE / 6);
    for (const r of rows) {
      expect(r.ownerKind).toBe("diffuser");
      expect(r.doc.length).toBeGreaterThan(5);
    }
    // Searchable like any posting.
    const found = await listOpportunities(first.handle.db, null, { q: "residency", status: "any" });
    expect(found.items.length).toBeGreaterThan(0);
  });

  it("selects an applicant on every filled posting and gives the demo account saves and an application", async () => {
    const db = first.handle.db;
    const filled = await db.select({ id: opportunity.id }).from(opportunity).where(eq(opportunity.status, "filled"));
    const selected = await db.execute(sql`select s.opportunity_id from ${opportunitySelection} s
      join ${opportunityApplication} a on a.opportunity_id = s.opportunity_id and a.applicant_id = s.selected_id`);
    const selectedRows = Array.isArray(selected) ? selected : (selected as { rows: unknown[] }).rows;
    expect(selectedRows).toHaveLength(filled.length);
    const demo = first.data.people[0]!;
    expect((await db.select({ n: count() }).from(opportunitySave).where(eq(opportunitySave.userId, demo.id)))[0]!.n).toBeGreaterThanOrEqual(1);
    expect((await db.select({ n: count() }).from(opportunityApplication).where(eq(opportunityApplication.applicantId, demo.id)))[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it("is deterministic for a seed", async () => {
    const again = await seeded(4242);
    try {
      const titles = async (h: DbHandle) => (await h.db.select({ id: opportunity.id, t: opportunity.title }).from(opportunity).orderBy(opportunity.id)).map((r) => `${r.id} ${r.t}`);
      expect(await titles(again.handle)).toEqual(await titles(first.handle));
    } finally {
      await again.handle.close();
    }
  }, 120_000);
});
