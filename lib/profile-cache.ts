import "server-only";
import { randomUUID } from "node:crypto";
import { revalidateTag } from "next/cache";
import { getKv } from "@/lib/kv";
import { profileCacheTag } from "./cache-tags";

/**
 * How long a change is remembered for renders that were already under way when it happened:
 * longer than any render of the cached page may take (app/profile/~cached).
 */
export const CHANGE_MEMORY_SECONDS = 60;

const changedKey = (handle: string) => `profile-changed:${handle.toLowerCase()}`;

/**
 * What these profiles show has changed: leave a new change mark (for renders already under way,
 * see `changeMark`), then expire their cached page at once, so the next read, the author's own
 * included, is fresh. Every write that changes a profile's page calls this, from server actions
 * and route handlers alike, after the write has committed.
 */
export async function expireProfiles(...handles: string[]): Promise<void> {
  const kv = getKv();
  for (const handle of new Set(handles.map((h) => h.toLowerCase()))) {
    await kv.set(changedKey(handle), randomUUID(), { ttlSeconds: CHANGE_MEMORY_SECONDS });
    revalidateTag(profileCacheTag(handle), { expire: 0 });
  }
}

/**
 * The profile's latest change mark (null when it has not changed for CHANGE_MEMORY_SECONDS).
 * A render that started before a change may have read the old data and would otherwise be stored
 * after the expiry, as fresh: a mark that differs after the render from the one read before it
 * says a change happened meanwhile. Random marks rather than times, so that no instance's clock
 * is compared with another's.
 */
export async function changeMark(handle: string): Promise<string | null> {
  return getKv().get<string>(changedKey(handle));
}
