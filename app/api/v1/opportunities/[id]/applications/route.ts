import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { readJson, route } from "@/lib/http/respond";
import { applyToOpportunity, limitOpportunityWrite, listApplications } from "@/lib/services/opportunity_announcement";
import { searchParamsObject } from "@/lib/validation/opportunities";

type Context = { params: Promise<{ id: string }> };

/** `{ message, artworkIds? }` → 201; 409 when already applied or the posting is not open. */
export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  await limitOpportunityWrite(actor.id, "apply");
  const application = await applyToOpportunity(await getDb(), actor, id, await readJson(request));
  return NextResponse.json(application, { status: 201 });
});

/** The owner's list, `?limit=&cursor=`. */
export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  const query = searchParamsObject(new URL(request.url).searchParams);
  return NextResponse.json(await listApplications(await getDb(), actor, id, query));
});
