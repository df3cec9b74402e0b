import { MATCHING } from "./config";
import { activitySignal, freshness, popularityDamping } from "./signals";
import type { IndexedPerson, PersonRow, PersonStats } from "./types";

/** Skills compare case- and space-insensitively ("Risograph " = "risograph"). */
export const skillKey = (skill: string) => `s:${skill.trim().replace(/\s+/g, " ").toLowerCase()}`;
export const tagKey = (tag: string) => `t:${tag.trim().toLowerCase()}`;

/** The city part of a region, without accents: "Lisbon, PT", "lisbon" and "Lisbon,PT" are one place. */
export function regionKey(region: string): string {
  const city = region.split(",")[0] ?? "";
  return city.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").trim().replace(/\s+/g, " ").toLowerCase();
}

const NO_STATS: PersonStats = { followers: 0, activity: 0, recent: { artworks: 0, sessions: 0, postings: 0 }, lastEventAt: 0 };

export const FLAG_LIVE = 1;
export const FLAG_HIDDEN = 2;
export const FLAG_DIFFUSER = 4;
export const FLAG_OPEN = 8;

/** Layout of `hot`: one 64-byte cache line per person, so scoring a candidate touches one line. */
export const HOT = { stride: 8, skillNorm: 0, tagNorm: 1, activity: 2, prior: 3, region: 4, flags: 5 } as const;

/**
 * The whole population as an inverted index: term (skill or tag) → the slots of the people who
 * have it, and region → slots. People are updated in place (upsert/remove), so the index follows
 * the database one changed profile at a time; IDF weights come from the live document
 * frequencies, and vector norms are recomputed when the population has drifted.
 *
 * What the ranking loop reads for every candidate sits in one Float64Array, a cache line per
 * person (see HOT); the objects in `people` are only read for the winners.
 */
export class PopulationIndex {
  /** Slot → person; a removed person leaves an empty slot behind (slots are never reused). */
  readonly people: (IndexedPerson | undefined)[] = [];
  /** Per slot: norms, activitySignal(activity), popularity damping × freshness (re-dated by every setStats), region id, flags. */
  hot = new Float64Array(0);
  private readonly slotOf = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  readonly termNames: string[] = [];
  /** Term id → live slots having it, unordered. */
  readonly postings: number[][] = [];
  private readonly regionIds = new Map<string, number>();
  readonly regionPostings: number[][] = [];
  private stats = new Map<string, PersonStats>();
  private live = 0;
  private normedAt = 0;
  private bulk = false;

