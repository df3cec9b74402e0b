import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { opportunitySave } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { requireRow } from "./read";
import type { Actor } from "./types";

/** PUT /api/v1/opportunities/{id}/save: idempotent; a saved deadline shows in the calendar feed. */
export async function saveOpportunity(db: Db, actor: Actor, opportunityId: string): Promise<void> {
  if (!actor) throw new AppError("unauthorized", "Sign in to save opportunities.");
  await requireRow(db, opportunityId);
  await db.insert(opportunitySave).values({ userId: actor.id, opportunityId }).onConflictDoNothing();
}

/** DELETE /api/v1/opportunities/{id}/save: idempotent. */
export async function unsaveOpportunity(db: Db, actor: Actor, opportunityId: string): Promise<void> {
  if (!actor) throw new AppError("unauthorized", "Sign in to save opportunities.");
  await requireRow(db, opportunityId);
  await db.delete(opportunitySave).where(and(eq(opportunitySave.userId, actor.id), eq(opportunitySave.opportunityId, opportunityId)));
}
