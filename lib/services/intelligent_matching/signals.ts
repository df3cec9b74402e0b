import { MATCHING } from "./config";

const DAY_MS = 24 * 60 * 60 * 1000;

/** 1 while someone was active in the last freshnessGraceDays, then halving every freshnessHalfLifeDays, never below the floor. */
export function freshness(lastActiveAt: number, now: number): number {
  const days = (now - lastActiveAt) / DAY_MS;
  if (days <= MATCHING.freshnessGraceDays) return 1;
  return Math.max(MATCHING.freshnessFloor, 0.5 ** ((days - MATCHING.freshnessGraceDays) / MATCHING.freshnessHalfLifeDays));
}

/** (1 + log10(1 + followers))^-e: 0 followers → 1, 1,000 → ~0.76 with e = 0.2. */
export function popularityDamping(followers: number): number {
  return (1 + Math.log10(1 + followers)) ** -MATCHING.popularityExponent;
}

/** Decayed event mass → [0, 1): one artwork today ≈ 0.63, three ≈ 0.95. */
export const activitySignal = (activity: number) => 1 - Math.exp(-Math.max(0, activity));

/** How many of your follows follow them → [0, 1], saturating at socialProofSaturation. */
export const socialSignal = (count: number) => Math.min(1, Math.log1p(count) / Math.log1p(MATCHING.socialProofSaturation));
