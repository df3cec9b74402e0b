/**
 * File types recognised by their leading bytes ("magic numbers"), never by a filename or a
 * client-sent content type: both are chosen by whoever uploads, the bytes are what a decoder reads.
 */

export type SniffedType = "image/png" | "image/jpeg" | "image/webp" | "image/gif" | "application/pdf";
export type ImageType = Extract<SniffedType, `image/${string}`>;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii("GIF87a");
const GIF89 = ascii("GIF89a");
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const PDF = ascii("%PDF-");

/** The type the bytes declare, or null when they match none of the accepted formats. */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return "image/gif";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "image/webp";
  // The PDF header may legally follow junk; we only accept it at the very start.
  if (startsWith(bytes, PDF)) return "application/pdf";
  return null;
}

export const IMAGE_TYPES: readonly ImageType[] = ["image/png", "image/jpeg", "image/webp", "image/gif"];

export const isImageType = (type: SniffedType | null): type is ImageType =>
  type !== null && (IMAGE_TYPES as readonly string[]).includes(type);

/** The image type of the bytes, or null (a PDF is not an image). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const type = sniffType(bytes);
  return isImageType(type) ? type : null;
}

/** File extension the server uses when storing a file of this type. */
export const EXTENSION_BY_TYPE: Readonly<Record<SniffedType, string>> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "application/pdf": "pdf",
};
