import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { profileCacheTag } from "@/lib/cache-tags";
import { isAppError } from "@/lib/errors";
import { getProfile, getRelationship, isBlockedEitherWay, type Profile, type Relationship } from "@/lib/services/professional_profile";
import { revealClock } from "./load-trust";

/** "%40Ana" → "ana"; null when the segment cannot be decoded. */
export function normaliseHandle(raw: string): string | null {
  try {
    return decodeURIComponent(raw).trim().replace(/^@/, "").toLowerCase();
  } catch {
    return null;
  }
}

async function orNullWhenNotFound<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
}

/**
 * The profile as an anonymous visitor sees it, cached across requests under the profile's tag.
 * Only public profiles are cached: a miss (unknown, members-only, hidden) throws inside the cache
 * so nothing is stored and the next visit asks again.
 */
export async function publicProfile(handle: string): Promise<Profile | null> {
  // Its stats count endorsements, which also publish by themselves with time (see revealClock).
  const clock = await revealClock(handle);
  const cached = unstable_cache(async (h: string) => getProfile(await getDb(), null, h), ["public-profile", handle, clock.key], {
    tags: [profileCacheTag(handle)],
    revalidate: clock.revalidate,
  });
  return orNullWhenNotFound(cached(handle));
}

export type LoadedProfile = {
  profile: Profile;
  isOwner: boolean;
  /** The signed-in visitor, when there is one. */
  viewer: { id: string; handle: string; displayName: string } | null;
  /** How the visitor relates to this person; null for anonymous visitors and the owner. */
  relationship: Relationship | null;
};

/**
 * The profile at /profile/[user] for this visitor, or null when there is none to show. Public
 * data comes from the shared cache for anonymous visitors and is read fresh for members; the
 * visitor's relationship is never cached. Per request, so layout, metadata and page share it.
 */
export const loadProfile = cache(async (rawHandle: string): Promise<LoadedProfile | null> => {
  const handle = normaliseHandle(rawHandle);
  if (!handle) return null;
  const viewer = await getCurrentUser();
  // Signed-in visitors read fresh: the page is rendered for them anyway, and a shared entry can be
  // refilled with data from just before a change by a render that started before it (seen with a
  // published final artwork). Anonymous visitors get the shared, tag-expired cache.
  let profile = viewer ? await orNullWhenNotFound(getProfile(await getDb(), null, handle)) : await publicProfile(handle);
  if (viewer && (!profile || profile.id === viewer.id)) {
    profile = await orNullWhenNotFound(getProfile(await getDb(), { id: viewer.id }, handle));
  }
  if (!profile) return null;
  const isOwner = viewer?.id === profile.id;
  let relationship: Relationship | null = null;
  if (viewer && !isOwner) {
    const db = await getDb();
    const [found, blocked] = await Promise.all([getRelationship(db, { id: viewer.id }, profile.id), isBlockedEitherWay(db, viewer.id, profile.id)]);
    // Someone who blocked the viewer does not exist for them (the service's rule, applied to the cached view too).
    // The viewer's own block is shown, with a way to undo it; the page then holds no more than the header.
    if (blocked && !found.blockedByYou) return null;
    relationship = found;
  }
  return { profile, isOwner, viewer: viewer ? { id: viewer.id, handle: viewer.handle, displayName: viewer.displayName } : null, relationship };
});
