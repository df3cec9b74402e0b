import ReconnectingWebSocket from "partysocket/ws";
import * as Y from "yjs";
import { strokeSchema, type Stroke } from "./archive";
import {
  base64ToBytes,
  bytesToBase64,
  CloseCode,
  MAX_LIVE_STROKE_POINTS,
  MAX_SYNC_UPDATE_BYTES,
  parseServerMessage,
  RESYNC_HINT,
  type ChatMessage,
  type Cursor,
  type LiveStroke,
  type Participant,
} from "./protocol";

/**
 * The browser side of a workspace room: one Y.Doc (notes + strokes, layout in ./archive.ts)
 * kept in sync with the room over the JSON protocol in ./protocol.ts, plus chat, presence and
 * awareness. Browser-safe (partysocket + yjs); Node tests pass `ws` as `WebSocket`.
 */

export type RoomStatus = "connecting" | "open" | "reconnecting" | "full" | "ended" | "unauthorized" | "closed";

export type RoomClientOptions = {
  /** A fresh socket URL (with a fresh token) for every connection attempt. Rejecting with an
   * error whose `status` is 401/403/404 stops for good as "unauthorized", 410 as "ended". */
  getUrl: () => Promise<string>;
  /** For Node tests: the `ws` package. Browsers use the global WebSocket. */
  WebSocket?: typeof WebSocket;
  /** Reconnect backoff bounds; defaults suit browsers (0.5-1.5 s growing to 10 s). */
  minReconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
};

export type AwarenessState = { cursor: Cursor | null; typing: boolean; stroke: LiveStroke | null };
export type PeerAwareness = AwarenessState & { handle: string };
export type RoomError = { code: string; message: string };

type Events = {
  status: RoomStatus;
  welcome: Participant[];
  presence: Participant[];
  chat: ChatMessage;
  awareness: PeerAwareness;
  error: RoomError;
  change: void;
};

/** Changes from the server; everything else in the doc is ours to send. */
const REMOTE = Symbol("remote");
/** At most this many sync frames per second (~8/s); the room allows 10/s shared with chat. */
const SYNC_INTERVAL_MS = 120;
/** Awareness at ~15 Hz, as the room's awareness bucket expects. */
const AWARENESS_INTERVAL_MS = 66;
/** Local updates kept for splitting a large catch-up into frames the room accepts. */
const LOCAL_LOG_MAX_BYTES = 4 * 1024 * 1024;
/** An encoded update with no structs and an empty delete set. */
const EMPTY_UPDATE_LENGTH = 2;

const terminalStatus: Record<number, RoomStatus> = {
  [CloseCode.roomFull]: "full",
  [CloseCode.sessionEnded]: "ended",
  [CloseCode.unauthorized]: "unauthorized",
};

export class RoomClient {
  readonly doc = new Y.Doc();
  readonly notes: Y.Text = this.doc.getText("notes");
  readonly strokes: Y.Map<Stroke> = this.doc.getMap<Stroke>("strokes");
  /** Others' latest awareness by handle (only people present). */
  readonly awareness = new Map<string, PeerAwareness>();
  status: RoomStatus = "closed";
  you: Participant | null = null;
  host: string | null = null;
  participants: Participant[] = [];

  readonly #options: RoomClientOptions;
  readonly #listeners = new Map<keyof Events, Set<(value: never) => void>>();
  readonly #local = { origin: "local" };
  readonly #undo: Y.UndoManager;
  #socket: ReconnectingWebSocket | null = null;
  #closedByUser = false;
  /** Welcome seen on this socket and its full-state sync not yet: the next sync is the catch-up. */
  #awaitingState = false;
  /** Server state applied and our catch-up sent: live updates may flow. */
  #synced = false;
  #outbox: Uint8Array[] = [];
  #localLog: Uint8Array[] = [];
  #localLogBytes = 0;
  #flushTimer: ReturnType<typeof setTimeout> | null = null;
  #lastSyncSentAt = -Infinity;
  #awarenessState: AwarenessState = { cursor: null, typing: false, stroke: null };
  #awarenessTimer: ReturnType<typeof setTimeout> | null = null;
  #awarenessDirty = false;
  #lastAwarenessSentAt = -Infinity;