  /** `now` dates freshness; the priors it feeds are re-dated by every setStats (every few minutes). */
  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.live;
  }

  slot(userId: string): number | undefined {
    return this.slotOf.get(userId);
  }

  person(userId: string): IndexedPerson | undefined {
    const slot = this.slotOf.get(userId);
    return slot === undefined ? undefined : this.people[slot];
  }

  termId(key: string): number | undefined {
    return this.termIds.get(key);
  }

  regionId(key: string): number | undefined {
    return key ? this.regionIds.get(key) : undefined;
  }

  /** Documents having the term (0 for unknown terms). */
  df(termId: number | undefined): number {
    return termId === undefined ? 0 : (this.postings[termId]?.length ?? 0);
  }

  /**
   * Smoothed inverse document frequency, ln(1 + N / df); a term nobody else has counts as df 1.
   * (The probabilistic form ln((N - df) / df) sank to zero for any term held by half of a small
   * population, which is every term on a young platform.)
   */
  idf(termId: number | undefined): number {
    return Math.log(1 + Math.max(1, this.live) / Math.max(1, this.df(termId)));
  }

  /** Loads many people at once; norms are computed once at the end, with the final IDF. */
  load(rows: PersonRow[]): void {
    this.grow(this.people.length + rows.length);
    this.bulk = true;
    try {
      for (const row of rows) this.upsert(row);
    } finally {
      this.bulk = false;
    }
    this.renormAll();
  }

  upsert(row: PersonRow): void {
    const existing = this.slotOf.get(row.userId);
    if (existing !== undefined) this.unlink(existing);
    const slot = existing ?? this.people.length;
    if (existing === undefined) {
      this.slotOf.set(row.userId, slot);
      this.people.push(undefined);
      this.grow(slot + 1);
    }
    const skillTerms = unique(row.card.skills.filter((v) => v.trim()).map(skillKey)).map((k) => this.internTerm(k));
    const tagTerms = unique(row.card.tags.filter((v) => v.trim()).map(tagKey)).map((k) => this.internTerm(k));
    for (const t of skillTerms) this.postings[t]!.push(slot);
    for (const t of tagTerms) this.postings[t]!.push(slot);
    const rk = regionKey(row.card.region);
    const region = rk ? this.internRegion(rk) : -1;
    if (region >= 0) this.regionPostings[region]!.push(slot);
    const s = this.stats.get(row.userId) ?? NO_STATS;
    const person: IndexedPerson = {
      userId: row.userId,
      slot,
      card: row.card,
      hidden: row.hidden,
      openToCollaboration: row.openToCollaboration,
      skillTerms,
      tagTerms,
      region,
      followers: s.followers,
      activity: s.activity,
      recent: s.recent,
      lastActiveAt: Math.max(row.updatedAt, row.createdAt, s.lastEventAt),
      updatedAt: row.updatedAt,
      createdAt: row.createdAt,
    };
    this.people[slot] = person;
    const at = slot * HOT.stride;
    this.hot[at + HOT.flags] = FLAG_LIVE | (row.hidden ? FLAG_HIDDEN : 0) | (row.card.kind === "diffuser" ? FLAG_DIFFUSER : 0) | (row.openToCollaboration ? FLAG_OPEN : 0);
    this.hot[at + HOT.region] = region;
    this.live++;
    this.date(person, this.now());
    if (this.bulk) return;
    this.norm(person);
    if (Math.abs(this.live - this.normedAt) > this.normedAt * MATCHING.index.renormShare) this.renormAll();
  }

  remove(userId: string): void {
    const slot = this.slotOf.get(userId);
    if (slot === undefined || !this.people[slot]) return;
    this.unlink(slot);
    this.people[slot] = undefined;
    this.hot[slot * HOT.stride + HOT.flags] = 0;
  }

  /** Replaces everyone's activity and follower counts (people missing from `stats` have none). */
  setStats(stats: Map<string, PersonStats>): void {
    this.stats = stats;
    const now = this.now();
    for (const p of this.people) {
      if (!p) continue;
      const s = stats.get(p.userId) ?? NO_STATS;
      p.followers = s.followers;
      p.activity = s.activity;
      p.recent = s.recent;
      p.lastActiveAt = Math.max(p.updatedAt, p.createdAt, s.lastEventAt);
      this.date(p, now);
    }
  }

  /** Recomputes every norm with today's IDF (after many people joined or left). */
  renormAll(): void {
    for (const p of this.people) if (p) this.norm(p);
    this.normedAt = this.live;
  }

  /** What ranking adds and multiplies for a person whatever the viewer: computed here, not per candidate per request. */
  private date(p: IndexedPerson, now: number): void {
    this.hot[p.slot * HOT.stride + HOT.activity] = activitySignal(p.activity);
    this.hot[p.slot * HOT.stride + HOT.prior] = popularityDamping(p.followers) * freshness(p.lastActiveAt, now);
  }

  private norm(p: IndexedPerson): void {
    this.hot[p.slot * HOT.stride + HOT.skillNorm] = Math.sqrt(p.skillTerms.reduce((sum, t) => sum + this.idf(t) ** 2, 0));
    this.hot[p.slot * HOT.stride + HOT.tagNorm] = Math.sqrt(p.tagTerms.reduce((sum, t) => sum + this.idf(t) ** 2, 0));
  }

  private unlink(slot: number): void {
    const p = this.people[slot];
    if (!p) return;
    for (const t of p.skillTerms) removeFrom(this.postings[t]!, slot);
    for (const t of p.tagTerms) removeFrom(this.postings[t]!, slot);
    if (p.region >= 0) removeFrom(this.regionPostings[p.region]!, slot);
    this.live--;
  }

  /** `hot` doubles when full. */
  private grow(size: number): void {
    if (this.hot.length >= size * HOT.stride) return;
    const next = new Float64Array(Math.max(size, (this.hot.length / HOT.stride) * 2, 1024) * HOT.stride);
    next.set(this.hot);
    this.hot = next;
  }

  private internTerm(key: string): number {
    let id = this.termIds.get(key);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(key, id);
      this.termNames.push(key);
      this.postings.push([]);
    }
    return id;
  }

  private internRegion(key: string): number {
    let id = this.regionIds.get(key);
    if (id === undefined) {
      id = this.regionPostings.length;
      this.regionIds.set(key, id);
      this.regionPostings.push([]);
    }
    return id;
  }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Swap-remove: postings are unordered, so this is O(position) without shifting. */
function removeFrom(list: number[], value: number): void {
  const at = list.lastIndexOf(value);
  if (at < 0) return;
  list[at] = list[list.length - 1]!;
  list.pop();
}
