import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { route } from "@/lib/http/respond";
import { searchProfiles } from "@/lib/services/professional_profile";
import { SEARCH_PARAMS } from "@/lib/validation/search";

export const dynamic = "force-dynamic";

/** GET /api/v1/profiles?q=&skill=&tag=&region=&kind=&limit=&cursor= → { items: ProfileCard[], nextCursor }. */
export const GET = route(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries(SEARCH_PARAMS.flatMap((key) => (params.has(key) ? [[key, params.get(key)]] : [])));
  // Anonymous callers are welcome; a signed-in one also sees members-only profiles.
  const actor = await getCurrentUser();
  const result = await searchProfiles(await getDb(), actor ? { id: actor.id } : null, raw);
  return NextResponse.json(result);
});
