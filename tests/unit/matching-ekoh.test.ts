import { describe, expect, it } from "vitest";
import { MATCHING } from "@/lib/services/intelligent_matching/config";
import { PopulationIndex } from "@/lib/services/intelligent_matching/population";
import { rankCandidates, withEkoh } from "@/lib/services/intelligent_matching/rank";
import { reasonsFor } from "@/lib/services/intelligent_matching/reasons";
import type { PersonRow, Viewer } from "@/lib/services/intelligent_matching/types";

const NOW = Date.UTC(2026, 10, 1);

const row = (id: string, skills: string[]): PersonRow => ({
  userId: id,
  card: { handle: id, displayName: id, kind: "creator", headline: "", skills, tags: [], region: "", avatarUrl: null },
  hidden: false,
  openToCollaboration: false,
  createdAt: NOW - 86_400_000,
  updatedAt: NOW - 86_400_000,
});

const viewer: Viewer = { userId: "me", kind: "creator", skills: ["lino"], tags: [], region: "", excluded: new Set(), socialProof: new Map() };

describe("the Ekoh signal", () => {
  it("is off by default: no weight in the score, no reason", () => {
    expect(MATCHING.ekohEnabledByDefault).toBe(false);
    const index = new PopulationIndex(() => NOW);
    index.load([row("me", ["lino"]), row("a", ["lino"]), row("b", ["lino"])]);
    const ranked = rankCandidates(index, viewer, [], { intent: "follow", k: 5, now: NOW });
    for (const r of ranked) expect(reasonsFor(viewer, r, MATCHING.weights.follow, () => undefined, false).map((x) => x.kind)).not.toContain("ekoh");
  });

  it("when on, reorders equal candidates by reputation with its configured weight, and says so", () => {
    const index = new PopulationIndex(() => NOW);
    index.load([row("me", ["lino"]), row("a", ["lino"]), row("b", ["lino"])]);
    const ranked = rankCandidates(index, viewer, [], { intent: "follow", k: 5, now: NOW, ekoh: true });
    const scored = withEkoh(ranked, new Map([["b", 0.8], ["a", 0.2]]), MATCHING.weights.follow);
    expect(scored.map((r) => r.person.userId)).toEqual(["b", "a"]);
    const gap = scored[0]!.score - scored[1]!.score;
    const total = Object.values(MATCHING.weights.follow).reduce((s, w) => s + w, 0);
    expect(gap).toBeCloseTo(((0.8 - 0.2) * MATCHING.weights.follow.ekoh * scored[0]!.damping) / total, 6);
    expect(reasonsFor(viewer, scored[0]!, MATCHING.weights.follow, () => undefined, true)).toContainEqual({
      kind: "ekoh",
      detail: "Well regarded on Ekoh (Smart-Vote): reputation 80 out of 100",
    });
  });
});
