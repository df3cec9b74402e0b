import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import {
  CloseCode,
  CloseReason,
  isMutating,
  MAX_EDITORS,
  parseClientMessage,
  type ChatMessage,
  type ErrorCode,
  type Participant,
  type RoomRole,
  type ServerMessage,
  type WelcomeMessage,
} from "../lib/realtime/protocol";

export type Env = {
  Workspace: DurableObjectNamespace<WorkspaceRoom>;
  REALTIME_SECRET?: string;
};

/** Who is on a connection; set only once the connection is admitted. */
export type ConnectionState = { userId: string; handle: string; role: RoomRole };

/** Set by the Worker (party/index.ts) after it verified the token; never read from clients directly. */
export const IDENTITY_HEADERS = {
  userId: "x-kontact-user-id",
  handle: "x-kontact-handle",
  role: "x-kontact-role",
} as const;

/** Token bucket per connection: sustained messages per second, and the burst allowed on top. */
export const RATE_LIMIT_PER_SECOND = 10;
export const RATE_LIMIT_BURST = 20;
/** Frames longer than this are refused before parsing. */
export const MAX_FRAME_LENGTH = 16 * 1024;
/** Chat messages kept in room storage for the transcript export. */
export const TRANSCRIPT_LIMIT = 5000;

export type TranscriptEntry = { id: string; authorId: string; author: string; text: string; at: string };

type Bucket = { tokens: number; updatedAt: number; warned: boolean };
type Conn = Connection<ConnectionState>;

/** One room per workspace id: presence, the editor seat cap, chat and its transcript. */
export class WorkspaceRoom extends Server<Env> {
  // No hibernation: with it, closing a socket inside onConnect (the room_full refusal) never
  // reached the client on workerd 1.20260426 (measured). A live room stays in memory anyway.
  static override options = { hibernate: false };

  readonly #buckets = new Map<string, Bucket>();

  override onStart(): void {
    this.ctx.storage.sql.exec(
      `CREATE TABLE IF NOT EXISTS chat (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL, author_id TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL
      )`,
    );
  }

  override onConnect(connection: Conn, ctx: ConnectionContext): void {
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
    const welcome: WelcomeMessage = {
      type: "welcome",
      you: { handle: identity.handle, role: identity.role },
      participants: this.#participants(),
      maxEditors: MAX_EDITORS,
    };
    send(connection, welcome);
    this.#broadcast({ type: "presence", participants: this.#participants() });
  }

  override onClose(connection: Conn): void {
    this.#buckets.delete(connection.id);
    if (!connection.state) return; // refused at the door: nobody saw it arrive
    this.#broadcast({ type: "presence", participants: this.#participants(connection.id) }, [connection.id]);
  }

  override onMessage(connection: Conn, message: WSMessage): void {
    const state = connection.state;
    if (!state) return;
    if (!this.#takeToken(connection)) return;
    if (typeof message !== "string" || message.length > MAX_FRAME_LENGTH) {
      sendError(connection, "invalid_message", "Messages are JSON text frames of at most 16 KB");
      return;
    }
    const parsed = parseClientMessage(message);
    if (!parsed.ok) {
      sendError(connection, "invalid_message", parsed.error);
      return;
    }
    if (isMutating(parsed.message) && state.role !== "editor") {
      sendError(connection, "read_only", "Spectators cannot change the room");
      return;
    }
    switch (parsed.message.type) {
      case "chat":
        this.#chat(state, parsed.message.text);
        break;
    }
  }

  /** The stored chat, oldest first (for the transcript export). */
  readTranscript(): TranscriptEntry[] {
    return this.ctx.storage.sql
      .exec<{ id: string; author_id: string; author: string; text: string; at: string }>(
        "SELECT id, author_id, author, text, at FROM chat ORDER BY seq",
      )
      .toArray()
      .map((row) => ({ id: row.id, authorId: row.author_id, author: row.author, text: row.text, at: row.at }));
  }

  #chat(author: ConnectionState, text: string): void {
    const chat: ChatMessage = {
      type: "chat",
      id: crypto.randomUUID(),
      author: author.handle,
      text,
      at: new Date().toISOString(),
    };
    const sql = this.ctx.storage.sql;
    sql.exec(
      "INSERT INTO chat (id, author_id, author, text, at) VALUES (?, ?, ?, ?, ?)",
      chat.id,
      author.userId,
      chat.author,
      chat.text,
      chat.at,
    );
    sql.exec("DELETE FROM chat WHERE seq <= (SELECT MAX(seq) FROM chat) - ?", TRANSCRIPT_LIMIT);
    this.#broadcast(chat);
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

  /** Token bucket; on the first refused message of a streak, tells the sender once. */
  #takeToken(connection: Conn): boolean {
    const now = Date.now();
    const bucket = this.#buckets.get(connection.id) ?? { tokens: RATE_LIMIT_BURST, updatedAt: now, warned: false };
    bucket.tokens = Math.min(RATE_LIMIT_BURST, bucket.tokens + ((now - bucket.updatedAt) / 1000) * RATE_LIMIT_PER_SECOND);
    bucket.updatedAt = now;
    this.#buckets.set(connection.id, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.warned = false;
      return true;
    }
    if (!bucket.warned) {
      bucket.warned = true;
      sendError(connection, "rate_limited", `Slow down: at most ${RATE_LIMIT_PER_SECOND} messages per second`);
    }
    return false;
  }

  #broadcast(message: ServerMessage, without?: string[]): void {
    this.broadcast(JSON.stringify(message), without);
  }
}

function send(connection: Conn, message: ServerMessage): void {
  connection.send(JSON.stringify(message));
}

function sendError(connection: Conn, code: ErrorCode, message: string): void {
  send(connection, { type: "error", code, message });
}

function identityFrom(request: Request): ConnectionState | null {
  const userId = request.headers.get(IDENTITY_HEADERS.userId);
  const handle = request.headers.get(IDENTITY_HEADERS.handle);
  const role = request.headers.get(IDENTITY_HEADERS.role);
  if (!userId || !handle || (role !== "editor" && role !== "spectator")) return null;
  return { userId, handle, role };
}
