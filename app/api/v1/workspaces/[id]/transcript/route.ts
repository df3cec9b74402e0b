import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { route } from "@/lib/http/respond";
import { listTranscript } from "@/lib/services/collaboration_workspace";

type Context = { params: Promise<{ id: string }> };

/** The archived chat, oldest first: empty until the session has ended and the room handed it over. */
export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listTranscript(await getDb(), actor, id, query), { headers: { "cache-control": "private, no-store" } });
});
