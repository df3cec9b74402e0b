import { roomArchiveSchema, type RoomArchive } from "../lib/realtime/archive";
import { signServiceToken } from "../lib/realtime/service-token";
import type { RoomDoc } from "./room-doc";
import type { TranscriptEntry } from "./chat-log";

/** Limits of RoomArchive: the app would refuse a longer archive, so it is cut to fit. */
const MAX_NOTES = 200_000;
const MAX_STROKES = 20_000;
/** How long one delivery attempt may take. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** Attempts in all, and the wait before the second one (doubling after each failure). */
export const ARCHIVE_ATTEMPTS = 8; // 0.5 + 1 + … + 32 s: about a minute
export const ARCHIVE_FIRST_RETRY_MS = 500;

export function buildArchive(transcript: TranscriptEntry[], doc: RoomDoc): RoomArchive {
  const strokes = doc.archivedStrokes();
  const archive: RoomArchive = {
    transcript,
    notes: doc.notes.toString().slice(0, MAX_NOTES),
    // The newest strokes are on top: if there are too many, the oldest go.
    strokes: strokes.slice(Math.max(0, strokes.length - MAX_STROKES)),
    contributions: doc.contributions(),
  };
  const checked = roomArchiveSchema.safeParse(archive);
  if (!checked.success) console.error("Room archive does not match roomArchiveSchema:", checked.error.message);
  return archive;
}

/** POSTs the archive to the app; true when the app answered 2xx. */
export async function deliverArchive(callbackUrl: string, roomId: string, secret: string, archive: RoomArchive): Promise<boolean> {
  try {
    const token = await signServiceToken("room-archive", roomId, secret);
    const response = await fetch(callbackUrl, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(archive),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.ok) return true;
    console.warn(`Archive delivery for room ${roomId}: the app answered ${response.status}`);
    return false;
  } catch (error) {
    console.warn(`Archive delivery for room ${roomId} failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
