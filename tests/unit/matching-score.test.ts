import { describe, expect, it } from "vitest";
import { MATCHING, type SignalWeights } from "@/lib/services/intelligent_matching/config";
import { PopulationIndex } from "@/lib/services/intelligent_matching/population";
import { rankCandidates, type Ranked } from "@/lib/services/intelligent_matching/rank";
import { freshness, popularityDamping } from "@/lib/services/intelligent_matching/signals";
import { listNames, reasonsFor } from "@/lib/services/intelligent_matching/reasons";
import { TopK } from "@/lib/services/intelligent_matching/top-k";
import type { PersonRow, PersonStats, Viewer } from "@/lib/services/intelligent_matching/types";

const NOW = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;

type Spec = { skills?: string[]; tags?: string[]; region?: string; kind?: "creator" | "diffuser"; hidden?: boolean; open?: boolean; updatedAt?: number };

function row(id: string, spec: Spec = {}): PersonRow {
  return {
    userId: id,
    card: {
      handle: id,
      displayName: `Person ${id}`,
      kind: spec.kind ?? "creator",
      headline: "",
      skills: spec.skills ?? [],
      tags: spec.tags ?? [],
      region: spec.region ?? "",
      avatarUrl: null,
    },
    hidden: spec.hidden ?? false,
    openToCollaboration: spec.open ?? false,
    createdAt: NOW - 400 * DAY,
    updatedAt: spec.updatedAt ?? NOW - DAY,
  };
}

function viewer(spec: Spec & { excluded?: string[]; social?: [string, number, string[]][] } = {}): Viewer {
  return {
    userId: "me",
    kind: spec.kind ?? "creator",
    skills: spec.skills ?? [],
    tags: spec.tags ?? [],
    region: spec.region ?? "",
    excluded: new Set(spec.excluded ?? []),
    socialProof: new Map((spec.social ?? []).map(([id, count, via]) => [id, { count, via }])),
  };
}

function indexOf(rows: PersonRow[], stats: Record<string, Partial<PersonStats>> = {}): PopulationIndex {
  const index = new PopulationIndex(() => NOW);
  const full = new Map(
    Object.entries(stats).map(([id, s]) => [id, { followers: 0, activity: 0, recent: { artworks: 0, sessions: 0, postings: 0 }, lastEventAt: 0, ...s }]),
  );
  index.setStats(full);
  index.load(rows);
  return index;
}

/** Filler people who all list `common`, so it is a common skill. */
const crowd = (n: number, spec: Spec) => Array.from({ length: n }, (_, i) => row(`crowd${i}`, spec));

const rank = (index: PopulationIndex, v: Viewer, intent: "follow" | "contact" | "collaborate" = "follow", weights?: SignalWeights, k = 10) =>
  rankCandidates(index, v, [], { intent, k, now: NOW, weights });
const handles = (ranked: Ranked[]) => ranked.map((r) => r.person.card.handle);

