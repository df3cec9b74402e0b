import { route } from "@/lib/http/respond";
import { openMediaFile } from "@/lib/storage/files";

type Context = { params: Promise<{ path: string[] }> };

// Stored names are random and never reused, so a file at a URL never changes: cache it for a year.
const CACHE_CONTROL = "public, max-age=31536000, immutable";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });

/**
 * Files under MEDIA_ROOT. The path (segments already URL-decoded) is checked by openMediaFile:
 * anything unsafe, escaping the root (also through symlinks), missing or with an extension we do
 * not give is 404. The content type comes from the stored extension, never from the content.
 */
async function serve(params: Context["params"], withBody: boolean): Promise<Response> {
  const { path: segments } = await params;
  if (!Array.isArray(segments) || segments.length === 0) return notFound();
  const file = await openMediaFile(segments.join("/"));
  if (!file) return notFound();
  const headers = new Headers({
    "content-type": file.contentType,
    "content-length": String(file.size),
    "cache-control": CACHE_CONTROL,
    "last-modified": file.modifiedAt.toUTCString(),
    "x-content-type-options": "nosniff",
    // Nothing served from here may run script, even if a browser were tricked into rendering it.
    "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  });
  // PDFs (opportunity attachments) are downloaded, not rendered in our origin.
  if (file.contentType === "application/pdf") headers.set("content-disposition", "attachment");
  if (!withBody) {
    await file.close();
    return new Response(null, { status: 200, headers });
  }
  return new Response(file.stream(), { status: 200, headers });
}

export const GET = route((_request: Request, { params }: Context) => serve(params, true));
export const HEAD = route((_request: Request, { params }: Context) => serve(params, false));
