/**
 * Cache tags for what is cached across requests. Changes expire them through the helpers that
 * own each cache (for profiles, `expireProfiles` in lib/profile-cache.ts), never directly.
 */

/** The anonymous page of one profile (app/profile/~cached): fields, avatar, counts, portfolio, endorsements. */
export function profileCacheTag(handle: string): string {
  return `profile:${handle.toLowerCase()}`;
}
