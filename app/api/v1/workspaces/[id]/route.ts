import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { route } from "@/lib/http/respond";
import { getWorkspace } from "@/lib/services/collaboration_workspace";

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (_request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  return NextResponse.json(await getWorkspace(await getDb(), actor, id));
});
