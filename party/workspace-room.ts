import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import { z } from "zod";
import {
  base64ToBytes,
  bytesToBase64,
  CloseCode,
  CloseReason,
  isMutating,
  MAX_EDITORS,
  MAX_FRAME_LENGTH,
  MAX_SYNC_FRAME_LENGTH,
  MAX_SYNC_UPDATE_BYTES,
  parseClientMessage,
  type AwarenessMessage,
  type ChatMessage,
  type ClientMessage,
  type ErrorCode,
  type Participant,
  type RoomRole,
  type ServerMessage,
  type WelcomeMessage,
} from "../lib/realtime/protocol";
import { ARCHIVE_ATTEMPTS, ARCHIVE_FIRST_RETRY_MS, buildArchive, deliverArchive } from "./room-archive";
import { RoomDoc } from "./room-doc";
import { TokenBucket } from "./rate-limit";
import { SqlRoomStore } from "./room-store";
import { ChatLog, type TranscriptEntry } from "./chat-log";

export type Env = {
  Workspace: DurableObjectNamespace<WorkspaceRoom>;
  REALTIME_SECRET?: string;
};

/** Who is on a connection; set only once the connection is admitted. */
export type ConnectionState = { userId: string; handle: string; role: RoomRole; host: boolean };

/** Set by the Worker (party/index.ts) after it verified the token; never read from clients directly. */
export const IDENTITY_HEADERS = {
  userId: "x-kontact-user-id",
  handle: "x-kontact-handle",
  role: "x-kontact-role",
  host: "x-kontact-host",
} as const;

/** Chat, sync and clear share one bucket per connection: sustained messages per second, and the burst. */
export const RATE_LIMIT_PER_SECOND = 10;
export const RATE_LIMIT_BURST = 20;
/** Awareness has its own, larger bucket: clients send cursors at ~15 Hz. */
export const AWARENESS_PER_SECOND = 30;
export const AWARENESS_BURST = 60;

type Conn = Connection<ConnectionState>;
type Buckets = { messages: TokenBucket; awareness: TokenBucket };

const endRequestSchema = z.object({ callbackUrl: z.url({ protocol: /^https?$/ }) });
const META = { ended: "ended_at", host: "host_handle", archiveUrl: "archive_callback_url", archiveAttempt: "archive_attempt" } as const;

/** One room per workspace id: presence, the editor seat cap, chat, the shared Yjs document, ending. */
export class WorkspaceRoom extends Server<Env> {
  // No hibernation: with it, closing a socket inside onConnect (the room_full refusal) never
  // reached the client on workerd 1.20260426 (measured). A live room stays in memory anyway.
  static override options = { hibernate: false };

  readonly #buckets = new Map<string, Buckets>();
  readonly #awareness = new Map<string, AwarenessMessage>();
  #store!: SqlRoomStore;
  #chatLog!: ChatLog;
  #doc!: RoomDoc;
  #ended = false;
  #host: string | null = null;

  override onStart(): void {
    this.#chatLog = new ChatLog(this.ctx.storage);
    this.#store = new SqlRoomStore(this.ctx.storage);
    this.#doc = new RoomDoc(this.#store);
    this.#ended = this.#store.getMeta(META.ended) !== null;
    this.#host = this.#store.getMeta(META.host);
  }

