import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { route } from "@/lib/http/respond";
import { getEndorsement } from "@/lib/services/partner_recommendation";

type Context = { params: Promise<{ id: string }> };

// Read only: an endorsement is never edited or deleted through the API (no PATCH, PUT or DELETE here).

/** A published endorsement, or the author's own while pending; 404 otherwise. */
export const GET = route(async (_request: Request, { params }: Context) => {
  const viewer = await getCurrentUser();
  const { id } = await params;
  return NextResponse.json(await getEndorsement(await getDb(), viewer, id), { headers: { "cache-control": "private, no-store" } });
});
