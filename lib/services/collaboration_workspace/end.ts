import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { collabSession } from "@/db/schema";
import { env } from "@/lib/env";
import { endRoom, roomHttpBase } from "@/lib/realtime/room-admin";
import { realtimeSecret } from "@/lib/secrets";
import { hostSession, loadWorkspace } from "./read";
import type { Actor, RoomAdminSettings, Workspace } from "./types";

/** How long ending waits for the room server before answering anyway. */
const END_ROOM_TIMEOUT_MS = 5_000;

/** The room server and the app's own base URL, from the validated environment (REALTIME_URL, REALTIME_SECRET, APP_URL). */
export function realtimeFromEnv(): RoomAdminSettings {
  const e = env();
  return { baseUrl: e.REALTIME_URL, secret: realtimeSecret(), appUrl: e.APP_URL };
}

/** Where the room posts its archive once it has closed every socket. */
export function archiveCallbackUrl(appUrl: string, id: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/internal/workspaces/${encodeURIComponent(id)}/archive`;
}

/**
 * Ends a session (the host only; 403 participants, 404 outsiders), then asks the room to close
 * every socket (4410) and hand over its archive. The end is committed first and stands even when
 * the room server cannot be reached: tokens are refused from then on and the archive may still
 * arrive later. Ending an ended session changes nothing; while its archive has not arrived, it
 * asks the room again, which is how a host retries after the room server was down.
 */
export async function endWorkspace(db: Db, actor: Actor, id: string, realtime: RoomAdminSettings = realtimeFromEnv()): Promise<Workspace> {
  const session = await hostSession(db, actor, id, "Only the host can end this session.");
  const [ended] = await db
    .update(collabSession)
    .set({ endedAt: sql`greatest(now(), ${collabSession.startedAt})` })
    .where(and(eq(collabSession.id, id), isNull(collabSession.endedAt)))
    .returning({ archivedAt: collabSession.archivedAt });
  if (ended || !session.archivedAt) await closeRoom(id, realtime);
  return loadWorkspace(db, id);
}

async function closeRoom(id: string, realtime: RoomAdminSettings): Promise<void> {
  try {
    await endRoom({
      httpBaseUrl: roomHttpBase(realtime.baseUrl),
      roomId: id,
      secret: realtime.secret,
      callbackUrl: archiveCallbackUrl(realtime.appUrl, id),
      timeoutMs: realtime.timeoutMs ?? END_ROOM_TIMEOUT_MS,
    });
  } catch (error) {
    // Not an error of this request: the session is ended either way, and ending again retries.
    console.warn(`could not ask the room server to end session ${id}`, error);
  }
}
