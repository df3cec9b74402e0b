import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { readJson, route } from "@/lib/http/respond";
import { limitEndorsementWrite, replyToEndorsement } from "@/lib/services/partner_recommendation";

type Context = { params: Promise<{ id: string }> };

/** `{ text }` → 201 with the endorsement and its reply; the subject only (403 others), once (409). */
export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  await limitEndorsementWrite(actor.id, "reply");
  const endorsement = await replyToEndorsement(await getDb(), actor, id, await readJson(request));
  await expireProfiles(endorsement.subject);
  return NextResponse.json(endorsement, { status: 201 });
});
