import { MATCH_INTENTS } from "@/lib/validation/matching";

export { MATCH_INTENTS };
export type MatchIntent = (typeof MATCH_INTENTS)[number];

export type SignalWeights = {
  /** Shared skills, rare ones counting more (IDF-weighted overlap, see rank.ts `similarity`). */
  skills: number;
  /** Shared profile tags, the same way. */
  tags: number;
  /** Creator ↔ diffuser. */
  complementaryKind: number;
  sameRegion: number;
  /** Recent artworks, sessions and postings, decayed with age. */
  activity: number;
  /** Followed by people the viewer follows. */
  socialProof: number;
  /** The person says they are open to collaboration. */
  openToCollaboration: number;
  /** The optional Ekoh / Smart-Vote reputation; counts only when a provider is on. */
  ekoh: number;
};

/**
 * Every knob of the ranking in one object. Weights are relative: a suggestion's score is the
 * weighted mean of its signals (each in [0, 1]) over the signals that are on, then damped for
 * popularity and inactivity, so it stays in [0, 1] whatever the weights are.
 */
export const MATCHING = {
  weights: {
    follow: { skills: 0.45, tags: 0.3, complementaryKind: 0, sameRegion: 0.05, activity: 0.1, socialProof: 0.1, openToCollaboration: 0, ekoh: 0.1 },
    contact: { skills: 0.3, tags: 0.2, complementaryKind: 0.22, sameRegion: 0.15, activity: 0.08, socialProof: 0.05, openToCollaboration: 0, ekoh: 0.1 },
    collaborate: { skills: 0.32, tags: 0.2, complementaryKind: 0.12, sameRegion: 0.14, activity: 0.1, socialProof: 0.04, openToCollaboration: 0.08, ekoh: 0.1 },
  } satisfies Record<MatchIntent, SignalWeights>,
  /** Popularity damping: score × (1 + log10(1 + followers))^-exponent, so the famous do not crowd out the long tail. */
  popularityExponent: 0.2,
  /** Social proof saturates at this many of your follows following them. */
  socialProofSaturation: 4,
  /** Activity events (artworks, sessions, postings) lose half their weight every this many days. */
  activityHalfLifeDays: 30,
  /** Freshness: no demotion for this long after someone's last sign of life, then halving every half-life, down to the floor. */
  freshnessGraceDays: 60,
  freshnessHalfLifeDays: 180,
  freshnessFloor: 0.2,
  /** "Recent" for the activity reason. */
  recentDays: 30,
  /** A `not_now` dismissal lapses after this many days; other reasons never do. */
  notNowDays: 30,
  /** At most this many shared items are named in one reason. */
  namedItems: 3,
  /** The Ekoh signal is off unless a provider is installed (see ekoh.ts). */
  ekohEnabledByDefault: false,
  cache: {
    /** Seconds a user's computed suggestions are served from lib/kv before being recomputed. */
    ttlSeconds: 300,
    /** The per-user version token outlives every entry made under the previous one. */
    versionTtlSeconds: 900,
    /** Extra ranked people kept so a few exclusions since caching do not force a recompute. */
    slack: 10,
  },
  index: {
    /** A full scan for changed profiles runs in the background at most this often. */
    deltaEveryMs: 15_000,
    /** Activity and follower counts are recounted this often. */
    statsEveryMs: 5 * 60_000,
    /** When the population has grown or shrunk by this share, document norms are recomputed for the new IDF. */
    renormShare: 0.05,
    /** People with the most recent activity, always considered, so an empty profile still gets suggestions. */
    activePool: 300,
    /** Rare-term prefilter: terms held by at most this share of people (or rareDfFloor people) are always walked... */
    rareShare: 0.01,
    rareDfFloor: 100,
    /** ...and commoner ones only until this many candidates have been found, adding at most maxPool in all. */
    minPool: 5_000,
    maxPool: 20_000,
    /** Followees of the viewer looked at for social proof. */
    maxFollowees: 500,
  },
} as const;

export const MATCH_RATE_LIMITS = {
  dismiss: { limit: 300, windowSeconds: 60 * 60 },
  invite: { limit: 30, windowSeconds: 60 * 60 },
} as const;
