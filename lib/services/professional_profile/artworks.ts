import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { artworkTag, kreativeArtwork, profiles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getKv } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { processArtworkImage, processAvatar, STORED_IMAGE_TYPE } from "@/lib/media/images";
import { sniffImageType, type ImageType } from "@/lib/media/sniff";
import { deleteMediaFiles, newMediaPath, randomMediaName, writeMediaFile } from "@/lib/storage/files";
import { mediaUrl } from "@/lib/storage/urls";
import { createArtworkSchema, updateArtworkSchema } from "@/lib/validation/artworks";
import { parseInput } from "@/lib/validation/parse";
import { artworksByIds } from "./portfolio";
import { setAvatarFile } from "./profiles";
import { ensureTagIds } from "./tags";
import type { Actor, Artwork } from "./types";
import { isViewable, requireActor } from "./visibility";

/** Largest accepted upload (the file itself; the route allows a little more for the multipart framing). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Uploads (artworks and avatars together) per user per hour: image processing is the costly part. */
export const UPLOAD_RATE_LIMIT = { limit: 60, windowSeconds: 60 * 60 };

export const ARTWORK_MEDIA_DIR = "artworks";
export const ARTWORK_THUMBNAIL_MEDIA_DIR = "artworks/thumbs";
export const AVATAR_MEDIA_DIR = "avatars";

/** An uploaded file: its bytes; the client's name is never used for storage or type detection. */
export type UploadedFile = { bytes: Uint8Array; name?: string };

export const uploadRateKey = (userId: string) => `rl:upload:${userId}`;

/** The checks every upload passes, in order: signed in, rate limit, size (413), image by its bytes (415). */
async function acceptUpload(actor: Actor, file: UploadedFile | null | undefined): Promise<{ me: { id: string }; type: ImageType; bytes: Uint8Array }> {
  const me = requireActor(actor);
  await assertRateLimit(getKv(), uploadRateKey(me.id), UPLOAD_RATE_LIMIT);
  if (!file || !(file.bytes instanceof Uint8Array) || file.bytes.byteLength === 0) {
    throw new AppError("validation_failed", "Choose an image file.", { fields: { file: ["Choose an image file."] } });
  }
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError("payload_too_large", `Images are at most ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB.`);
  }
  const type = sniffImageType(file.bytes);
  if (!type) throw new AppError("unsupported_media_type", "Upload a PNG, JPEG, WebP or GIF image.");
  return { me, type, bytes: file.bytes };
}

type ArtworkRow = typeof kreativeArtwork.$inferSelect;

async function findArtworkRow(db: Db, id: string): Promise<ArtworkRow | null> {
  if (typeof id !== "string" || id.length === 0 || id.length > 100) return null;
  const [row] = await db.select().from(kreativeArtwork).where(eq(kreativeArtwork.id, id)).limit(1);
  return row ?? null;
}

/**
 * Removes files once the database no longer points at them. The change is already committed, so a
 * failure here must not fail the request: it leaves an orphan file, which is logged and harmless.
 */
async function discardFiles(rels: (string | null | undefined)[]): Promise<void> {
  await deleteMediaFiles(rels).catch((error: unknown) => console.warn("could not delete media files", rels, error));
}

const artworkNotFound = () => new AppError("not_found", "No artwork with this id.");

/** The artwork row when `actor` is its artist: 401 anonymous, 404 unknown, 403 someone else's. */
async function ownArtworkRow(db: Db, actor: Actor, id: string): Promise<ArtworkRow> {
  const me = requireActor(actor);
  const row = await findArtworkRow(db, id);
  if (!row) throw artworkNotFound();
  if (row.artistId !== me.id) throw new AppError("forbidden", "Only the artist can change or delete this artwork.");
  return row;
}

async function loadArtwork(db: Db, id: string): Promise<Artwork> {
  const [artwork] = await artworksByIds(db, [id]);
  if (!artwork) throw artworkNotFound();
  return artwork;
}

/**
 * Uploads an artwork: the image is checked by its bytes, decoded strictly, re-encoded to WebP
 * (display size and thumbnail) and stored under server-made names; then the row and its tags are
 * inserted in one transaction. If that fails, the files are removed again: a refusal stores nothing.
 */
