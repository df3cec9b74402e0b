import "server-only";
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
 * What these profiles show has changed: note when (for renders already under way, see
 * `changedSince`), then expire their cached page at once, so the next read, the author's own
 * included, is fresh. Every write that changes a profile's page calls this, from server actions
 * and route handlers alike, after the write has committed.
 */
export async function expireProfiles(...handles: string[]): Promise<void> {
  const kv = getKv();
  const now = Date.now();
  for (const handle of new Set(handles.map((h) => h.toLowerCase()))) {
    await kv.set(changedKey(handle), now, { ttlSeconds: CHANGE_MEMORY_SECONDS });
    revalidateTag(profileCacheTag(handle), { expire: 0 });
  }
}

/**
 * Whether the profile changed at or after `since` (epoch ms). A render that started before a
 * change may have read the old data and would otherwise be stored after the expiry, as fresh.
 */
export async function changedSince(handle: string, since: number): Promise<boolean> {
  const at = await getKv().get<number>(changedKey(handle));
  return at !== null && at >= since;
}
