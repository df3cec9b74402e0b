import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/respond";
import { deleteAttachment, getAttachmentDownload, limitOpportunityWrite } from "@/lib/services/opportunity_announcement";
import { openMediaFile } from "@/lib/storage/files";

type Context = { params: Promise<{ id: string; attachmentId: string }> };

/** `attachment; filename="..."; filename*=UTF-8''...` (RFC 6266): an ASCII fallback plus the exact name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Always a download (content-disposition: attachment), never rendered in our origin. */
export const GET = route(async (_request: Request, { params }: Context) => {
  const { id, attachmentId } = await params;
  const download = await getAttachmentDownload(await getDb(), id, attachmentId);
  const file = await openMediaFile(download.file);
  if (!file) throw new AppError("not_found", "The file of this attachment is missing.");
  return new Response(file.stream(), {
    status: 200,
    headers: {
      "content-type": download.contentType,
      "content-length": String(file.size),
      "content-disposition": contentDisposition(download.filename),
      "cache-control": "private, max-age=3600",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
});

export const DELETE = route(async (_request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id, attachmentId } = await params;
  await limitOpportunityWrite(actor.id, "attach");
  await deleteAttachment(await getDb(), actor, id, attachmentId);
  return new Response(null, { status: 204 });
});
