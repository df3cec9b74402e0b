import { z } from "zod";
import { CANVAS_WIDTH, MAX_STROKE_WIDTH, MIN_STROKE_WIDTH } from "./archive";

/**
 * The workspace room's message protocol, shared by the room server (party/) and the browser.
 * Keep this file free of Node-only and Worker-only imports.
 */

/** Seats for editors in one room (COLLAB_CANVAS_MAX_USERS in lib/config.ts). */
export const MAX_EDITORS = 6 as const;

/** Longest chat message, in UTF-16 code units. */
export const MAX_CHAT_LENGTH = 2000;

/** Frames longer than this are refused before parsing; only `sync` frames may be this long. */
export const MAX_SYNC_FRAME_LENGTH = 64 * 1024;
/** Every other frame (chat, awareness, clear) stays under this. */
export const MAX_FRAME_LENGTH = 16 * 1024;
/** Raw bytes of one Yjs update in a sync frame: its base64 plus the JSON around it fits the sync limit. */
export const MAX_SYNC_UPDATE_BYTES = 48_000;
/** Points (x, y pairs) of a stroke in progress sent as awareness; keeps the frame under 16 KB. */
export const MAX_LIVE_STROKE_POINTS = 500;

/** The room writes chat to its storage at least this often (party/chat-log.ts). */
export const CHAT_FLUSH_MS = 250;

/** The party segment of the socket path: `/parties/workspace/<room>`. */
export const ROOM_PARTY = "workspace";

export type RoomRole = "editor" | "spectator";
export type RoomMode = "edit" | "spectate";

/** Application close codes (4000-4999). partysocket must not reconnect after these. */
export const CloseCode = {
  unauthorized: 4401,
  sessionEnded: 4410,
  roomFull: 4429,
} as const;

export const CloseReason = {
  unauthorized: "unauthorized",
  sessionEnded: "session_ended",
  roomFull: "room_full",
} as const;

const terminalCloseCodes: ReadonlySet<number> = new Set(Object.values(CloseCode));

/** True when a client should stop reconnecting after this close code. */
export function isTerminalCloseCode(code: number): boolean {
  return terminalCloseCodes.has(code);
}

// ---------------------------------------------------------------- client → server

const chatText = z
  .string()
  .max(MAX_CHAT_LENGTH, `at most ${MAX_CHAT_LENGTH} characters`)
  .refine((text) => text.trim().length > 0, "must not be empty");

export const clientChatSchema = z.object({ type: z.literal("chat"), text: chatText });

