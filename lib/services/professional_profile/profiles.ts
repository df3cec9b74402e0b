import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { blocks, follows, profiles } from "@/db/schema";
import { AppError } from "@/lib/errors";
// The file, not the barrel: stats.ts depends on the schema only, so the two services do not import each other in a cycle.
import { endorsementStats } from "@/lib/services/partner_recommendation/stats";
import { mediaUrl } from "@/lib/storage/urls";
import { updateProfileSchema } from "@/lib/validation/profiles";
import { parseInput } from "@/lib/validation/parse";
import { followCounts } from "./follows";
import { listPortfolio } from "./portfolio";
import { buildSearchDocument } from "./search-document";
import { profileTagNames, replaceProfileTags } from "./tags";
import type { Actor, Profile, Relationship } from "./types";
import { canView, findViewableProfile, profileColumns, requireActor, type ProfileRow } from "./visibility";

export type ProfileSummary = {
  id: string;
  handle: string;
  displayName: string;
  kind: "creator" | "diffuser";
  createdAt: Date;
};

/** A profile's summary as `actor` may see it; 404 for unknown handles and profiles hidden from them. */
export async function getProfileByHandle(db: Db, actor: Actor, handle: string): Promise<ProfileSummary> {
  const row = await findViewableProfile(db, actor, handle);
  return { id: row.userId, handle: row.handle, displayName: row.displayName, kind: row.kind, createdAt: row.createdAt };
}

/** Maps handles to user ids; the answer only holds the handles that exist. */
export async function userIdsByHandles(db: Db, handles: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(handles.map((h) => h.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: profiles.userId, handle: profiles.handle }).from(profiles).where(inArray(profiles.handle, wanted));
  return new Map(rows.map((r) => [r.handle, r.id]));
}

/**
 * Display names for handles the caller has already been allowed to see (a session's members, say);
 * the answer only holds the handles that exist.
 */
export async function displayNamesByHandles(db: Db, handles: string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(handles.map((h) => h.toLowerCase()))];
  if (wanted.length === 0) return {};
  const rows = await db.select({ handle: profiles.handle, name: profiles.displayName }).from(profiles).where(inArray(profiles.handle, wanted));
  return Object.fromEntries(rows.map((r) => [r.handle, r.name]));
}

/**
 * userIdsByHandles for handles `viewer` names to invite: a hidden profile (not the viewer's own)
 * is left out, so it answers like a handle that does not exist. Blocks are left to the caller,
 * which refuses them with its own answer.
 */
export async function invitableUserIds(db: Db, viewer: { id: string }, handles: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(handles.map((h) => h.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: profiles.userId, handle: profiles.handle, visibility: profiles.visibility }).from(profiles).where(inArray(profiles.handle, wanted));
  return new Map(rows.filter((r) => canView(viewer, r.id, r.visibility, false)).map((r) => [r.handle, r.id]));
}

async function toProfile(db: Db, row: ProfileRow): Promise<Profile> {
  const artworks = await listPortfolio(db, row.userId);
  const tags = await profileTagNames(db, row.userId);
  const counts = await followCounts(db, row.userId);
  const trust = await endorsementStats(db, row.userId);
  return {
    id: row.userId,
    handle: row.handle,
    displayName: row.displayName,
    kind: row.kind,
    headline: row.headline,
    bio: row.bio,
    skills: row.skills,
    tags,
    region: row.region,
    links: row.links,
    openToCollaboration: row.openToCollaboration,
    avatarUrl: row.avatarFile ? mediaUrl(row.avatarFile) : null,
    visibility: row.visibility,
    artworks,
    stats: { ...counts, ...trust },
    createdAt: row.createdAt.toISOString(),
  };
}

/** The full profile (API.md `Profile`) as `actor` may see it; not_found when unknown or hidden from them. */
export async function getProfile(db: Db, actor: Actor, handle: string): Promise<Profile> {
  return toProfile(db, await findViewableProfile(db, actor, handle));
}

async function ownRow(db: Db, userId: string): Promise<ProfileRow> {
  const [row] = await db.select(profileColumns).from(profiles).where(eq(profiles.userId, userId)).limit(1);
  if (!row) throw new AppError("not_found", "You have no profile yet.");
  return row;
}

/** How the actor relates to a profile's owner, for the page's buttons; all false when signed out. */
export async function getRelationship(db: Db, actor: Actor, targetUserId: string): Promise<Relationship> {
  const none: Relationship = { isSelf: false, following: false, followsYou: false, blockedByYou: false };
  if (!actor) return none;
  if (actor.id === targetUserId) return { ...none, isSelf: true };
  const followRows = await db
    .select({ followerId: follows.followerId })
    .from(follows)
    .where(
      or(
        and(eq(follows.followerId, actor.id), eq(follows.followeeId, targetUserId)),
        and(eq(follows.followerId, targetUserId), eq(follows.followeeId, actor.id)),
      ),
    );
  const [blockRow] = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(and(eq(blocks.blockerId, actor.id), eq(blocks.blockedId, targetUserId)))
    .limit(1);
  return {
    isSelf: false,
    following: followRows.some((r) => r.followerId === actor.id),
    followsYou: followRows.some((r) => r.followerId === targetUserId),
    blockedByYou: Boolean(blockRow),
  };
}

/**
 * Updates the actor's own profile with any subset of the editable fields (validated by
 * updateProfileSchema; 422 naming each bad field). Tags go through the shared `tag` table, and
 * search_document is rebuilt, all in one transaction: a refused update changes nothing.
 */
export async function updateProfile(db: Db, actor: Actor, raw: unknown): Promise<Profile> {
  const me = requireActor(actor);
  const { tags: newTags, ...fields } = parseInput(updateProfileSchema, raw);
  await db.transaction(async (tx) => {
    // The row lock orders concurrent updates, so the search document matches the final state.
    const [current] = await tx.select(profileColumns).from(profiles).where(eq(profiles.userId, me.id)).for("update");
    if (!current) throw new AppError("not_found", "You have no profile yet.");
    if (newTags) await replaceProfileTags(tx, me.id, newTags);
    const tags = newTags ?? (await profileTagNames(tx, me.id));
    const next = { ...current, ...fields };
    await tx
      .update(profiles)
      .set({ ...fields, searchDocument: buildSearchDocument({ ...next, tags }), updatedAt: new Date() })
      .where(eq(profiles.userId, me.id));
  });
  return toProfile(db, await ownRow(db, me.id));
}

/**
 * Points the actor's avatar at a file under MEDIA_ROOT (or removes it with null) and returns the
 * previous path, so the caller can delete that file once this has succeeded.
 */
export async function setAvatarFile(db: Db, actor: Actor, relPath: string | null): Promise<string | null> {
  const me = requireActor(actor);
  if (relPath !== null && (relPath === "" || relPath.startsWith("/") || relPath.includes("\\") || relPath.split("/").includes(".."))) {
    throw new Error(`setAvatarFile: expected a path relative to MEDIA_ROOT, got ${JSON.stringify(relPath)}`);
  }
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ avatarFile: profiles.avatarFile }).from(profiles).where(eq(profiles.userId, me.id)).for("update");
    if (!current) throw new AppError("not_found", "You have no profile yet.");
    await tx.update(profiles).set({ avatarFile: relPath, updatedAt: new Date() }).where(eq(profiles.userId, me.id));
    return current.avatarFile;
  });
}
