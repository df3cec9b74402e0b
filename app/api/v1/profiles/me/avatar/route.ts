import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { MULTIPART_OVERHEAD_BYTES, readMultipart } from "@/lib/http/multipart";
import { route } from "@/lib/http/respond";
import { MAX_UPLOAD_BYTES, removeAvatar, uploadAvatar } from "@/lib/services/professional_profile";

/** Multipart `file` → 200 `{ avatarUrl }`. */
export const POST = route(async (request: Request) => {
  const actor = await requireUser();
  const { files } = await readMultipart(request, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES);
  const result = await uploadAvatar(await getDb(), actor, files.file);
  await expireProfiles(actor.handle);
  return NextResponse.json(result);
});

export const DELETE = route(async () => {
  const actor = await requireUser();
  await removeAvatar(await getDb(), actor);
  await expireProfiles(actor.handle);
  return new Response(null, { status: 204 });
});
