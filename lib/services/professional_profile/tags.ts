import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { profileTag, tag } from "@/db/schema";

/**
 * Ids of the named tags in the shared `tag` table, creating the missing ones. Names must already be
 * normalised (lib/validation/profiles `tagNameSchema`). Call it inside the caller's transaction.
 */
export async function ensureTagIds(tx: Db, names: readonly string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(names)];
  if (wanted.length === 0) return new Map();
  await tx.insert(tag).values(wanted.map((name) => ({ name }))).onConflictDoNothing();
  const rows = await tx.select({ id: tag.id, name: tag.name }).from(tag).where(inArray(tag.name, wanted));
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** A person's own tags, alphabetical. */
export async function profileTagNames(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ name: tag.name })
    .from(profileTag)
    .innerJoin(tag, eq(tag.id, profileTag.tagId))
    .where(eq(profileTag.userId, userId))
    .orderBy(tag.name);
  return rows.map((r) => r.name);
}

/** Makes `names` the person's tags exactly; run inside the profile update's transaction. */
export async function replaceProfileTags(tx: Db, userId: string, names: readonly string[]): Promise<void> {
  await tx.delete(profileTag).where(eq(profileTag.userId, userId));
  const ids = await ensureTagIds(tx, names);
  if (ids.size === 0) return;
  await tx.insert(profileTag).values([...ids.values()].map((tagId) => ({ userId, tagId })));
}
