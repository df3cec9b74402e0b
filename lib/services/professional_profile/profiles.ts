import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { profiles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { handleSchema } from "@/lib/validation/accounts";

import type { Actor } from "./types";

export type ProfileSummary = {
  id: string;
  handle: string;
  displayName: string;
  kind: "creator" | "diffuser";
  createdAt: Date;
};

/** A profile as `actor` may see it; 404 for unknown handles. */
export async function getProfileByHandle(db: Db, _actor: Actor, handle: string): Promise<ProfileSummary> {
  const parsed = handleSchema.safeParse(handle);
  if (!parsed.success) throw new AppError("not_found", "No profile with this handle.");
  const [row] = await db
    .select({ id: profiles.userId, handle: profiles.handle, displayName: profiles.displayName, kind: profiles.kind, createdAt: profiles.createdAt })
    .from(profiles)
    .where(sql`lower(${profiles.handle}) = ${parsed.data}`)
    .limit(1);
  if (!row) throw new AppError("not_found", "No profile with this handle.");
  return row;
}

/** Maps handles to user ids; the answer only holds the handles that exist. */
export async function userIdsByHandles(db: Db, handles: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(handles.map((h) => h.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: profiles.userId, handle: profiles.handle }).from(profiles).where(inArray(profiles.handle, wanted));
  return new Map(rows.map((r) => [r.handle, r.id]));
}
