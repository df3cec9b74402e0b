import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { getProfileByHandle } from "@/lib/services/professional_profile";

/**
 * The profile at /profile/[user] and whether the viewer owns it, or null when no one has this
 * handle. Cached per request, so the layout, the metadata and the page share one lookup.
 */
export const loadProfile = cache(async (rawHandle: string) => {
  let handle: string;
  try {
    handle = decodeURIComponent(rawHandle);
  } catch {
    return null;
  }
  const [db, viewer] = await Promise.all([getDb(), getCurrentUser()]);
  try {
    const profile = await getProfileByHandle(db, viewer ? { id: viewer.id } : null, handle);
    return { profile, isOwner: viewer?.id === profile.id };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
});
