import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { readJson, route } from "@/lib/http/respond";
import { expireProfiles } from "@/lib/profile-cache";
import { getWorkspace, publishFinalArtwork } from "@/lib/services/collaboration_workspace";

type Context = { params: Promise<{ id: string }> };

export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  const db = await getDb();
  const artwork = await publishFinalArtwork(db, actor, id, await readJson(request));
  // Any participant's profile may now list the artwork and count the co-creation.
  await expireProfiles(...(await getWorkspace(db, actor, id)).participants);
  return NextResponse.json(artwork, { status: 201 });
});
