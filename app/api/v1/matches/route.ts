import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { route } from "@/lib/http/respond";
import { suggestMatches } from "@/lib/services/intelligent_matching";

export const dynamic = "force-dynamic";

/** GET /api/v1/matches?limit=&intent=follow|collaborate|contact → { items: [{ profile, score, reasons }] }, best first. */
export const GET = route(async (request: Request) => {
  const actor = await requireUser();
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries(["limit", "intent"].flatMap((key) => (params.has(key) ? [[key, params.get(key)]] : [])));
  const result = await suggestMatches(await getDb(), actor, raw);
  // Per-person answers: never stored by a shared cache.
  return NextResponse.json(result, { headers: { "cache-control": "private, no-store" } });
});
