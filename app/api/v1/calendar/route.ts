import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { env } from "@/lib/env";
import { route } from "@/lib/http/respond";
import { getCalendarUrl, limitOpportunityWrite, rotateCalendarUrl } from "@/lib/services/opportunity_announcement";

const noStore = { "cache-control": "no-store" };

/** My private deadlines feed: `{ url }` (made on first request). */
export const GET = route(async () => {
  const actor = await requireUser();
  return NextResponse.json(await getCalendarUrl(await getDb(), actor, env().APP_URL), { headers: noStore });
});

/** A new private URL; the old one answers 404 from now on. */
export const POST = route(async () => {
  const actor = await requireUser();
  await limitOpportunityWrite(actor.id, "calendar");
  return NextResponse.json(await rotateCalendarUrl(await getDb(), actor, env().APP_URL), { headers: noStore });
});
