import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { blocks, profiles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { handleSchema } from "@/lib/validation/accounts";
import type { Actor, ProfileVisibility } from "./types";

/**
 * Who may see a profile, in one place:
 * - its owner, always;
 * - nobody else when a block stands between them and the owner, in either direction;
 * - nobody else when it is hidden;
 * - signed-in people only when it is members-only;
 * - anyone when it is public.
 * Whoever may not see a profile gets not_found, as if it did not exist.
 */
export function canView(viewer: Actor, profileOwnerId: string, visibility: ProfileVisibility, blockedEitherWay: boolean): boolean {
  if (viewer && viewer.id === profileOwnerId) return true;
  if (blockedEitherWay) return false;
  if (visibility === "hidden") return false;
  if (visibility === "members") return viewer !== null;
  return true;
}

/** The same rule as canView, as a WHERE condition on `profiles` for lists (search, matching). */
export function viewableProfileCondition(viewer: Actor): SQL {
  if (!viewer) return sql`${profiles.visibility} = 'public'`;
  return sql`(${profiles.userId} = ${viewer.id} or (${profiles.visibility} <> 'hidden' and not exists (
    select 1 from ${blocks}
    where (${blocks.blockerId} = ${viewer.id} and ${blocks.blockedId} = ${profiles.userId})
       or (${blocks.blockerId} = ${profiles.userId} and ${blocks.blockedId} = ${viewer.id}))))`;
}

export const profileNotFound = () => new AppError("not_found", "No profile with this handle.");

/** The signed-in actor, or 401. */
export function requireActor(actor: Actor): { id: string } {
  if (!actor) throw new AppError("unauthorized", "Sign in first.");
  return actor;
}

/** True when either user has blocked the other. */
export async function isBlockedEitherWay(db: Db, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  const [row] = await db
    .select({ one: sql`1` })
    .from(blocks)
    .where(or(and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)), and(eq(blocks.blockerId, b), eq(blocks.blockedId, a))))
    .limit(1);
  return Boolean(row);
}

/** Everyone in a block with `userId`, whoever blocked whom (for matching, workspaces, endorsements). */
export async function blockedUserIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: sql<string>`case when ${blocks.blockerId} = ${userId} then ${blocks.blockedId} else ${blocks.blockerId} end` })
    .from(blocks)
    .where(or(eq(blocks.blockerId, userId), eq(blocks.blockedId, userId)));
  return [...new Set(rows.map((r) => r.id))];
}

/** The profile columns services work with (the search columns stay in the database). */
export const profileColumns = {
  userId: profiles.userId,
  handle: profiles.handle,
  displayName: profiles.displayName,
  kind: profiles.kind,
  headline: profiles.headline,
  bio: profiles.bio,
  skills: profiles.skills,
  region: profiles.region,
  openToCollaboration: profiles.openToCollaboration,
  links: profiles.links,
  avatarFile: profiles.avatarFile,
  visibility: profiles.visibility,
  createdAt: profiles.createdAt,
};

export type ProfileRow = {
  userId: string;
  handle: string;
  displayName: string;
  kind: "creator" | "diffuser";
  headline: string;
  bio: string;
  skills: string[];
  region: string;
  openToCollaboration: boolean;
  links: { label: string; url: string }[];
  avatarFile: string | null;
  visibility: ProfileVisibility;
  createdAt: Date;
};

/** A profile by handle (case-insensitive) with no access check; null when unknown or malformed. */
export async function findProfileRow(db: Db, handle: string): Promise<ProfileRow | null> {
  const parsed = handleSchema.safeParse(handle);
  if (!parsed.success) return null;
  const [row] = await db.select(profileColumns).from(profiles).where(sql`lower(${profiles.handle}) = ${parsed.data}`).limit(1);
  return row ?? null;
}

/** Whether `viewer` may see this profile, blocks included. */
export async function isViewable(db: Db, viewer: Actor, row: Pick<ProfileRow, "userId" | "visibility">): Promise<boolean> {
  const blocked = viewer ? await isBlockedEitherWay(db, viewer.id, row.userId) : false;
  return canView(viewer, row.userId, row.visibility, blocked);
}

/** A profile `viewer` may see; not_found when it is unknown or hidden from them. */
export async function findViewableProfile(db: Db, viewer: Actor, handle: string): Promise<ProfileRow> {
  const row = await findProfileRow(db, handle);
  if (!row || !(await isViewable(db, viewer, row))) throw profileNotFound();
  return row;
}

/** Serialises follow/block changes for one pair of users until the transaction ends. */
export async function lockPair(tx: Db, a: string, b: string): Promise<void> {
  const key = `kontact:pair:${[a, b].sort().join(":")}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}
