import { MATCHING, type MatchIntent, type SignalWeights } from "./config";
import { FLAG_DIFFUSER, FLAG_HIDDEN, FLAG_LIVE, FLAG_OPEN, HOT, regionKey, skillKey, tagKey, type PopulationIndex } from "./population";
import { freshness, popularityDamping, socialSignal } from "./signals";
import { TopK } from "./top-k";
import type { IndexedPerson, Viewer } from "./types";

export type Signals = SignalWeights;

/** One ranked candidate: the signals (each in [0, 1]), and the final score (weighted mean × damping). */
export type Ranked = {
  person: IndexedPerson;
  signals: Signals;
  score: number;
  /** Popularity × freshness: what the weighted mean is multiplied by. */
  damping: number;
  /** Shared skills and tags as the candidate writes them, rarest first. */
  shared: { skills: string[]; tags: string[] };
};

export type RankOptions = {
  intent: MatchIntent;
  /** How many to return. */
  k: number;
  now: number;
  weights?: SignalWeights;
  /** Counts the ekoh weight in the mean; the signal itself is filled in by withEkoh. */
  ekoh?: boolean;
};

export function weightedMean(signals: Signals, weights: SignalWeights, ekoh: boolean): number {
  let sum = 0;
  let total = 0;
  for (const key of Object.keys(weights) as (keyof SignalWeights)[]) {
    if (key === "ekoh" && !ekoh) continue;
    sum += weights[key] * signals[key];
    total += weights[key];
  }
  return total > 0 ? sum / total : 0;
}

// Scratch space reused across calls, by slot (ranking is synchronous: never shared by two calls).
// acc holds [skill dot product, tag dot product, social signal, -] per slot, side by side.
let accScratch = new Float64Array(0);
let markScratch = new Uint8Array(0); // 1 touched, 2 excluded
let touchedScratch = new Int32Array(0);

function scratch(size: number): void {
  if (markScratch.length >= size) return;
  const n = Math.max(size, markScratch.length * 2, 1024);
  accScratch = new Float64Array(n * 4);
  markScratch = new Uint8Array(n);
  touchedScratch = new Int32Array(n);
}

type ViewerTerms = { weight: Map<number, number>; norm: number };

/** The viewer's terms with their squared IDF; terms nobody has still count in the viewer's norm. */
function viewerTerms(index: PopulationIndex, keys: string[]): ViewerTerms {
  const weight = new Map<number, number>();
  let norm = 0;
  for (const key of new Set(keys)) {
    const id = index.termId(key);
    const w = index.idf(id) ** 2;
    norm += w;
    if (id !== undefined && index.df(id) > 0) weight.set(id, w);
  }
  return { weight, norm: Math.sqrt(norm) };
}

/**
 * IDF-weighted overlap in [0, 1]: dot / (|viewer| · max(|viewer|, |candidate|)). Like a cosine,
 * listing many skills dilutes a profile; unlike one, a sparse profile that shares only common
 * terms is not lifted by its own small norm, so a shared rare skill keeps the lead.
 */
export function similarity(dot: number, viewerNorm: number, candidateNorm: number): number {
  return Math.min(1, dot / (viewerNorm * Math.max(viewerNorm, candidateNorm)));
}

/** Σ idf² over the terms a candidate shares with the viewer, from the candidate's own term list. */
function dot(terms: number[], viewer: ViewerTerms): number {
  let sum = 0;
  for (const t of terms) sum += viewer.weight.get(t) ?? 0;
  return sum;
}

/**
 * Ranks the population for one viewer and returns the best `k`, each explained.
 *
 * Skills and tags are IDF-weighted overlaps (see `similarity`), so a rare shared skill says more
 * than a common one and listing every skill gains nothing. Candidates come from the postings of
 * the viewer's terms, rarest first (a rare-term prefilter: a common term's long list is only
 * walked while fewer than minPool people have been found, and adds at most maxPool), plus the
 * people their follows follow and the most active people. Each candidate costs a few multiplications on one cache line of the index
 * (see HOT); the best 2k are then rescored exactly from their own terms, and the best k kept.
 */
