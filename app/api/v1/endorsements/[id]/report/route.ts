import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { readJson, route } from "@/lib/http/respond";
import { limitEndorsementWrite, reportEndorsement } from "@/lib/services/partner_recommendation";

type Context = { params: Promise<{ id: string }> };

/** `{ reason }` → 201; anyone signed in who can see it, once (409 after). */
export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  await limitEndorsementWrite(actor.id, "report");
  return NextResponse.json(await reportEndorsement(await getDb(), actor, id, await readJson(request)), { status: 201 });
});
