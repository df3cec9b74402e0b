/** Public URL of a file stored under MEDIA_ROOT (served by app/api/media/[...path]). */
export function mediaUrl(relativePath: string): string {
  return `/api/media/${relativePath.split("/").map(encodeURIComponent).join("/")}`;
}
