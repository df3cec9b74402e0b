import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser, requireUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { readJson, route } from "@/lib/http/respond";
import { deleteArtwork, getArtwork, updateArtwork } from "@/lib/services/professional_profile";

type Context = { params: Promise<{ id: string }> };

/** Anyone who may see the artist's profile; 404 otherwise. */
export const GET = route(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  return NextResponse.json(await getArtwork(await getDb(), await getCurrentUser(), id));
});

export const PATCH = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  const artwork = await updateArtwork(await getDb(), actor, id, await readJson(request));
  await expireProfiles(actor.handle);
  return NextResponse.json(artwork);
});

export const DELETE = route(async (_request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  await deleteArtwork(await getDb(), actor, id);
  await expireProfiles(actor.handle);
  return new Response(null, { status: 204 });
});
