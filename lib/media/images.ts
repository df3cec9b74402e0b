import sharp, { type Metadata } from "sharp";
import { AppError } from "@/lib/errors";
import type { ImageType } from "./sniff";

/**
 * Image processing for uploads: decode strictly, refuse decompression bombs, orient by EXIF,
 * drop every piece of metadata (GPS position, camera serials, ICC) and re-encode to WebP.
 * What we store is always our own encoding, never the uploaded bytes.
 */

/** Largest accepted input, in pixels (width × height, per frame), checked from the header before decoding. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Long edge of the display rendition. */
export const DISPLAY_MAX_EDGE = 2048;
/** Width of the grid thumbnail; very tall images are capped at three times that in height. */
export const THUMBNAIL_WIDTH = 480;
export const AVATAR_SIZE = 256;

export const STORED_IMAGE_TYPE = "image/webp" as const;

export type ProcessedArtwork = { display: Buffer; thumbnail: Buffer; width: number; height: number };

const FORMAT_BY_TYPE: Record<ImageType, string> = {
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/webp": "webp",
  "image/gif": "gif",
};

function unreadable(message: string): AppError {
  return new AppError("validation_failed", message, { fields: { file: [message] } });
}

const tooLarge = () => unreadable(`The image is too large: at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels.`);

/**
 * A decoder for the bytes: first frame only (animated GIF/WebP keep their first frame), the pixel
 * limit enforced, and decoder errors fatal (a truncated PNG or JPEG fails). Mere warnings, such as
 * a slightly wrong colour profile that cameras and editors commonly write, are tolerated.
 */
function decoder(bytes: Uint8Array) {
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", pages: 1 });
}

/**
 * Checks the header: the bytes must decode as the type they were sniffed as (no polyglots) and
 * declare a size within the limit. Throws 422 (field `file`) otherwise.
 */
async function checkHeader(bytes: Uint8Array, type: ImageType): Promise<void> {
  let metadata: Metadata;
  try {
    metadata = await decoder(bytes).metadata();
  } catch (error) {
    throw refusal(error);
  }
  if (metadata.format !== FORMAT_BY_TYPE[type]) throw unreadable("The file's content does not match its image format.");
  if (type === "image/gif" && gifScreenPixels(bytes) > MAX_INPUT_PIXELS) throw tooLarge();
}

/**
 * The pixels a GIF's logical screen declares (bytes 6-9, little-endian). The decoder draws only the
 * frame and ignores an implausible screen, but other decoders allocate it: a GIF claiming a
 * 65535×65535 screen is refused like any other image over the limit.
 */
function gifScreenPixels(bytes: Uint8Array): number {
  return (bytes[6]! | (bytes[7]! << 8)) * (bytes[8]! | (bytes[9]! << 8));
}

function refusal(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return tooLarge();
  return unreadable("The image could not be read: it may be damaged or incomplete.");
}

/** Runs a pipeline and turns any decoder failure into the 422 above. */
async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw refusal(error);
  }
}

/**
 * Display rendition (long edge at most 2048 px, never enlarged) and grid thumbnail, both WebP
 * without metadata. `width`/`height` are the display rendition's, after EXIF rotation.
 */
export async function processArtworkImage(bytes: Uint8Array, type: ImageType): Promise<ProcessedArtwork> {
  await checkHeader(bytes, type);
  const display = await run(() =>
    decoder(bytes)
      .rotate() // applies the EXIF orientation, then the orientation tag is gone with the rest
      .resize({ width: DISPLAY_MAX_EDGE, height: DISPLAY_MAX_EDGE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82, effort: 4 })
      .toBuffer({ resolveWithObject: true }),
  );
  // The thumbnail is made from the display rendition: far cheaper than decoding a large original twice.
  const thumbnail = await run(() =>
    sharp(display.data)
      .resize({ width: THUMBNAIL_WIDTH, height: THUMBNAIL_WIDTH * 3, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 78, effort: 4 })
      .toBuffer(),
  );
  return { display: display.data, thumbnail, width: display.info.width, height: display.info.height };
}

/** A square 256×256 WebP avatar, cropped around the most interesting region. */
export async function processAvatar(bytes: Uint8Array, type: ImageType): Promise<Buffer> {
  await checkHeader(bytes, type);
  return run(() =>
    decoder(bytes)
      .rotate()
      .resize({ width: AVATAR_SIZE, height: AVATAR_SIZE, fit: "cover", position: sharp.strategy.attention })
      .webp({ quality: 82, effort: 4 })
      .toBuffer(),
  );
}

/**
 * Checks an image that is kept as uploaded (opportunity attachments): the header as above, then a
 * full strict decode whose output is thrown away, so a truncated or corrupt file is refused (422).
 */
export async function verifyImage(bytes: Uint8Array, type: ImageType): Promise<void> {
  await checkHeader(bytes, type);
  await run(() => decoder(bytes).resize({ width: 64, height: 64, fit: "inside" }).raw().toBuffer());
}
