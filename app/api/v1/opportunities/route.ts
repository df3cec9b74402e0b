import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser, requireUser } from "@/lib/auth";
import { readJson, route } from "@/lib/http/respond";
import { createOpportunity, limitOpportunityWrite, listOpportunities } from "@/lib/services/opportunity_announcement";
import { searchParamsObject } from "@/lib/validation/opportunities";

/** `?q=&kind=&tag=&region=&from=&to=&status=&paid=&noEntryFee=&owner=me&sort=&limit=&cursor=`; kind and tag may repeat. */
export const GET = route(async (request: Request) => {
  const query = searchParamsObject(new URL(request.url).searchParams);
  return NextResponse.json(await listOpportunities(await getDb(), await getCurrentUser(), query));
});

export const POST = route(async (request: Request) => {
  const actor = await requireUser();
  await limitOpportunityWrite(actor.id, "create");
  const created = await createOpportunity(await getDb(), actor, await readJson(request));
  return NextResponse.json(created, { status: 201, headers: { location: `/api/v1/opportunities/${created.id}` } });
});
