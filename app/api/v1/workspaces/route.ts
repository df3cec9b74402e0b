import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { readJson, route } from "@/lib/http/respond";
import { createWorkspace, listWorkspaces } from "@/lib/services/collaboration_workspace";

export const GET = route(async () => {
  const actor = await requireUser();
  const items = await listWorkspaces(await getDb(), actor);
  return NextResponse.json({ items, nextCursor: null });
});

export const POST = route(async (request: Request) => {
  const actor = await requireUser();
  const workspace = await createWorkspace(await getDb(), actor, await readJson(request));
  return NextResponse.json(workspace, { status: 201 });
});
