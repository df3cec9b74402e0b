import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { ATTACHMENT_MAX_BYTES } from "@/db/schema";
import { requireUser } from "@/lib/auth";
import { MULTIPART_OVERHEAD_BYTES, readMultipart } from "@/lib/http/multipart";
import { route } from "@/lib/http/respond";
import { addAttachment, assertCanAttach, limitOpportunityWrite } from "@/lib/services/opportunity_announcement";

type Context = { params: Promise<{ id: string }> };

/**
 * Multipart `file` (PDF, PNG or JPEG by its bytes, at most 10 MB). The declared content-length is
 * checked before reading and the stream is cut off past the cap, so a large body is never held.
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  await assertCanAttach(await getDb(), actor, id); // 404/403 before reading a body for nothing
  await limitOpportunityWrite(actor.id, "attach");
  const { files } = await readMultipart(request, ATTACHMENT_MAX_BYTES + MULTIPART_OVERHEAD_BYTES);
  const attachment = await addAttachment(await getDb(), actor, id, files.file);
  return NextResponse.json(attachment, { status: 201 });
});
