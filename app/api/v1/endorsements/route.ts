import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { readJson, route } from "@/lib/http/respond";
import { endorse, limitEndorsementWrite } from "@/lib/services/partner_recommendation";

/**
 * `{ subject, context: { type, id }, rating, skills?, text, privateNote? }` → 201 `{ id, status }`.
 * 403 unless both took part and it concluded (or across a block), 409 second time, 410 after the
 * 14 days, 422 invalid or self.
 */
export const POST = route(async (request: Request) => {
  const actor = await requireUser();
  await limitEndorsementWrite(actor.id, "endorse");
  const { id, status, subject } = await endorse(await getDb(), actor, await readJson(request));
  // Published: the reciprocal arrived and both profiles changed. Pending: the subject's cached
  // page must learn the new time it publishes by itself (load-trust.ts, revealClock).
  await expireProfiles(...(status === "published" ? [subject, actor.handle] : [subject]));
  return NextResponse.json({ id, status }, { status: 201 });
});
