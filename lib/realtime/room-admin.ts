import { z } from "zod";
import { ROOM_PARTY, type Participant } from "./protocol";
import { signServiceToken } from "./service-token";

/**
 * The app's side of the room server's internal HTTP: ending a room, and asking who is in it. The room answers 202 once
 * it has marked itself ended and closed every socket; it then POSTs the RoomArchive to
 * `callbackUrl` (with a `room-archive` service token), retrying on failure.
 */

const DEFAULT_TIMEOUT_MS = 5_000;

export type EndRoomOptions = {
  /** The room server's HTTP base, e.g. `http://127.0.0.1:8787` (see roomHttpBase). */
  httpBaseUrl: string;
  roomId: string;
  secret: string;
  /** Where the room POSTs the archive. */
  callbackUrl: string;
  timeoutMs?: number;
};

/** Ends the room; throws on a non-2xx answer or a timeout. Safe to call twice. */
export async function endRoom(opts: EndRoomOptions): Promise<void> {
  const token = await signServiceToken("room-admin", opts.roomId, opts.secret);
  const base = opts.httpBaseUrl.replace(/\/+$/, "");
  const url = `${base}/parties/${ROOM_PARTY}/${encodeURIComponent(opts.roomId)}/end`;
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ callbackUrl: opts.callbackUrl }),
    signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Ending room ${opts.roomId} failed: HTTP ${response.status} ${text.slice(0, 200)}`);
}

const presenceSchema = z.object({ participants: z.array(z.object({ handle: z.string(), role: z.enum(["editor", "spectator"]) })) });

/** Who is connected to the room now; throws on a non-2xx answer, a malformed body or a timeout. */
export async function roomPresence(opts: Omit<EndRoomOptions, "callbackUrl">): Promise<Participant[]> {
  const token = await signServiceToken("room-admin", opts.roomId, opts.secret);
  const base = opts.httpBaseUrl.replace(/\/+$/, "");
  const response = await fetch(`${base}/parties/${ROOM_PARTY}/${encodeURIComponent(opts.roomId)}/presence`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`Presence of room ${opts.roomId}: HTTP ${response.status}`);
  return presenceSchema.parse(await response.json()).participants;
}

/** The room server's HTTP base for its WebSocket base: ws → http, wss → https. */
export function roomHttpBase(wsBaseUrl: string): string {
  return wsBaseUrl.replace(/^ws(s?):\/\//i, (_match, secure: string) => `http${secure ? "s" : ""}://`).replace(/\/+$/, "");
}
