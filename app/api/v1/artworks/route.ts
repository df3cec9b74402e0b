import { revalidateTag } from "next/cache";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { profileCacheTag } from "@/lib/cache-tags";
import { MULTIPART_OVERHEAD_BYTES, readMultipart } from "@/lib/http/multipart";
import { route } from "@/lib/http/respond";
import { createArtwork, MAX_UPLOAD_BYTES } from "@/lib/services/professional_profile";

/** Multipart `file` plus `title`, `style`, `altText`, `tags` (repeated), `downloadable`, `aiTrainingConsent`. */
export const POST = route(async (request: Request) => {
  const actor = await requireUser();
  const { files, fields } = await readMultipart(request, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES);
  const artwork = await createArtwork(await getDb(), actor, { file: files.file, fields });
  revalidateTag(profileCacheTag(actor.handle), { expire: 0 });
  return NextResponse.json(artwork, { status: 201 });
});
