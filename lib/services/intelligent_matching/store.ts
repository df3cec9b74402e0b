import type { Db } from "@/db/client";
import { MATCHING } from "./config";
import { allProfileIds, loadPeople, loadStats, profilesUpdatedSince } from "./load";
import { PopulationIndex } from "./population";

/**
 * One population index per database per process, built on first use and then kept fresh:
 * - before every ranking: people marked changed in this process are reloaded, and profiles
 *   created since the last look (cheap: index on created_at; read with the viewer's context in
 *   one statement) are loaded by catchUp;
 * - in the background, at most every deltaEveryMs: every profile updated since the last look
 *   (changes made through another process), and every statsEveryMs: activity and followers.
 * Exclusions never depend on this: they are read fresh for every request (see eligible.ts).
 */
type State = {
  index: PopulationIndex;
  /** The most active people (slots), always among the candidates. */
  activePool: number[];
  createdSeen: number;
  updatedSeen: number;
  deltaAt: number;
  statsAt: number;
  dirty: Set<string>;
  ready: Promise<void>;
  background: Promise<void> | null;
};

/** Transactions commit after their now(): look back this far so a late commit is not missed. */
const OVERLAP_MS = 60_000;
const CREATED_OVERLAP_MS = 5_000;

const holder = globalThis as typeof globalThis & { __kontactMatching?: Map<Db, State> };
const states = (holder.__kontactMatching ??= new Map<Db, State>());

export type Population = {
  index: PopulationIndex;
  activePool: readonly number[];
  /** Profiles created after this (ms) may be missing: the caller reads them with its own query and hands them to catchUp. */
  createdSince: number;
  /** Loads the profiles among `created` that the index does not hold in that version yet. */
  catchUp(created: { userId: string; updatedAt: number }[]): Promise<void>;
};

function pickActive(index: PopulationIndex): number[] {
  const slots: number[] = [];
  index.people.forEach((p, slot) => {
    if (p && !p.hidden && p.activity > 0) slots.push(slot);
  });
  return slots.sort((a, b) => index.people[b]!.activity - index.people[a]!.activity).slice(0, MATCHING.index.activePool);
}

async function build(db: Db, now: number): Promise<Omit<State, "ready" | "background" | "dirty">> {
  const [people, stats] = await Promise.all([loadPeople(db), loadStats(db, now)]);
  const index = new PopulationIndex();
  index.setStats(stats);
  index.load(people);
  const newest = (key: "createdAt" | "updatedAt") => people.reduce((max, p) => Math.max(max, p[key]), 0);
  return { index, activePool: pickActive(index), createdSeen: newest("createdAt"), updatedSeen: newest("updatedAt"), deltaAt: now, statsAt: now };
}

async function reload(db: Db, state: State, ids: string[]): Promise<void> {
  const people = await loadPeople(db, ids);
  const found = new Set(people.map((p) => p.userId));
  for (const p of people) {
    state.index.upsert(p);
    state.createdSeen = Math.max(state.createdSeen, p.createdAt);
    state.updatedSeen = Math.max(state.updatedSeen, p.updatedAt);
  }
  for (const id of ids) if (!found.has(id)) state.index.remove(id);
}

/** Changes this process knows about: reloaded before each ranking. */
async function reloadDirty(db: Db, state: State): Promise<void> {
  if (state.dirty.size === 0) return;
  const ids = [...state.dirty];
  state.dirty.clear();
  await reload(db, state, ids);
}

async function refreshInBackground(db: Db, state: State, now: number): Promise<void> {
  const { ids, total } = await profilesUpdatedSince(db, state.updatedSeen - OVERLAP_MS);
  await reload(db, state, ids);
  state.deltaAt = now;
  // Deletions leave nothing to scan for; a count that disagrees is the sign to look them up.
  if (total !== state.index.size) {
    const present = new Set(await allProfileIds(db));
    for (const p of state.index.people) if (p && !present.has(p.userId)) state.index.remove(p.userId);
  }
  if (now - state.statsAt >= MATCHING.index.statsEveryMs) {
    state.index.setStats(await loadStats(db, now));
    state.activePool = pickActive(state.index);
    state.statsAt = now;
  }
}

/** The index for `db`, built if needed and caught up with this process's changes and with sign-ups. */
export async function population(db: Db, now = Date.now()): Promise<Population> {
  let state = states.get(db);
  if (!state) {
    const fresh: State = {
      index: new PopulationIndex(),
      activePool: [],
      createdSeen: 0,
      updatedSeen: 0,
      deltaAt: 0,
      statsAt: 0,
      dirty: new Set(),
      background: null,
      ready: Promise.resolve(),
    };
    fresh.ready = build(db, now).then(
      (built) => void Object.assign(fresh, built),
      (error: unknown) => {
        states.delete(db);
        throw error;
      },
    );
    states.set(db, fresh);
    state = fresh;
  }
  await state.ready;
  await reloadDirty(db, state);
  if (!state.background && now - state.deltaAt >= MATCHING.index.deltaEveryMs) {
    const s = state;
    s.background = refreshInBackground(db, s, now)
      .catch((error: unknown) => console.warn("matching: background index refresh failed", error))
      .finally(() => {
        s.background = null;
      });
  }
  return view(db, state);
}

function view(db: Db, state: State): Population {
  return {
    index: state.index,
    activePool: state.activePool,
    createdSince: state.createdSeen - CREATED_OVERLAP_MS,
    catchUp: async (created) => {
      const stale = created.filter((c) => (state.index.person(c.userId)?.updatedAt ?? -1) < c.updatedAt).map((c) => c.userId);
      if (stale.length) await reload(db, state, stale);
    },
  };
}

/** Marks a person as changed in every index of this process (their row is reloaded before the next ranking). */
export function markPersonChanged(userId: string): void {
  for (const state of states.values()) state.dirty.add(userId);
}

/** Brings the index fully up to date now (tests, benches, and after bulk imports). */
export async function refreshPopulation(db: Db, now = Date.now()): Promise<Population> {
  const state = states.get(db);
  if (!state) return population(db, now);
  await state.ready;
  await state.background;
  await refreshInBackground(db, state, now);
  state.index.setStats(await loadStats(db, now));
  state.activePool = pickActive(state.index);
  state.statsAt = now;
  return view(db, state);
}

/** Forgets the index of `db` (or every index), e.g. when a test closes its database. */
export function dropPopulation(db?: Db): void {
  if (db) states.delete(db);
  else states.clear();
}
