import { and, eq, gt, inArray, isNotNull, isNull } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "@/db/client";
import { artworkContributor, collabCanvas, collabContribution, collabSession, kreativeArtwork, profiles, type CollabSession } from "@/db/schema";
import { strokesToSvg } from "@/lib/canvas/svg";
import { AppError } from "@/lib/errors";
import { STORED_IMAGE_TYPE, THUMBNAIL_WIDTH } from "@/lib/media/images";
import { ARTWORK_MEDIA_DIR, ARTWORK_THUMBNAIL_MEDIA_DIR, artworksByIds, type Artwork } from "@/lib/services/professional_profile";
import { deleteMediaFiles, newMediaPath, randomMediaName, writeMediaFile } from "@/lib/storage/files";
import { finalArtworkSchema } from "@/lib/validation/workspaces";
import { parseInput } from "@/lib/validation/parse";
import { hostSession } from "./read";
import type { Actor } from "./types";

const FINAL_MEDIA_TYPE = "image/png" as const;
const ALT_TEXT_MAX = 500;

const conflict = (message: string) => new AppError("conflict", message);

function assertPublishable(session: Pick<CollabSession, "endedAt" | "archivedAt" | "finalArtworkId">): void {
  if (!session.endedAt) throw conflict("End the session before publishing its final artwork.");
  if (!session.archivedAt) throw conflict("The room has not handed over its canvas yet: try again in a moment.");
  if (session.finalArtworkId) throw conflict("This session's final artwork is already published.");
}

/** The canvas as a lossless PNG (the artwork itself) and a WebP grid thumbnail, like uploads get. */
async function renderCanvas(strokes: Parameters<typeof strokesToSvg>[0], title: string): Promise<{ png: Buffer; thumbnail: Buffer; width: number; height: number }> {
  const svg = Buffer.from(strokesToSvg(strokes, { title, background: "#ffffff" }));
  const { data: png, info } = await sharp(svg).png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
  const thumbnail = await sharp(png).resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true }).webp({ quality: 78, effort: 4 }).toBuffer();
  return { png, thumbnail, width: info.width, height: info.height };
}

/**
 * Publishes the session's canvas as a `kreative_artwork` owned by the host (the host only; 403
 * participants, 404 outsiders), credited to everyone with at least one stroke in the ledger, and
 * linked as the session's final artwork. 409 while live, before the archive arrived, for an empty
 * canvas, and once published: the link is set under a `final_artwork_id is null` guard, so of
 * simultaneous calls exactly one keeps its artwork and the others roll theirs back.
 */
export async function publishFinalArtwork(db: Db, actor: Actor, id: string, raw: unknown): Promise<Artwork> {
  const { title } = parseInput(finalArtworkSchema, raw);
  const session = await hostSession(db, actor, id, "Only the host can publish the final artwork.");
  assertPublishable(session);
  const [canvas] = await db.select({ strokes: collabCanvas.strokes }).from(collabCanvas).where(eq(collabCanvas.sessionId, id)).limit(1);
  if (!canvas || canvas.strokes.length === 0) throw conflict("The canvas is empty: there is nothing to publish.");
  const credits = await db
    .select({ userId: collabContribution.userId, strokes: collabContribution.strokes, handle: profiles.handle })
    .from(collabContribution)
    .innerJoin(profiles, eq(profiles.userId, collabContribution.userId))
    .where(and(eq(collabContribution.sessionId, id), gt(collabContribution.strokes, 0)))
    .orderBy(profiles.handle);
  const image = await renderCanvas(canvas.strokes, title);
  const name = randomMediaName();
  const mediaFile = newMediaPath(ARTWORK_MEDIA_DIR, FINAL_MEDIA_TYPE, name);
  const thumbnailFile = newMediaPath(ARTWORK_THUMBNAIL_MEDIA_DIR, STORED_IMAGE_TYPE, name);
  const drawnBy = credits.length ? `, drawn by ${credits.map((c) => c.handle).join(", ")}` : "";
  const altText = `Shared canvas of the workspace “${session.name}”${drawnBy}.`.slice(0, ALT_TEXT_MAX);
  let artworkId: string;
  try {
    await writeMediaFile(mediaFile, image.png);
    await writeMediaFile(thumbnailFile, image.thumbnail);
    artworkId = await db.transaction(async (tx) => {
      const [artwork] = await tx
        .insert(kreativeArtwork)
        .values({ artistId: session.hostId, title, mediaFile, thumbnailFile, mediaType: FINAL_MEDIA_TYPE, width: image.width, height: image.height, altText })
        .returning({ id: kreativeArtwork.id });
      if (!artwork) throw new Error("artwork insert returned no row");
      if (credits.length) await tx.insert(artworkContributor).values(credits.map((c) => ({ artworkId: artwork.id, userId: c.userId, strokes: c.strokes })));
      const [linked] = await tx
        .update(collabSession)
        .set({ finalArtworkId: artwork.id })
        .where(and(eq(collabSession.id, id), isNull(collabSession.finalArtworkId), isNotNull(collabSession.archivedAt)))
        .returning({ id: collabSession.id });
      if (!linked) throw conflict("This session's final artwork is already published.");
      return artwork.id;
    });
  } catch (error) {
    await deleteMediaFiles([mediaFile, thumbnailFile]).catch((e: unknown) => console.warn("could not delete media files", mediaFile, e));
    throw error;
  }
  const [artwork] = await artworksByIds(db, [artworkId]);
  return artwork!;
}

/** Who is credited on each artwork (besides its artist), by handle. */
export async function artworkCredits(db: Db, artworkIds: string[]): Promise<Map<string, string[]>> {
  const byArtwork = new Map<string, string[]>();
  if (artworkIds.length === 0) return byArtwork;
  const rows = await db
    .select({ artworkId: artworkContributor.artworkId, handle: profiles.handle })
    .from(artworkContributor)
    .innerJoin(profiles, eq(profiles.userId, artworkContributor.userId))
    .where(inArray(artworkContributor.artworkId, artworkIds))
    .orderBy(profiles.handle);
  for (const r of rows) byArtwork.set(r.artworkId, [...(byArtwork.get(r.artworkId) ?? []), r.handle]);
  return byArtwork;
}