export function rankCandidates(index: PopulationIndex, viewer: Viewer, activePool: readonly number[], opts: RankOptions): Ranked[] {
  const weights = opts.weights ?? MATCHING.weights[opts.intent];
  const ekoh = opts.ekoh ?? false;
  const vs = viewerTerms(index, viewer.skills.filter((s) => s.trim()).map(skillKey));
  const vt = viewerTerms(index, viewer.tags.filter((t) => t.trim()).map(tagKey));
  const region = index.regionId(regionKey(viewer.region)) ?? -2;
  const best = bestSlots(index, viewer, activePool, vs, vt, region, weights, ekoh, opts.k * 2);
  const winners = best.map((slot) => score(index, viewer, index.people[slot]!, region, vs, vt, weights, ekoh, opts.now));
  return sortRanked(winners)
    .slice(0, opts.k)
    .map((r) => ({ ...r, shared: { skills: sharedNames(index, r.person.skillTerms, vs, r.person.card.skills, skillKey), tags: sharedNames(index, r.person.tagTerms, vt, r.person.card.tags, tagKey) } }));
}

/** The hot part, kept apart so that it stays optimised: candidate slots by approximate score, best first. */
function bestSlots(index: PopulationIndex, viewer: Viewer, activePool: readonly number[], vs: ViewerTerms, vt: ViewerTerms, region: number, weights: SignalWeights, ekoh: boolean, k: number): number[] {
  scratch(index.people.length);
  const acc = accScratch;
  const mark = markScratch;
  const touched = touchedScratch;
  let n = 0;

  const excludedSlots: number[] = [];
  for (const id of [viewer.userId, ...viewer.excluded]) {
    const slot = index.slot(id);
    if (slot !== undefined && mark[slot] !== 2) {
      mark[slot] = 2;
      excludedSlots.push(slot);
    }
  }
  const terms = [...[...vs.weight].map(([id, w]) => ({ id, w, at: 0 })), ...[...vt.weight].map(([id, w]) => ({ id, w, at: 1 }))].sort(
    (a, b) => index.df(a.id) - index.df(b.id),
  );
  const rareDf = Math.max(MATCHING.index.rareDfFloor, index.size * MATCHING.index.rareShare);
  const { minPool, maxPool } = MATCHING.index;
  for (const term of terms) {
    const list = index.postings[term.id]!;
    if (list.length > rareDf && n >= minPool) break;
    const { w, at } = term;
    for (let i = 0; i < list.length; i++) {
      const slot = list[i]!;
      if (mark[slot] === 0) {
        // Past maxPool a common term only adds to people already found.
        if (n >= maxPool) continue;
        mark[slot] = 1;
        touched[n++] = slot;
      }
      acc[slot * 4 + at] = acc[slot * 4 + at]! + w;
    }
  }
  if (region >= 0 && n < MATCHING.index.minPool) {
    for (const slot of index.regionPostings[region]!) {
      if (mark[slot] === 0) {
        mark[slot] = 1;
        touched[n++] = slot;
      }
    }
  }
  for (const [id, proof] of viewer.socialProof) {
    const slot = index.slot(id);
    if (slot === undefined || mark[slot] === 2) continue;
    acc[slot * 4 + 2] = socialSignal(proof.count);
    if (mark[slot] === 0) {
      mark[slot] = 1;
      touched[n++] = slot;
    }
  }
  for (const slot of activePool) {
    if (mark[slot] === 0) {
      mark[slot] = 1;
      touched[n++] = slot;
    }
  }

  const total = Object.entries(weights).reduce((sum, [key, w]) => (key === "ekoh" && !ekoh ? sum : sum + w), 0) || 1;
  const wSkills = weights.skills / total;
  const wTags = weights.tags / total;
  const wKind = weights.complementaryKind / total;
  const wRegion = weights.sameRegion / total;
  const wActivity = weights.activity / total;
  const wSocial = weights.socialProof / total;
  const wOpen = weights.openToCollaboration / total;
  const otherKind = viewer.kind === "creator" ? FLAG_DIFFUSER : 0; // the candidate's diffuser bit when the kinds differ
  const sNorm = vs.norm;
  const tNorm = vt.norm;
  const hot = index.hot;
  const stride = HOT.stride;
  const heap = new TopK(k);
  for (let i = 0; i < n; i++) {
    const slot = touched[i]!;
    const a = slot * 4;
    const s = acc[a]!;
    const t = acc[a + 1]!;
    const proof = acc[a + 2]!;
    acc[a] = 0;
    acc[a + 1] = 0;
    acc[a + 2] = 0;
    mark[slot] = 0;
    const h = slot * stride;
    const f = hot[h + HOT.flags]!;
    if ((f & (FLAG_LIVE | FLAG_HIDDEN)) !== FLAG_LIVE) continue;
    const mean =
      (s > 0 ? wSkills * similarity(s, sNorm, hot[h + HOT.skillNorm]!) : 0) +
      (t > 0 ? wTags * similarity(t, tNorm, hot[h + HOT.tagNorm]!) : 0) +
      ((f & FLAG_DIFFUSER) === otherKind ? wKind : 0) +
      (hot[h + HOT.region] === region ? wRegion : 0) +
      wActivity * hot[h + HOT.activity]! +
      wSocial * proof +
      (f & FLAG_OPEN ? wOpen : 0);
    if (mean > 0) heap.offer(mean * hot[h + HOT.prior]!, slot);
  }
  // Excluded people were never touched (mark 2), but the term loops still added to their sums.
  for (const slot of excludedSlots) {
    mark[slot] = 0;
    acc.fill(0, slot * 4, slot * 4 + 4);
  }
  return heap.drain();
}

