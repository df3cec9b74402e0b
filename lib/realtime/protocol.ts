import { z } from "zod";

/**
 * The workspace room's message protocol, shared by the room server (party/) and the browser.
 * Keep this file free of Node-only and Worker-only imports.
 */

/** Seats for editors in one room (COLLAB_CANVAS_MAX_USERS in lib/config.ts). */
export const MAX_EDITORS = 6 as const;

/** Longest chat message, in UTF-16 code units. */
export const MAX_CHAT_LENGTH = 2000;

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

/** Every message a client may send. Add canvas/notes/cursor variants here. */
export const clientMessageSchema = z.discriminatedUnion("type", [clientChatSchema]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientMessageType = ClientMessage["type"];

/** Message types that change the room; spectators may not send them. */
const mutatingTypes: ReadonlySet<ClientMessageType> = new Set<ClientMessageType>(["chat"]);

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

export type WelcomeMessage = {
  type: "welcome";
  you: Participant;
  participants: Participant[];
  maxEditors: typeof MAX_EDITORS;
};

export type PresenceMessage = { type: "presence"; participants: Participant[] };

/** `at` is an ISO 8601 UTC time set by the server. */
export type ChatMessage = { type: "chat"; id: string; author: string; text: string; at: string };

export type ErrorCode = "invalid_message" | "read_only" | "rate_limited";

export type ErrorMessage = { type: "error"; code: ErrorCode; message: string };

export type ServerMessage = WelcomeMessage | PresenceMessage | ChatMessage | ErrorMessage;

// Schemas for the browser to parse what the server sends (socket data is parsed, never cast).
const participantSchema = z.object({ handle: z.string(), role: z.enum(["editor", "spectator"]) });

export const serverMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("welcome"),
    you: participantSchema,
    participants: z.array(participantSchema),
    maxEditors: z.literal(MAX_EDITORS),
  }),
  z.object({ type: z.literal("presence"), participants: z.array(participantSchema) }),
  z.object({ type: z.literal("chat"), id: z.string(), author: z.string(), text: z.string(), at: z.string() }),
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
