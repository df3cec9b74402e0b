import type { Db } from "@/db/client";
import { getKv, type KvStore } from "@/lib/kv";
import { requireActor } from "@/lib/services/professional_profile";
import { matchesQuerySchema } from "@/lib/validation/matching";
import { parseInput } from "@/lib/validation/parse";
import { cacheVersion, readCachedMatches, writeCachedMatches, type CachedMatches } from "./cache";
import { MATCHING, type MatchIntent } from "./config";
import { ekohProvider, ekohScores } from "./ekoh";
import { eligibleNow, visibleNow } from "./eligible";
import { rankCandidates, withEkoh } from "./rank";
import { reasonsFor } from "./reasons";
import { population } from "./store";
import type { MatchList } from "./types";
import { loadViewer } from "./viewer";

export type SuggestOptions = {
  /** The cache; null computes every time (benches, tests). Defaults to getKv(). */
  kv?: KvStore | null;
  now?: number;
};

const round = (score: number) => Math.round(score * 10_000) / 10_000;

/** Ranks, explains and checks `want` suggestions for one viewer (no cache involved). */
export async function computeMatches(db: Db, userId: string, intent: MatchIntent, want: number, now: number): Promise<CachedMatches> {
  const { index, activePool, createdSince, catchUp } = await population(db, now);
  const loaded = await loadViewer(db, userId, intent, now, createdSince);
  if (!loaded) return { complete: true, ids: [], items: [] };
  const { viewer, row } = loaded;
  await catchUp(loaded.created);
  // The viewer's own row is fresh; keep the index in step (others see the change too).
  if ((index.person(userId)?.updatedAt ?? -1) < row.updatedAt) index.upsert(row);

  const provider = ekohProvider();
  const weights = MATCHING.weights[intent];
  const k = provider ? want * 3 : want;
  let ranked = rankCandidates(index, viewer, activePool, { intent, k, now, ekoh: Boolean(provider) });
  const complete = ranked.length < k;
  if (provider) ranked = withEkoh(ranked, await ekohScores(provider, ranked.map((r) => r.person.userId)), weights).slice(0, want);

  // Blocks, dismissals and follows were read with the context; visibility may have changed in another process since the index looked.
  const allowed = await visibleNow(db, ranked.map((r) => r.person.userId));
  const nameOf = (id: string) => {
    const p = index.person(id);
    return p && !p.hidden ? p.card.displayName : undefined;
  };
  const kept = ranked.filter((r) => allowed.has(r.person.userId));
  return {
    complete,
    ids: kept.map((r) => r.person.userId),
    items: kept.map((r) => ({ profile: r.person.card, score: round(r.score), reasons: reasonsFor(viewer, r, weights, nameOf, Boolean(provider)) })),
  };
}

/**
 * Suggestions for the signed-in actor (API.md "Matching"): `limit` (1-100, default 20) people
 * for `intent` (follow, contact, collaborate), best first, each with a score in [0, 1] and its
 * reasons. Served from the per-user cache when it holds a list for this version, intent and
 * limit; either way every person is checked against blocks, dismissals, follows and visibility
 * at the moment of the request.
 */
export async function suggestMatches(db: Db, actor: { id: string } | null, raw: unknown, opts: SuggestOptions = {}): Promise<MatchList> {
  const me = requireActor(actor);
  const { limit, intent } = parseInput(matchesQuerySchema, raw);
  let kv = opts.kv === undefined ? getKv() : opts.kv;
  const now = opts.now ?? Date.now();
  let version = "0";
  let cached: CachedMatches | null = null;
  try {
    version = kv ? await cacheVersion(kv, me.id) : "0";
    cached = kv ? await readCachedMatches(kv, me.id, version, intent, limit) : null;
  } catch (error) {
    // Without the cache we cannot know the version: compute, and do not store.
    console.warn("matching: cache unavailable, computing suggestions directly", error);
    kv = null;
  }
  if (cached) {
    const allowed = await eligibleNow(db, me.id, intent, cached.ids, now);
    const items = cached.items.filter((_, i) => allowed.has(cached.ids[i]!));
    if (items.length >= limit || cached.complete) return { items: items.slice(0, limit) };
  }
  const fresh = await computeMatches(db, me.id, intent, limit + MATCHING.cache.slack, now);
  if (kv) await writeCachedMatches(kv, me.id, version, intent, limit, fresh).catch((error: unknown) => console.warn("matching: could not cache suggestions", error));
  return { items: fresh.items.slice(0, limit) };
}