/** The exact signals and score of one of the best candidates, dated at `now`. */
function score(index: PopulationIndex, viewer: Viewer, p: IndexedPerson, region: number, vs: ViewerTerms, vt: ViewerTerms, weights: SignalWeights, ekoh: boolean, now: number): Ranked {
  const h = p.slot * HOT.stride;
  const s = dot(p.skillTerms, vs);
  const t = dot(p.tagTerms, vt);
  const signals: Signals = {
    skills: s > 0 ? similarity(s, vs.norm, index.hot[h + HOT.skillNorm]!) : 0,
    tags: t > 0 ? similarity(t, vt.norm, index.hot[h + HOT.tagNorm]!) : 0,
    complementaryKind: p.card.kind !== viewer.kind ? 1 : 0,
    sameRegion: p.region === region ? 1 : 0,
    activity: index.hot[h + HOT.activity]!,
    socialProof: socialSignal(viewer.socialProof.get(p.userId)?.count ?? 0),
    openToCollaboration: p.openToCollaboration ? 1 : 0,
    ekoh: 0,
  };
  const damping = popularityDamping(p.followers) * freshness(p.lastActiveAt, now);
  return { person: p, signals, damping, score: weightedMean(signals, weights, ekoh) * damping, shared: { skills: [], tags: [] } };
}

/** The shared terms as the candidate writes them, rarest first. */
function sharedNames(index: PopulationIndex, theirs: number[], mine: ViewerTerms, names: string[], key: (v: string) => string): string[] {
  const common = theirs.filter((t) => mine.weight.has(t)).sort((a, b) => index.df(a) - index.df(b));
  if (common.length === 0) return [];
  const byKey = new Map(names.map((name) => [key(name), name.trim()]));
  return common.map((t) => byKey.get(index.termNames[t]!) ?? index.termNames[t]!.slice(2));
}

/** Adds the reputation signal to already ranked candidates and re-sorts them. */
export function withEkoh(ranked: Ranked[], scores: Map<string, number>, weights: SignalWeights): Ranked[] {
  return sortRanked(
    ranked.map((r) => {
      const signals = { ...r.signals, ekoh: clamp01(scores.get(r.person.userId) ?? 0) };
      return { ...r, signals, score: weightedMean(signals, weights, true) * r.damping };
    }),
  );
}

export function sortRanked(ranked: Ranked[]): Ranked[] {
  return ranked.sort((a, b) => b.score - a.score || (a.person.card.handle < b.person.card.handle ? -1 : 1));
}

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
