import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { getProfile, getRelationship, isBlockedEitherWay, type Profile, type Relationship } from "@/lib/services/professional_profile";

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
 * The profile as an anonymous visitor sees it, read fresh; null when not public. Anonymous visitors
 * get the whole page from a cache (app/profile/~cached), which is the one cache of a profile: a
 * second layer under it could be refilled with data from just before a change.
 */
export async function publicProfile(handle: string): Promise<Profile | null> {
  return orNullWhenNotFound(getProfile(await getDb(), null, handle));
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
 * The profile at /profile/[user] for this visitor, or null when there is none to show, read fresh
 * with the visitor's relationship. Per request, so layout, metadata and page share it.
 */
export const loadProfile = cache(async (rawHandle: string): Promise<LoadedProfile | null> => {
  const handle = normaliseHandle(rawHandle);
  if (!handle) return null;
  const viewer = await getCurrentUser();
  let profile = await publicProfile(handle);
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
