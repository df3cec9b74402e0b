import type { Db } from "@/db/client";
import { COLLAB_CANVAS_MAX_USERS } from "@/lib/config";
import type { Participant } from "@/lib/realtime/protocol";
import { roomHttpBase, roomPresence } from "@/lib/realtime/room-admin";
import { realtimeFromEnv } from "./end";
import { participantSession } from "./read";
import type { Actor, RealtimeSettings } from "./types";

/** Who is in a live room now, and the editor seats left. */
export type RoomOccupancy = { participants: Participant[]; seatsFree: number };

/** A list page waits this long for a room before showing the session without its occupancy. */
const PRESENCE_TIMEOUT_MS = 1_500;

/**
 * Who is in a live session's room now, asked of the room server (participants only; 404 for
 * others). Null for an ended session, or when the room server does not answer in time: the
 * list still shows the session, only without who is in it.
 */
export async function roomOccupancy(db: Db, actor: Actor, id: string, realtime: RealtimeSettings = realtimeFromEnv()): Promise<RoomOccupancy | null> {
  const session = await participantSession(db, actor, id);
  if (session.endedAt) return null;
  try {
    const participants = await roomPresence({ httpBaseUrl: roomHttpBase(realtime.baseUrl), roomId: id, secret: realtime.secret, timeoutMs: PRESENCE_TIMEOUT_MS });
    const editors = participants.filter((p) => p.role === "editor").length;
    return { participants, seatsFree: Math.max(0, COLLAB_CANVAS_MAX_USERS - editors) };
  } catch (error) {
    console.warn(`Room ${id}: presence unavailable (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
}
