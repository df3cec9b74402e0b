/**
 * The server's first upload checks, run in the browser before sending anything. Same limits and
 * the same words as lib/services/professional_profile/artworks.ts (which still decides: it looks
 * at the bytes, the browser only at the file's declared type).
 */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const IMAGE_ACCEPT = "image/png,image/jpeg,image/webp,image/gif";
const ACCEPTED = new Set(IMAGE_ACCEPT.split(","));

export const TOO_LARGE = "Images are at most 10 MB.";
export const NOT_AN_IMAGE = "Upload a PNG, JPEG, WebP or GIF image.";
export const NO_FILE = "Choose an image file.";

export function imageFileProblem(file: File | null | undefined): string | null {
  if (!file || file.size === 0) return NO_FILE;
  if (file.size > MAX_IMAGE_BYTES) return TOO_LARGE;
  if (file.type && !ACCEPTED.has(file.type)) return NOT_AN_IMAGE;
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
