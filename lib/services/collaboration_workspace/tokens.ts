import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { collabJoin, collabSession } from "@/db/schema";
import { ROOM_TOKEN_TTL_SECONDS } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { roomUrl, signRoomToken } from "@/lib/realtime/token";
import { roomTokenSchema } from "@/lib/validation/workspaces";
import { parseInput } from "@/lib/validation/parse";
import { isParticipant, workspaceNotFound } from "./read";
import type { Actor, RealtimeSettings, RoomToken } from "./types";

/** A short-lived token for one room and one user, recorded as a join; 403 for outsiders, 410 once ended. */
export async function issueRoomToken(db: Db, actor: Actor, id: string, raw: unknown, realtime: RealtimeSettings): Promise<RoomToken> {
  const { mode } = parseInput(roomTokenSchema, raw ?? {});
  const [session] = await db.select({ endedAt: collabSession.endedAt, hostId: collabSession.hostId }).from(collabSession).where(eq(collabSession.id, id)).limit(1);
  if (!session) throw workspaceNotFound();
  if (!(await isParticipant(db, actor.id, id))) throw new AppError("forbidden", "Only participants can join this workspace.");
  if (session.endedAt) throw new AppError("gone", "This session has ended.");
  const host = session.hostId === actor.id;
  const { token, expiresAt } = await signRoomToken({ userId: actor.id, handle: actor.handle, room: id, mode, ...(host ? { host } : {}) }, realtime.secret, ROOM_TOKEN_TTL_SECONDS);
  await db.insert(collabJoin).values({ sessionId: id, userId: actor.id, mode });
  return { token, url: roomUrl(realtime.baseUrl, id, token), expiresAt: expiresAt.toISOString() };
}
