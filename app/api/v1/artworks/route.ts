import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { MULTIPART_OVERHEAD_BYTES, readMultipart } from "@/lib/http/multipart";
import { route } from "@/lib/http/respond";
import { createArtwork, MAX_UPLOAD_BYTES } from "@/lib/services/professional_profile";

/** Multipart `file` plus `title`, `style`, `altText`, `tags` (repeated), `downloadable`, `aiTrainingConsent`. */
export const POST = route(async (request: Request) => {
  const actor = await requireUser();
  const { files, fields } = await readMultipart(request, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES);
  const artwork = await createArtwork(await getDb(), actor, { file: files.file, fields });
  await expireProfiles(actor.handle);
  return NextResponse.json(artwork, { status: 201 });
});
