import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { getOpportunity, viewerState } from "@/lib/services/opportunity_announcement";

/** The posting, the viewer and how they relate to it, or null when there is no such posting. Cached per request. */
export const loadOpportunity = cache(async (id: string) => {
  const [db, user] = await Promise.all([getDb(), getCurrentUser()]);
  try {
    const opportunity = await getOpportunity(db, user, id);
    const viewer = await viewerState(db, user, id);
    return { db, user, opportunity, viewer };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
});
