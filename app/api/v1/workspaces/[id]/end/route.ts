import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { route } from "@/lib/http/respond";
import { endWorkspace } from "@/lib/services/collaboration_workspace";

type Context = { params: Promise<{ id: string }> };

// No body is read: ending takes no input.
export const POST = route(async (_request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  return NextResponse.json(await endWorkspace(await getDb(), actor, id));
});
