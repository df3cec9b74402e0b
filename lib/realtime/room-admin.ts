import { ROOM_PARTY } from "./protocol";
import { signServiceToken } from "./service-token";

/**
 * The app's side of the room server's internal HTTP: ending a room. The room answers 202 once
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

/** The room server's HTTP base for its WebSocket base: ws → http, wss → https. */
export function roomHttpBase(wsBaseUrl: string): string {
  return wsBaseUrl.replace(/^ws(s?):\/\//i, (_match, secure: string) => `http${secure ? "s" : ""}://`).replace(/\/+$/, "");
}
