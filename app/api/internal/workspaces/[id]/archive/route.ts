import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { readJson, route } from "@/lib/http/respond";
import { verifyServiceToken } from "@/lib/realtime/service-token";
import { realtimeSecret } from "@/lib/secrets";
import { archiveRoom } from "@/lib/services/collaboration_workspace";

type Context = { params: Promise<{ id: string }> };

/** A full room: 5,000 chat lines and 20,000 long strokes stay well under this. */
const MAX_ARCHIVE_BYTES = 32 * 1024 * 1024;

/**
 * The room server's callback after a session ended (room → app). Only a `room-archive` service
 * token for this very room opens it; cookies are never looked at.
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const { id } = await params;
  if (!(await verifyServiceToken(request.headers.get("authorization"), "room-archive", id, realtimeSecret()))) {
    throw new AppError("unauthorized", "A room-archive token for this room is required.");
  }
  const result = await archiveRoom(await getDb(), id, await readJson(request, MAX_ARCHIVE_BYTES));
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});