const base64 = z
  .string()
  .min(4)
  .max(Math.ceil(MAX_SYNC_UPDATE_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64")
  .refine((text) => text.length % 4 === 0, "base64 comes in blocks of 4");

/** A Yjs update (Y.encodeStateAsUpdate / the doc's "update" event), base64. */
export const clientSyncSchema = z.object({ type: z.literal("sync"), update: base64 });

const coordinate = z.number().finite().min(-CANVAS_WIDTH).max(CANVAS_WIDTH * 2);
const cursorSchema = z.object({ x: coordinate, y: coordinate }).nullable();
const liveStrokeSchema = z
  .object({
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #1a2b3c"),
    width: z.number().min(MIN_STROKE_WIDTH).max(MAX_STROKE_WIDTH),
    points: z
      .array(coordinate)
      .max(MAX_LIVE_STROKE_POINTS * 2)
      .refine((points) => points.length % 2 === 0, "points come in x, y pairs"),
  })
  .nullable();

/** Ephemeral presence: cursor on the canvas, typing in notes or chat, the stroke being drawn. */
export const clientAwarenessSchema = z.object({
  type: z.literal("awareness"),
  cursor: cursorSchema,
  typing: z.boolean(),
  stroke: liveStrokeSchema,
});

/** Host only: removes every stroke from the canvas. */
export const clientClearSchema = z.object({ type: z.literal("clear") });

/** Every message a client may send. */
export const clientMessageSchema = z.discriminatedUnion("type", [
  clientChatSchema,
  clientSyncSchema,
  clientAwarenessSchema,
  clientClearSchema,
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientMessageType = ClientMessage["type"];

/** Message types only editors may send; spectators get read_only. */
const mutatingTypes: ReadonlySet<ClientMessageType> = new Set<ClientMessageType>(["chat", "sync", "awareness", "clear"]);

export function isMutating(message: ClientMessage): boolean {
  return mutatingTypes.has(message.type);
}

export type ParsedClientMessage =
  | { ok: true; message: ClientMessage }
  | { ok: false; error: string };

/** Parses a raw socket frame; never throws. */
export function parseClientMessage(raw: string): ParsedClientMessage {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, error: "Message is not valid JSON" };
  }
  const parsed = clientMessageSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  return { ok: true, message: parsed.data };
}

// ---------------------------------------------------------------- server → client

export type Participant = { handle: string; role: RoomRole };

export type Cursor = { x: number; y: number };
export type LiveStroke = { color: string; width: number; points: number[] };

export type WelcomeMessage = {
  type: "welcome";
  you: Participant;
  participants: Participant[];
  maxEditors: typeof MAX_EDITORS;
  /** The host's handle once the host has joined this room at least once; null before. */
  host: string | null;
};

export type PresenceMessage = { type: "presence"; participants: Participant[] };

/** `at` is an ISO 8601 UTC time set by the server. */
export type ChatMessage = { type: "chat"; id: string; author: string; text: string; at: string };

/** A Yjs update, base64. Right after welcome: the full document; later: others' changes. */
export type SyncMessage = { type: "sync"; update: string };

export type AwarenessMessage = {
  type: "awareness";
  handle: string;
  cursor: Cursor | null;
  typing: boolean;
  stroke: LiveStroke | null;
};

export type ErrorCode = "invalid_message" | "read_only" | "rate_limited";

/** Ends an invalid_message whose sync frame the room could not place (it lacks earlier changes):
 * the client should reconnect, which exchanges full state. */
export const RESYNC_HINT = "reconnect to resync";

export type ErrorMessage = { type: "error"; code: ErrorCode; message: string };

export type ServerMessage = WelcomeMessage | PresenceMessage | ChatMessage | SyncMessage | AwarenessMessage | ErrorMessage;

// Schemas for the browser to parse what the server sends (socket data is parsed, never cast).
// Server frames are trusted more than client ones (no size caps), but still parsed.
const participantSchema = z.object({ handle: z.string(), role: z.enum(["editor", "spectator"]) });
const numberPair = z.object({ x: z.number(), y: z.number() });

export const serverMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("welcome"),
    you: participantSchema,
    participants: z.array(participantSchema),
    maxEditors: z.literal(MAX_EDITORS),
    host: z.string().nullable(),
  }),
  z.object({ type: z.literal("presence"), participants: z.array(participantSchema) }),
  z.object({ type: z.literal("chat"), id: z.string(), author: z.string(), text: z.string(), at: z.string() }),
  z.object({ type: z.literal("sync"), update: z.string() }),
  z.object({
    type: z.literal("awareness"),
    handle: z.string(),
    cursor: numberPair.nullable(),
    typing: z.boolean(),
    stroke: z.object({ color: z.string(), width: z.number(), points: z.array(z.number()) }).nullable(),
  }),
  z.object({
    type: z.literal("error"),
    code: z.enum(["invalid_message", "read_only", "rate_limited"]),
    message: z.string(),
  }),
]);

// Compile-time check that the schema and the hand-written union agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<z.infer<typeof serverMessageSchema>, ServerMessage> = true;
void schemaMatchesTypes;

/** Parses a frame received from the room; returns null for anything unexpected. */
export function parseServerMessage(raw: string): ServerMessage | null {
  try {
    const parsed = serverMessageSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- base64 (browser, Node and workerd)

/** Base64 of bytes, without Node's Buffer so the browser and workerd can use it too. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000; // keeps String.fromCharCode's argument list small
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Bytes of a base64 string; throws on characters outside the alphabet. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
