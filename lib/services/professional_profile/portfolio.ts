import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { artworkContributor, artworkTag, kreativeArtwork, profiles, tag } from "@/db/schema";
import { mediaUrl } from "@/lib/storage/urls";
import type { Artwork } from "./types";

type ArtworkRow = typeof kreativeArtwork.$inferSelect;

export function toArtwork(row: ArtworkRow, tags: string[], artistHandle: string): Artwork {
  return {
    id: row.id,
    title: row.title,
    style: row.style,
    mediaType: row.mediaType,
    mediaUrl: mediaUrl(row.mediaFile),
    thumbnailUrl: row.thumbnailFile ? mediaUrl(row.thumbnailFile) : null,
    width: row.width,
    height: row.height,
    altText: row.altText,
    downloadable: row.downloadable,
    aiTrainingConsent: row.aiTrainingConsent,
    tags,
    artist: artistHandle,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Tag names per artwork id, alphabetical. */
export async function artworkTagNames(db: Db, artworkIds: string[]): Promise<Map<string, string[]>> {
  const byArtwork = new Map<string, string[]>();
  if (artworkIds.length === 0) return byArtwork;
  const rows = await db
    .select({ artworkId: artworkTag.artworkId, name: tag.name })
    .from(artworkTag)
    .innerJoin(tag, eq(tag.id, artworkTag.tagId))
    .where(inArray(artworkTag.artworkId, artworkIds))
    .orderBy(tag.name);
  for (const row of rows) {
    const list = byArtwork.get(row.artworkId) ?? [];
    list.push(row.name);
    byArtwork.set(row.artworkId, list);
  }
  return byArtwork;
}

/** Artworks by id, in the order asked (unknown ids are left out). Visibility is the caller's concern. */
export async function artworksByIds(db: Db, ids: string[]): Promise<Artwork[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ artwork: kreativeArtwork, handle: profiles.handle })
    .from(kreativeArtwork)
    .innerJoin(profiles, eq(profiles.userId, kreativeArtwork.artistId))
    .where(inArray(kreativeArtwork.id, ids));
  const tags = await artworkTagNames(db, ids);
  const byId = new Map(rows.map((r) => [r.artwork.id, toArtwork(r.artwork, tags.get(r.artwork.id) ?? [], r.handle)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One person's portfolio, newest first: their own artworks and those they are credited on (a
 * workspace's final artwork they drew on). Visibility of the artist is the caller's concern.
 */
export async function listPortfolio(db: Db, artistId: string): Promise<Artwork[]> {
  const columns = { id: kreativeArtwork.id, createdAt: kreativeArtwork.createdAt };
  // Two indexed lookups rather than one OR, which would read the whole artwork table.
  const [own, credited] = await Promise.all([
    db.select(columns).from(kreativeArtwork).where(eq(kreativeArtwork.artistId, artistId)),
    db.select(columns).from(artworkContributor).innerJoin(kreativeArtwork, eq(kreativeArtwork.id, artworkContributor.artworkId)).where(eq(artworkContributor.userId, artistId)),
  ]);
  const rows = [...new Map([...own, ...credited].map((r) => [r.id, r])).values()];
  rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return artworksByIds(db, rows.map((r) => r.id));
}
