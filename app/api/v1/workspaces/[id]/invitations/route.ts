import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { readJson, route } from "@/lib/http/respond";
import { inviteParticipant } from "@/lib/services/collaboration_workspace";

type Context = { params: Promise<{ id: string }> };

/** 201 with the workspace when the person was added, 200 when they were already in. */
export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  const { workspace, added } = await inviteParticipant(await getDb(), actor, id, await readJson(request));
  return NextResponse.json(workspace, { status: added ? 201 : 200 });
});
