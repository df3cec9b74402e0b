import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { env } from "@/lib/env";
import { readJson, route } from "@/lib/http/respond";
import { realtimeSecret } from "@/lib/secrets";
import { issueRoomToken } from "@/lib/services/collaboration_workspace";

type Context = { params: Promise<{ id: string }> };

export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  // An empty body means the default mode (edit).
  const hasBody = request.headers.get("content-length") !== "0" && request.headers.get("content-type");
  const body = hasBody ? await readJson(request) : {};
  const token = await issueRoomToken(await getDb(), actor, id, body, { baseUrl: env().REALTIME_URL, secret: realtimeSecret() });
  return NextResponse.json(token);
});
