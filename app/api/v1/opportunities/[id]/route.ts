import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser, requireUser } from "@/lib/auth";
import { readJson, route } from "@/lib/http/respond";
import { deleteOpportunity, getOpportunity, limitOpportunityWrite, updateOpportunity } from "@/lib/services/opportunity_announcement";

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  return NextResponse.json(await getOpportunity(await getDb(), await getCurrentUser(), id));
});

/** Owner only: any subset of fields, and `status` (with `filledBy` when filling). */
export const PATCH = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  await limitOpportunityWrite(actor.id, "update");
  return NextResponse.json(await updateOpportunity(await getDb(), actor, id, await readJson(request)));
});

export const DELETE = route(async (_request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  await limitOpportunityWrite(actor.id, "delete");
  await deleteOpportunity(await getDb(), actor, id);
  return new Response(null, { status: 204 });
});