describe("matching score", () => {
  it("a shared rare skill beats a shared common one, and the reason names it", () => {
    const index = indexOf([
      row("me", { skills: ["painting", "mokuhanga"] }),
      row("common", { skills: ["painting", "drawing"] }),
      row("rare", { skills: ["Mokuhanga", "drawing"] }),
      ...crowd(40, { skills: ["painting"] }),
    ]);
    const ranked = rank(index, viewer({ skills: ["painting", "mokuhanga"] }), "follow", undefined, 100);
    const order = handles(ranked);
    expect(order[0]).toBe("rare");
    expect(order.indexOf("common")).toBeGreaterThan(0);
    const reasons = reasonsFor(viewer({ skills: ["painting", "mokuhanga"] }), ranked[0]!, MATCHING.weights.follow, () => undefined, false);
    expect(reasons[0]).toEqual({ kind: "shared_skills", detail: "You both work in Mokuhanga" });
  });

  it("names several shared items rarest first, and counts the rest", () => {
    const mine = ["risograph", "ceramics", "bookbinding", "weaving", "painting"];
    const index = indexOf([
      row("me", { skills: mine, tags: ["climate", "memory"] }),
      row("twin", { skills: mine, tags: ["memory", "climate"] }),
      ...crowd(10, { skills: ["painting", "weaving", "bookbinding", "ceramics"], tags: ["climate"] }),
    ]);
    const v = viewer({ skills: mine, tags: ["climate", "memory"] });
    const [best] = rank(index, v);
    expect(best!.person.card.handle).toBe("twin");
    const reasons = reasonsFor(v, best!, MATCHING.weights.follow, () => undefined, false);
    expect(reasons.map((r) => r.kind)).toEqual(["shared_skills", "shared_tags"]);
    expect(reasons[0]!.detail).toBe("You both work in risograph, ceramics, bookbinding and 2 more skills");
    expect(reasons[1]!.detail).toBe("You share the tags #memory and #climate");
  });

  it("listing every skill gains nothing, and a sparse profile of common skills is not lifted by its size", () => {
    const common = ["painting", "drawing", "photography"];
    const index = indexOf([
      row("me", { skills: ["mokuhanga", ...common] }),
      row("kindred", { skills: ["mokuhanga", "sumi"] }),
      row("sparse", { skills: ["painting", "drawing"] }),
      row("stuffer", { skills: ["mokuhanga", ...common, ...Array.from({ length: 20 }, (_, i) => `skill${i}`)] }),
      ...crowd(30, { skills: common }),
    ]);
    const order = handles(rank(index, viewer({ skills: ["mokuhanga", ...common] }), "follow", undefined, 100));
    expect(order[0]).toBe("kindred");
    expect(order.indexOf("stuffer")).toBeGreaterThan(0);
    expect(order.indexOf("sparse")).toBeGreaterThan(order.indexOf("kindred"));
  });

  it("weights change the order as configured", () => {
    const index = indexOf([
      row("me", { skills: ["etching"], tags: ["tides"] }),
      row("by-skill", { skills: ["etching"] }),
      row("by-tag", { tags: ["tides"] }),
    ]);
    const v = viewer({ skills: ["etching"], tags: ["tides"] });
    const base = MATCHING.weights.follow;
    expect(handles(rank(index, v, "follow", { ...base, skills: 0.6, tags: 0.1 }))).toEqual(["by-skill", "by-tag"]);
    expect(handles(rank(index, v, "follow", { ...base, skills: 0.1, tags: 0.6 }))).toEqual(["by-tag", "by-skill"]);
  });

  it("contact favours the complementary kind; follow does not care", () => {
    const index = indexOf([
      row("me", { skills: ["installation"], kind: "creator" }),
      row("gallery", { skills: ["installation"], kind: "diffuser" }),
      row("artist", { skills: ["installation"], kind: "creator" }),
    ]);
    const v = viewer({ skills: ["installation"] });
    expect(handles(rank(index, v, "contact"))[0]).toBe("gallery");
    const follow = rank(index, v, "follow");
    expect(follow[0]!.score).toBeCloseTo(follow[1]!.score, 10);
    const reasons = reasonsFor(v, rank(index, v, "contact")[0]!, MATCHING.weights.contact, () => undefined, false);
    expect(reasons.map((r) => r.kind)).toContain("complementary_kind");
  });

  it("the famous do not beat an equal stranger, and long-inactive people are demoted", () => {
    const index = indexOf(
      [
        row("me", { skills: ["letterpress"] }),
        row("famous", { skills: ["letterpress"] }),
        row("unknown", { skills: ["letterpress"] }),
        row("dormant", { skills: ["letterpress"], updatedAt: NOW - 3 * 365 * DAY }),
      ],
      { famous: { followers: 50_000 } },
    );
    const ranked = rank(index, viewer({ skills: ["letterpress"] }));
    expect(handles(ranked)).toEqual(["unknown", "famous", "dormant"]);
    expect(popularityDamping(0)).toBe(1);
    expect(popularityDamping(1000)).toBeGreaterThan(0.7);
    expect(freshness(NOW - 10 * DAY, NOW)).toBe(1);
    expect(freshness(NOW - 10 * 365 * DAY, NOW)).toBe(MATCHING.freshnessFloor);
  });

  it("recent activity and social proof count, and their reasons say so", () => {
    const index = indexOf(
      [row("me", { region: "Porto, PT" }), row("busy", { region: "Porto" }), row("quiet", { region: "porto, pt" }), row("friend")],
      { busy: { activity: 2, recent: { artworks: 2, sessions: 1, postings: 0 }, lastEventAt: NOW - DAY } },
    );
    const v = viewer({ region: "Porto, PT", social: [["quiet", 2, ["friend"]]] });
    const ranked = rank(index, v);
    expect(handles(ranked)).toEqual(["busy", "quiet"]);
    const names = (id: string) => (id === "friend" ? "Ana Lima" : undefined);
    const busy = reasonsFor(v, ranked[0]!, MATCHING.weights.follow, names, false);
    expect(busy).toContainEqual({ kind: "same_region", detail: "Also based in Porto" });
    expect(busy).toContainEqual({ kind: "recent_activity", detail: "Active lately: shared 2 new artworks and took part in 1 workspace session in the last 30 days" });
    const quiet = reasonsFor(v, ranked[1]!, MATCHING.weights.follow, names, false);
    expect(quiet).toContainEqual({ kind: "followed_by_your_follows", detail: "Followed by Ana Lima and 1 other person you follow" });
  });

  it("never ranks the viewer, hidden people or excluded people, and keeps scores in [0, 1]", () => {
    const index = indexOf([
      row("me", { skills: ["glass"], tags: ["sea"] }),
      row("hidden", { skills: ["glass"], hidden: true }),
      row("blocked", { skills: ["glass"] }),
      row("ok", { skills: ["glass"], tags: ["sea"], open: true, kind: "diffuser" }),
    ]);
    const v = viewer({ skills: ["glass"], tags: ["sea"], excluded: ["blocked"] });
    const ranked = rank(index, v, "collaborate");
    expect(handles(ranked)).toEqual(["ok"]);
    expect(ranked[0]!.score).toBeGreaterThan(0);
    expect(ranked[0]!.score).toBeLessThanOrEqual(1);
  });

  it("follows the population as people change and leave", () => {
    const index = indexOf([row("me", { skills: ["paper"] }), row("a", { skills: ["paper"] })]);
    const v = viewer({ skills: ["paper"] });
    expect(handles(rank(index, v))).toEqual(["a"]);
    index.upsert(row("a", { skills: ["bronze"] }));
    index.upsert(row("b", { skills: ["paper"] }));
    expect(handles(rank(index, v))).toEqual(["b"]);
    index.remove("b");
    expect(rank(index, v)).toEqual([]);
    expect(index.size).toBe(2);
  });

  it("lists names the way people write them", () => {
    expect(listNames(["a"], "skills")).toBe("a");
    expect(listNames(["a", "b"], "skills")).toBe("a and b");
    expect(listNames(["a", "b", "c"], "skills")).toBe("a, b and c");
    expect(listNames(["a", "b", "c", "d"], "skills")).toBe("a, b, c and 1 more skills");
  });
});

describe("TopK", () => {
  it("keeps the k best of a stream, best first", () => {
    const heap = new TopK(3);
    [5, 1, 9, 3, 7, 2, 8].forEach((score, slot) => heap.offer(score, slot));
    expect(heap.drain()).toEqual([2, 6, 4]);
  });
});