export async function createArtwork(db: Db, actor: Actor, input: { file: UploadedFile | null | undefined; fields: unknown }): Promise<Artwork> {
  const { me, type, bytes } = await acceptUpload(actor, input.file);
  const fields = parseInput(createArtworkSchema, input.fields);
  const image = await processArtworkImage(bytes, type);

  const name = randomMediaName();
  const mediaFile = newMediaPath(ARTWORK_MEDIA_DIR, STORED_IMAGE_TYPE, name);
  const thumbnailFile = newMediaPath(ARTWORK_THUMBNAIL_MEDIA_DIR, STORED_IMAGE_TYPE, name);
  let id: string;
  try {
    await writeMediaFile(mediaFile, image.display);
    await writeMediaFile(thumbnailFile, image.thumbnail);
    id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(kreativeArtwork)
        .values({
          artistId: me.id,
          title: fields.title,
          style: fields.style,
          altText: fields.altText,
          downloadable: fields.downloadable,
          aiTrainingConsent: fields.aiTrainingConsent,
          mediaFile,
          thumbnailFile,
          mediaType: STORED_IMAGE_TYPE,
          width: image.width,
          height: image.height,
        })
        .returning({ id: kreativeArtwork.id });
      if (!row) throw new Error("artwork insert returned no row");
      await replaceArtworkTags(tx, row.id, fields.tags);
      return row.id;
    });
  } catch (error) {
    await discardFiles([mediaFile, thumbnailFile]);
    throw error;
  }
  return loadArtwork(db, id);
}

async function replaceArtworkTags(tx: Db, artworkId: string, names: readonly string[]): Promise<void> {
  await tx.delete(artworkTag).where(eq(artworkTag.artworkId, artworkId));
  const ids = await ensureTagIds(tx, names);
  if (ids.size > 0) await tx.insert(artworkTag).values([...ids.values()].map((tagId) => ({ artworkId, tagId })));
}

/** One artwork, if `viewer` may see its artist's profile (hidden, members-only and blocks apply); 404 otherwise. */
export async function getArtwork(db: Db, viewer: Actor, id: string): Promise<Artwork> {
  const row = await findArtworkRow(db, id);
  if (!row) throw artworkNotFound();
  const [artist] = await db
    .select({ userId: profiles.userId, visibility: profiles.visibility })
    .from(profiles)
    .where(eq(profiles.userId, row.artistId))
    .limit(1);
  if (!artist || !(await isViewable(db, viewer, artist))) throw artworkNotFound();
  return loadArtwork(db, id);
}

/** Changes an artwork's fields (any subset; tags replace the old set). The artist only. */
export async function updateArtwork(db: Db, actor: Actor, id: string, raw: unknown): Promise<Artwork> {
  const row = await ownArtworkRow(db, actor, id);
  const { tags, ...fields } = parseInput(updateArtworkSchema, raw);
  await db.transaction(async (tx) => {
    if (Object.keys(fields).length > 0) await tx.update(kreativeArtwork).set(fields).where(eq(kreativeArtwork.id, row.id));
    if (tags) await replaceArtworkTags(tx, row.id, tags);
  });
  return loadArtwork(db, row.id);
}

/** Deletes an artwork (the artist only), then its files. */
export async function deleteArtwork(db: Db, actor: Actor, id: string): Promise<void> {
  const row = await ownArtworkRow(db, actor, id);
  const deleted = await db
    .delete(kreativeArtwork)
    .where(eq(kreativeArtwork.id, row.id))
    .returning({ mediaFile: kreativeArtwork.mediaFile, thumbnailFile: kreativeArtwork.thumbnailFile });
  if (deleted.length === 0) throw artworkNotFound(); // deleted concurrently
  await discardFiles(deleted.flatMap((d) => [d.mediaFile, d.thumbnailFile]));
}

/** Sets the actor's avatar from an uploaded image (256×256 WebP) and deletes the previous file. */
export async function uploadAvatar(db: Db, actor: Actor, file: UploadedFile | null | undefined): Promise<{ avatarUrl: string }> {
  const { me, type, bytes } = await acceptUpload(actor, file);
  const avatar = await processAvatar(bytes, type);
  const avatarFile = newMediaPath(AVATAR_MEDIA_DIR, STORED_IMAGE_TYPE);
  let previous: string | null;
  try {
    await writeMediaFile(avatarFile, avatar);
    previous = await setAvatarFile(db, me, avatarFile);
  } catch (error) {
    await discardFiles([avatarFile]);
    throw error;
  }
  if (previous !== avatarFile) await discardFiles([previous]);
  return { avatarUrl: mediaUrl(avatarFile) };
}

/** Removes the actor's avatar and its file. */
export async function removeAvatar(db: Db, actor: Actor): Promise<void> {
  const previous = await setAvatarFile(db, requireActor(actor), null);
  await discardFiles([previous]);
}