  override onConnect(connection: Conn, ctx: ConnectionContext): void {
    if (this.#ended) {
      connection.close(CloseCode.sessionEnded, CloseReason.sessionEnded);
      return;
    }
    const identity = identityFrom(ctx.request);
    if (!identity) {
      connection.close(CloseCode.unauthorized, CloseReason.unauthorized);
      return;
    }
    // Count and seat without any await in between: the Durable Object runs one event at a
    // time, so the cap is exact however many editors join at once.
    if (identity.role === "editor" && !this.#hasSeatFor(identity.userId)) {
      connection.close(CloseCode.roomFull, CloseReason.roomFull);
      return;
    }
    connection.setState(identity);
    if (identity.host && this.#host !== identity.handle) {
      this.#host = identity.handle;
      this.#store.setMeta(META.host, identity.handle);
    }
    const welcome: WelcomeMessage = {
      type: "welcome",
      you: { handle: identity.handle, role: identity.role },
      participants: this.#participants(),
      maxEditors: MAX_EDITORS,
      host: this.#host,
    };
    send(connection, welcome);
    send(connection, { type: "sync", update: bytesToBase64(this.#doc.state()) });
    for (const awareness of this.#awareness.values()) send(connection, awareness);
    this.#broadcast({ type: "presence", participants: this.#participants() });
  }

  override onClose(connection: Conn): void {
    this.#buckets.delete(connection.id);
    if (isEmpty(this.getConnections())) this.#chatLog.flush(); // the last one left: write what is pending now
    if (!connection.state || this.#ended) return; // refused at the door, or everyone is leaving
    const awareness = this.#awareness.get(connection.id);
    this.#awareness.delete(connection.id);
    if (awareness) {
      this.#broadcast({ ...awareness, cursor: null, typing: false, stroke: null }, [connection.id]);
    }
    this.#broadcast({ type: "presence", participants: this.#participants(connection.id) }, [connection.id]);
  }

  override onMessage(connection: Conn, message: WSMessage): void {
    const state = connection.state;
    if (!state) return;
    if (typeof message !== "string" || message.length > MAX_SYNC_FRAME_LENGTH) {
      if (this.#allowed(connection, "messages")) {
        sendError(connection, "invalid_message", "Messages are JSON text frames of at most 16 KB (64 KB for sync)");
      }
      return;
    }
    const parsed = parseClientMessage(message);
    const bucket = parsed.ok && parsed.message.type === "awareness" ? "awareness" : "messages";
    if (!this.#allowed(connection, bucket)) return;
    if (!parsed.ok) {
      sendError(connection, "invalid_message", parsed.error);
      return;
    }
    if (parsed.message.type !== "sync" && message.length > MAX_FRAME_LENGTH) {
      sendError(connection, "invalid_message", "Messages other than sync are at most 16 KB");
      return;
    }
    if (isMutating(parsed.message) && state.role !== "editor") {
      sendError(connection, "read_only", "Spectators cannot change the room");
      return;
    }
    this.#handle(connection, state, parsed.message);
  }

  /** Internal HTTP, authorised by party/index.ts: `POST …/end` ends the session. */
  override async onRequest(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    // Who is in the room now, for the app's list of live sessions (party/index.ts checked the token).
    if (pathname.endsWith("/presence") && request.method === "GET") return json(200, { participants: this.#participants(), maxEditors: MAX_EDITORS });
    if (!pathname.endsWith("/end")) return json(404, { error: { code: "not_found", message: "Not found" } });
    if (request.method !== "POST") return json(405, { error: { code: "method_not_allowed", message: "Use POST" } });
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      body = null;
    }
    const parsed = endRequestSchema.safeParse(body);
    if (!parsed.success) return json(422, { error: { code: "validation_failed", message: z.prettifyError(parsed.error) } });
    this.#end(parsed.data.callbackUrl);
    return json(202, { status: "ended" });
  }

  /** Delivers the archive after an end; retries with doubling waits, also across restarts. */
  override async onAlarm(): Promise<void> {
    const callbackUrl = this.#store.getMeta(META.archiveUrl);
    const secret = this.env.REALTIME_SECRET;
    if (!callbackUrl || !secret) return;
    const attempt = Number(this.#store.getMeta(META.archiveAttempt) ?? "0") + 1;
    this.#store.setMeta(META.archiveAttempt, String(attempt));
    const archive = buildArchive(this.readTranscript(), this.#doc);
    if (await deliverArchive(callbackUrl, this.#roomId(), secret, archive)) {
      this.ctx.storage.sql.exec("DELETE FROM room_meta WHERE key IN (?, ?)", META.archiveUrl, META.archiveAttempt);
      return;
    }
    if (attempt >= ARCHIVE_ATTEMPTS) {
      console.error(`Room ${this.#roomId()}: giving up on the archive after ${attempt} attempts`);
      return;
    }
    await this.ctx.storage.setAlarm(Date.now() + ARCHIVE_FIRST_RETRY_MS * 2 ** (attempt - 1));
  }

  /** The stored chat, oldest first (for the transcript export). */
  readTranscript(): TranscriptEntry[] {
    return this.#chatLog.read();
  }

  #handle(connection: Conn, state: ConnectionState, message: ClientMessage): void {
    switch (message.type) {
      case "chat":
        this.#chat(state, message.text);
        break;
      case "sync":
        this.#sync(connection, state, message.update);
        break;
      case "awareness": {
        const awareness: AwarenessMessage = { ...message, handle: state.handle };
        this.#awareness.set(connection.id, awareness);
        this.#broadcast(awareness, [connection.id]);
        break;
      }
      case "clear": {
        if (!state.host) {
          sendError(connection, "read_only", "Only the host can clear the canvas");
          break;
        }
        const update = this.#doc.clear();
        if (update) this.#broadcast({ type: "sync", update: bytesToBase64(update) });
        break;
      }
    }
  }

  #sync(connection: Conn, state: ConnectionState, encoded: string): void {
    let update: Uint8Array;
    try {
      update = base64ToBytes(encoded);
    } catch {
      sendError(connection, "invalid_message", "update is not base64");
      return;
    }
    if (update.length > MAX_SYNC_UPDATE_BYTES) {
      sendError(connection, "invalid_message", `An update is at most ${MAX_SYNC_UPDATE_BYTES} bytes`);
      return;
    }
    // Applied and written to SQLite (synchronously) before anyone hears of it.
    const result = this.#doc.applyClientUpdate(update, state, connection);
    if (result.forOthers) this.#broadcast({ type: "sync", update: bytesToBase64(result.forOthers) }, [connection.id]);
    if (result.forSender) send(connection, { type: "sync", update: bytesToBase64(result.forSender) });
    if (result.error) sendError(connection, "invalid_message", result.error);
  }

  #end(callbackUrl: string): void {
    this.#chatLog.flush();
    if (!this.#ended) {
      this.#ended = true;
      this.#store.setMeta(META.ended, new Date().toISOString());
    }
    // Every end (re)starts delivery: the app may ask again if it missed the archive.
    this.#store.setMeta(META.archiveUrl, callbackUrl);
    this.#store.setMeta(META.archiveAttempt, "0");
    void this.ctx.storage.setAlarm(Date.now());
    for (const connection of this.getConnections<ConnectionState>()) {
      connection.close(CloseCode.sessionEnded, CloseReason.sessionEnded);
    }
    this.#awareness.clear();
  }

  /** Everyone hears it at once; the transcript gets it with the next batch (party/chat-log.ts). */
  #chat(author: ConnectionState, text: string): void {
    const chat: ChatMessage = {
      type: "chat",
      id: crypto.randomUUID(),
      author: author.handle,
      text,
      at: new Date().toISOString(),
    };
    this.#broadcast(chat);
    this.#chatLog.add({ id: chat.id, authorId: author.userId, author: chat.author, text: chat.text, at: chat.at });
  }

  /** Seats go to users: a second tab of a seated editor does not take another seat. */
  #hasSeatFor(userId: string): boolean {
    const seated = new Set<string>();
    for (const other of this.getConnections<ConnectionState>()) {
      if (other.state?.role === "editor") seated.add(other.state.userId);
    }
    return seated.has(userId) || seated.size < MAX_EDITORS;
  }

  /** Admitted users, once each, with their best role (editor beats spectator). */
  #participants(excludeConnectionId?: string): Participant[] {
    const byUser = new Map<string, Participant>();
    for (const other of this.getConnections<ConnectionState>()) {
      const state = other.state;
      if (!state || other.id === excludeConnectionId) continue;
      const known = byUser.get(state.userId);
      if (!known || (known.role === "spectator" && state.role === "editor")) {
        byUser.set(state.userId, { handle: state.handle, role: state.role });
      }
    }
    return [...byUser.values()];
  }

  /** Takes a token from one of the connection's buckets; tells the sender once per refused streak. */
  #allowed(connection: Conn, bucket: keyof Buckets): boolean {
    let buckets = this.#buckets.get(connection.id);
    if (!buckets) {
      buckets = {
        messages: new TokenBucket(RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST),
        awareness: new TokenBucket(AWARENESS_PER_SECOND, AWARENESS_BURST),
      };
      this.#buckets.set(connection.id, buckets);
    }
    const outcome = buckets[bucket].take();
    if (outcome === "refused-first") {
      sendError(connection, "rate_limited", `Slow down: at most ${buckets[bucket].perSecond} ${bucket} per second`);
    }
    return outcome === "ok";
  }

  #roomId(): string {
    return decodeURIComponent(this.name);
  }

  #broadcast(message: ServerMessage, without?: string[]): void {
    this.broadcast(JSON.stringify(message), without);
  }
}

function isEmpty(connections: Iterable<unknown>): boolean {
  for (const _ of connections) return false;
  return true;
}

function send(connection: Conn, message: ServerMessage): void {
  connection.send(JSON.stringify(message));
}

function sendError(connection: Conn, code: ErrorCode, message: string): void {
  send(connection, { type: "error", code, message });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

function identityFrom(request: Request): ConnectionState | null {
  const userId = request.headers.get(IDENTITY_HEADERS.userId);
  const handle = request.headers.get(IDENTITY_HEADERS.handle);
  const role = request.headers.get(IDENTITY_HEADERS.role);
  const host = request.headers.get(IDENTITY_HEADERS.host) === "true";
  if (!userId || !handle || (role !== "editor" && role !== "spectator")) return null;
  return { userId, handle, role, host };
}
