import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { route } from "@/lib/http/respond";
import { getProfile } from "@/lib/services/professional_profile";

type Context = { params: Promise<{ handle: string }> };

// GET /api/v1/profiles/me is app/api/v1/profiles/me/route.ts ("me" is shorter than any handle).
export const GET = route(async (_request: Request, { params }: Context) => {
  const viewer = await getCurrentUser();
  const { handle } = await params;
  return NextResponse.json(await getProfile(await getDb(), viewer, handle));
});
