import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { getWorkspace } from "@/lib/services/collaboration_workspace";

/** The workspace and the signed-in viewer, or null when there is none they may see. Cached per request. */
export const loadWorkspace = cache(async (id: string) => {
  const [db, user] = await Promise.all([getDb(), getCurrentUser()]);
  if (!user) return { db, user: null, workspace: null } as const;
  try {
    return { db, user, workspace: await getWorkspace(db, user, id) } as const;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return { db, user, workspace: null } as const;
    throw error;
  }
});