  constructor(options: RoomClientOptions) {
    this.#options = options;
    this.#undo = new Y.UndoManager(this.strokes, { trackedOrigins: new Set([this.#local]), captureTimeout: 0 });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      this.#remember(update);
      if (this.you?.role === "spectator") {
        this.#emit("error", { code: "read_only", message: "Spectators cannot change the room" });
        return;
      }
      if (this.#synced) {
        this.#outbox.push(update);
        this.#scheduleFlush();
      }
      // Not synced: the catch-up after the next welcome carries it.
    });
    this.doc.on("afterTransaction", (transaction: Y.Transaction) => {
      const changed = transaction.changed as Map<unknown, unknown>;
      if (changed.has(this.notes) || changed.has(this.strokes)) this.#emit("change", undefined);
    });
  }

  connect(): void {
    if (this.#socket) return;
    this.#closedByUser = false;
    this.#setStatus("connecting");
    const socket = new ReconnectingWebSocket(() => this.#nextUrl(), undefined, {
      WebSocket: this.#options.WebSocket,
      minReconnectionDelay: this.#options.minReconnectDelayMs ?? 500 + Math.random() * 1000,
      maxReconnectionDelay: this.#options.maxReconnectDelayMs ?? 10_000,
      maxEnqueuedMessages: 0, // nothing is sent before the room's state arrives
      shouldReconnectOnClose: (event) => !(event.code in terminalStatus),
    });
    socket.addEventListener("message", (event) => {
      if (typeof event.data === "string") this.#receive(event.data);
    });
    socket.addEventListener("close", (event) => this.#onClose(event.code));
    this.#socket = socket;
  }

  close(): void {
    this.#closedByUser = true;
    this.#stopTimers();
    this.#synced = false;
    this.#socket?.close(1000, "bye");
    this.#socket = null;
    this.#setStatus("closed");
  }

  on(event: "status", fn: (status: RoomStatus) => void): () => void;
  on(event: "welcome" | "presence", fn: (participants: Participant[]) => void): () => void;
  on(event: "chat", fn: (message: ChatMessage) => void): () => void;
  on(event: "awareness", fn: (awareness: PeerAwareness) => void): () => void;
  on(event: "error", fn: (error: RoomError) => void): () => void;
  on(event: "change", fn: () => void): () => void;
  on(event: keyof Events, fn: (value: never) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, set);
    set.add(fn);
    return () => set.delete(fn);
  }

  /** Sends now or not at all: chat typed while disconnected is refused with a "not_connected" error. */
  sendChat(text: string): void {
    if (this.#refuseSpectator()) return;
    if (!this.#synced || !this.#send({ type: "chat", text })) {
      this.#emit("error", { code: "not_connected", message: "Not connected to the room: the message was not sent" });
    }
  }

  /** Merges into the local awareness and sends it at most ~15 times a second. */
  setAwareness(awareness: Partial<AwarenessState>): void {
    const stroke = awareness.stroke === undefined ? this.#awarenessState.stroke : trimLiveStroke(awareness.stroke);
    this.#awarenessState = {
      cursor: awareness.cursor === undefined ? this.#awarenessState.cursor : awareness.cursor,
      typing: awareness.typing ?? this.#awarenessState.typing,
      stroke,
    };
    this.#awarenessDirty = true;
    this.#scheduleAwareness();
  }

  /** Adds a finished stroke; returns its id. Throws if the stroke breaks the stroke schema. */
  addStroke(stroke: Omit<Stroke, "id">): string {
    if (this.#refuseSpectator()) return "";
    const id = newId();
    const parsed = strokeSchema.safeParse({ ...stroke, id });
    if (!parsed.success) throw new RangeError(`Invalid stroke: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    this.doc.transact(() => this.strokes.set(id, parsed.data), this.#local);
    return id;
  }

  erase(strokeId: string): void {
    if (this.#refuseSpectator() || !this.strokes.has(strokeId)) return;
    this.doc.transact(() => this.strokes.delete(strokeId), this.#local);
  }

  /** Undoes the caller's own last stroke change (add or erase); others' changes are untouched. */
  undo(): void {
    if (!this.#refuseSpectator()) this.#undo.undo();
  }

  redo(): void {
    if (!this.#refuseSpectator()) this.#undo.redo();
  }

  /** Host only: the room removes every stroke and sends the removal to everyone. */
  clearCanvas(): void {
    if (this.#refuseSpectator()) return;
    if (!this.#send({ type: "clear" })) {
      this.#emit("error", { code: "not_connected", message: "Not connected to the room: the canvas was not cleared" });
    }
  }

  // ------------------------------------------------------------ internals

  async #nextUrl(): Promise<string> {
    try {
      return await this.#options.getUrl();
    } catch (error) {
      const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 0;
      const terminal = status === 410 ? "ended" : [401, 403, 404].includes(status) ? "unauthorized" : null;
      if (terminal) this.#stop(terminal);
      throw error;
    }
  }

  #receive(raw: string): void {
    const message = parseServerMessage(raw);
    if (!message) return;
    switch (message.type) {
      case "welcome":
        this.you = message.you;
        this.host = message.host;
        this.participants = message.participants;
        this.#awaitingState = true;
        this.#synced = false;
        this.#emit("welcome", message.participants);
        break;
      case "presence": {
        this.participants = message.participants;
        const present = new Set(message.participants.map((p) => p.handle));
        for (const handle of this.awareness.keys()) if (!present.has(handle)) this.awareness.delete(handle);
        this.#emit("presence", message.participants);
        break;
      }
      case "sync":
        this.#applyRemote(message.update);
        break;
      case "awareness": {
        const { type: _type, ...peer } = message;
        this.awareness.set(peer.handle, peer);
        this.#emit("awareness", peer);
        break;
      }
      case "chat":
        this.#emit("chat", message);
        break;
      case "error":
        this.#emit("error", { code: message.code, message: message.message });
        // A refused or unplaceable sync frame leaves the room without our change: reconnect,
        // which exchanges full state.
        const lostSync = message.code === "rate_limited" && performance.now() - this.#lastSyncSentAt < 1_000;
        if (lostSync || message.message.endsWith(RESYNC_HINT)) {
          this.#synced = false;
          this.#socket?.reconnect();
        }
        break;
    }
  }

  #applyRemote(encoded: string): void {
    let update: Uint8Array;
    try {
      update = base64ToBytes(encoded);
      Y.applyUpdate(this.doc, update, REMOTE);
    } catch {
      this.#emit("error", { code: "invalid_message", message: "The room sent an update that could not be applied" });
      return;
    }
    if (!this.#awaitingState) return;
    this.#awaitingState = false;
    this.#catchUp(update);
    this.#synced = true;
    this.#setStatus("open");
    const { cursor, typing, stroke } = this.#awarenessState;
    this.#awarenessDirty = cursor !== null || typing || stroke !== null; // others start from nothing
    this.#scheduleAwareness();
  }

  /** Sends what the room lacks after (re)connecting: one diff if it fits a frame, else our log in pieces. */
  #catchUp(serverState: Uint8Array): void {
    if (this.you?.role !== "editor") return;
    const encodedVector = Y.encodeStateVectorFromUpdate(serverState);
    const serverVector = Y.decodeStateVector(encodedVector);
    this.#localLog = this.#localLog.filter((update) => {
      const { to } = Y.parseUpdateMeta(update);
      return [...to].some(([client, clock]) => (serverVector.get(client) ?? 0) < clock);
    });
    this.#localLogBytes = this.#localLog.reduce((sum, update) => sum + update.length, 0);
    const diff = Y.encodeStateAsUpdate(this.doc, encodedVector);
    if (diff.length <= MAX_SYNC_UPDATE_BYTES) {
      this.#outbox = diff.length > EMPTY_UPDATE_LENGTH ? [diff] : [];
    } else {
      // Struct-carrying updates the room lacks, then every deletion we know (only a delete set).
      const deletions = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.doc));
      this.#outbox = [...this.#localLog, deletions];
    }
    this.#scheduleFlush();
  }

  #scheduleFlush(): void {
    if (this.#flushTimer || this.#outbox.length === 0) return;
    const wait = Math.max(0, this.#lastSyncSentAt + SYNC_INTERVAL_MS - performance.now());
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = null;
      this.#flush();
    }, wait);
  }

  /** Sends one frame: as many queued updates, merged, as fit the room's sync limit. */
  #flush(): void {
    if (!this.#synced || this.#outbox.length === 0) return;
    const group: Uint8Array[] = [];
    let size = 0;
    while (this.#outbox.length > 0) {
      const next = this.#outbox[0]!;
      if (group.length > 0 && size + next.length > MAX_SYNC_UPDATE_BYTES) break;
      group.push(next);
      size += next.length;
      this.#outbox.shift();
    }
    const update = group.length === 1 ? group[0]! : Y.mergeUpdates(group);
    if (update.length > MAX_SYNC_UPDATE_BYTES) {
      this.#emit("error", { code: "too_large", message: "A change is too large to send to the room" });
    } else if (this.#send({ type: "sync", update: bytesToBase64(update) })) {
      this.#lastSyncSentAt = performance.now();
    }
    this.#scheduleFlush();
  }

  #scheduleAwareness(): void {
    if (this.#awarenessTimer || !this.#awarenessDirty) return;
    const wait = Math.max(0, this.#lastAwarenessSentAt + AWARENESS_INTERVAL_MS - performance.now());
    this.#awarenessTimer = setTimeout(() => {
      this.#awarenessTimer = null;
      if (!this.#synced || this.you?.role !== "editor" || !this.#awarenessDirty) return;
      this.#awarenessDirty = false;
      this.#lastAwarenessSentAt = performance.now();
      this.#send({ type: "awareness", ...this.#awarenessState });
    }, wait);
  }

  #send(message: object): boolean {
    const socket = this.#socket;
    if (!socket || socket.readyState !== socket.OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  #remember(update: Uint8Array): void {
    this.#localLog.push(update);
    this.#localLogBytes += update.length;
    while (this.#localLogBytes > LOCAL_LOG_MAX_BYTES && this.#localLog.length > 1) {
      this.#localLogBytes -= this.#localLog.shift()!.length;
    }
  }

  #onClose(code: number): void {
    this.#synced = false;
    this.#awaitingState = false;
    this.#stopTimers();
    if (this.#closedByUser) return;
    const terminal = terminalStatus[code];
    if (terminal) this.#stop(terminal);
    else this.#setStatus("reconnecting");
  }

  #stop(status: RoomStatus): void {
    this.#closedByUser = true;
    this.#stopTimers();
    this.#synced = false;
    this.#socket?.close();
    this.#socket = null;
    this.#setStatus(status);
  }

  #stopTimers(): void {
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    if (this.#awarenessTimer) clearTimeout(this.#awarenessTimer);
    this.#flushTimer = null;
    this.#awarenessTimer = null;
    this.#outbox = [];
  }

  #refuseSpectator(): boolean {
    if (this.you?.role !== "spectator") return false;
    this.#emit("error", { code: "read_only", message: "Spectators cannot change the room" });
    return true;
  }

  #setStatus(status: RoomStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.#emit("status", status);
  }

  #emit<E extends keyof Events>(event: E, value: Events[E]): void {
    for (const fn of this.#listeners.get(event) ?? []) (fn as (value: Events[E]) => void)(value);
  }
}

function trimLiveStroke(stroke: LiveStroke | null): LiveStroke | null {
  if (!stroke || stroke.points.length <= MAX_LIVE_STROKE_POINTS * 2) return stroke;
  return { ...stroke, points: stroke.points.slice(-MAX_LIVE_STROKE_POINTS * 2) };
}

/** A random id; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
