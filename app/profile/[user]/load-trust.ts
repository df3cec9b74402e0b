import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { listEndorsements, revealTimes, type EndorsementPage } from "@/lib/services/partner_recommendation";

/** How many published endorsements the profile page shows (the API pages through all of them). */
export const TRUST_PANEL_LIMIT = 20;

/**
 * Key and lifetime for the cached anonymous page of a profile (app/profile/~cached), which shows
 * endorsements. Writes expire the profile's tag, but a pending endorsement also publishes by
 * itself 14 days after its context concluded, with no write. So the cache key carries the latest
 * such time already passed (a new key, hence a fresh page, from that instant) and the page lives
 * until the next one. Once per request.
 */
export const revealClock = cache(async (handle: string): Promise<{ key: string; revalidate: number | false }> => {
  const { lastPassed, next } = await revealTimes(await getDb(), handle);
  return {
    key: lastPassed ? String(lastPassed.getTime()) : "none",
    revalidate: next ? Math.max(1, Math.ceil((next.getTime() - Date.now()) / 1000)) : false,
  };
});

/** The published endorsements of a profile as anyone sees them; null when not public. */
export async function publicTrust(handle: string): Promise<EndorsementPage | null> {
  try {
    return await listEndorsements(await getDb(), null, handle, { limit: TRUST_PANEL_LIMIT });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
}

/** For someone who may see a profile that is not public (members-only, or their own hidden one): read fresh. */
export async function trustFor(viewer: { id: string }, handle: string): Promise<EndorsementPage | null> {
  try {
    return await listEndorsements(await getDb(), viewer, handle, { limit: TRUST_PANEL_LIMIT });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
}
