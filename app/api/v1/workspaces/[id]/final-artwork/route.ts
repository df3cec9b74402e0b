import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { readJson, route } from "@/lib/http/respond";
import { publishFinalArtwork } from "@/lib/services/collaboration_workspace";

type Context = { params: Promise<{ id: string }> };

export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  const artwork = await publishFinalArtwork(await getDb(), actor, id, await readJson(request));
  return NextResponse.json(artwork, { status: 201 });
});
