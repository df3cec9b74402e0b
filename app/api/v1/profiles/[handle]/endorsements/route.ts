import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { route } from "@/lib/http/respond";
import { listEndorsements } from "@/lib/services/partner_recommendation";

type Context = { params: Promise<{ handle: string }> };

/** Published endorsements, newest first: `{ items, nextCursor, summary }` (`?limit=&cursor=`); 404 for a profile hidden from the caller. */
export const GET = route(async (request: Request, { params }: Context) => {
  const viewer = await getCurrentUser();
  const { handle } = await params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listEndorsements(await getDb(), viewer, handle, query));
});
