/**
 * Cache tags for data cached across requests (`unstable_cache`). Anything that changes what a
 * tag covers must expire it: `updateTag(tag)` in a server action (the author sees the change at
 * once), `revalidateTag(tag, { expire: 0 })` in a route handler.
 */

/** The public view of one profile: its fields, avatar, counts and portfolio. Handles are lowercase. */
export function profileCacheTag(handle: string): string {
  return `profile:${handle.toLowerCase()}`;
}
