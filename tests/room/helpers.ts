import { randomUUID } from "node:crypto";
import { afterEach, inject } from "vitest";
import WebSocket from "ws";
import { RoomClient } from "@/lib/realtime/room-client";
import { parseServerMessage, type RoomMode, type ServerMessage } from "@/lib/realtime/protocol";
import { roomUrl, signRoomToken } from "@/lib/realtime/token";

/** Shared by the room tests: raw `ws` clients, RoomClients, token URLs, bounded waits. */

export const wsBase = inject("roomWsUrl");
export const httpBase = inject("roomHttpUrl");
export const secret = inject("roomSecret");
export const WAIT_MS = 5_000;

export type Client = {
  handle: string;
  ws: WebSocket;
  messages: ServerMessage[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the next received message (after earlier matches) that passes `match`. */
  next<T extends ServerMessage["type"]>(type: T, match?: (m: Extract<ServerMessage, { type: T }>) => boolean): Promise<Extract<ServerMessage, { type: T }>>;
  send(data: unknown): void;
  close(): Promise<void>;
};

const openClients = new Set<Client>();
const roomClients = new Set<RoomClient>();
afterEach(async () => {
  for (const client of roomClients) client.close();
  roomClients.clear();
  await Promise.all([...openClients].map((client) => client.close()));
  openClients.clear();
});

export function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true; fails with `what` after `ms`. */
export async function eventually(check: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}

export type Who = { mode?: RoomMode; host?: boolean; base?: string };

export async function urlFor(room: string, handle: string, who: Who = {}): Promise<string> {
  const claims = { userId: `user-${handle}`, handle, room, mode: who.mode ?? "edit", ...(who.host ? { host: true } : {}) };
  const { token } = await signRoomToken(claims, secret, 60);
  return roomUrl(who.base ?? wsBase, room, token);
}

/** Connects and waits for the upgrade (not for the welcome: a full room closes after opening). */
export async function connect(room: string, handle: string, modeOrWho: RoomMode | Who = "edit"): Promise<Client> {
  const who = typeof modeOrWho === "string" ? { mode: modeOrWho } : modeOrWho;
  const ws = new WebSocket(await urlFor(room, handle, who));
  const messages: ServerMessage[] = [];
  let cursor = 0;
  const listeners = new Set<() => void>();
  ws.on("message", (data) => {
    const parsed = parseServerMessage(String(data));
    if (!parsed) throw new Error(`unexpected frame: ${String(data)}`);
    messages.push(parsed);
    for (const listener of listeners) listener();
  });
  ws.on("error", () => undefined); // a server going away mid-test surfaces as a close
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  const client: Client = {
    handle,
    ws,
    messages,
    closed,
    next(type, match) {
      type M = Extract<ServerMessage, { type: typeof type }>;
      const find = (): M | undefined => {
        for (let i = cursor; i < messages.length; i++) {
          const m = messages[i];
          if (m?.type === type && (!match || match(m as M))) {
            cursor = i + 1;
            return m as M;
          }
        }
        return undefined;
      };
      const found = new Promise<M>((resolve) => {
        const check = () => {
          const m = find();
          if (m) {
            listeners.delete(check);
            resolve(m);
          }
        };
        listeners.add(check);
        check();
      });
      return withTimeout(found, `${handle} to receive "${type}" (got ${JSON.stringify(messages.slice(cursor)).slice(0, 500)})`);
    },
    send(data) {
      ws.send(typeof data === "string" ? data : JSON.stringify(data));
    },
    async close() {
      openClients.delete(client);
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(1000);
      await withTimeout(closed, `${handle}'s socket to close`);
    },
  };
  openClients.add(client);
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    }),
    `${handle} to connect`,
  );
  return client;
}

/** Opens a socket that the server must refuse before the upgrade; returns status and body. */
export function refusal(url: string): Promise<{ status: number; body: unknown }> {
  const ws = new WebSocket(url);
  const refused = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    ws.on("open", () => reject(new Error("the socket was upgraded")));
    ws.on("error", () => undefined); // ws reports the aborted handshake after we read the answer
    ws.on("unexpected-response", (request, response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
      });
    });
  });
  return withTimeout(refused, `refusal of ${url}`);
}

/** A RoomClient on `ws`, closed after the test; reconnects fast so tests stay short. */
export function roomClient(room: string, handle: string, who: Who = {}): RoomClient {
  const client = new RoomClient({
    getUrl: () => urlFor(room, handle, who),
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    minReconnectDelayMs: 50,
    maxReconnectDelayMs: 300,
  });
  roomClients.add(client);
  return client;
}

export async function opened(client: RoomClient, what = "the client to open"): Promise<void> {
  await eventually(() => client.status === "open", what);
}

/** Notes and strokes of a doc, in a form that compares equal across replicas. */
export function snapshot(client: { notes: { toString(): string }; strokes: { toJSON(): Record<string, unknown> } }): { notes: string; strokes: [string, unknown][] } {
  const strokes = Object.entries(client.strokes.toJSON()).sort(([a], [b]) => a.localeCompare(b));
  return { notes: client.notes.toString(), strokes };
}

export const newRoom = () => randomUUID();
export const names = (m: { participants: { handle: string; role: string }[] }) =>
  m.participants.map((p) => `${p.handle}:${p.role}`).sort();
