import WebSocket from "ws";

/**
 * A benchmark client on `ws`. It speaks the subset of the room protocol the benches need:
 * waits for `welcome`, forwards chat texts, signals sync frames, counts `error` messages. Works unchanged against
 * the plain `ws` baseline server, which sends a welcome and echoes frames as they are.
 */

export type Peer = {
  ws: WebSocket;
  /** Called with the text of every chat message this peer receives. */
  onChat: (text: string) => void;
  /** Called for every `sync` (Yjs update) frame this peer receives. */
  onSync: () => void;
  /** `error` messages received from the server (e.g. rate_limited). */
  errors: number;
};

export type JoinResult =
  | { kind: "welcome"; peer: Peer; ms: number }
  | { kind: "closed"; code: number; ms: number }
  | { kind: "failed"; reason: string; ms: number };

function parse(data: WebSocket.RawData): { type?: unknown; text?: unknown } | null {
  try {
    const value: unknown = JSON.parse(data.toString());
    return typeof value === "object" && value !== null ? value : null;
  } catch {
    return null;
  }
}

/**
 * Whether the client offers permessage-deflate. Off by default: the room server's runtime accepts
 * it, and then `ws` inflates every frame on Node's thread pool, which measured as ~1.4 ms of the
 * client's own time per message; browsers inflate natively. The rooms bench reports one fan-out
 * run with it on as well.
 */
export type JoinOptions = { compression?: boolean };

/** Opens a socket and waits for the welcome; `ms` runs from opening the socket to the welcome. */
export function join(url: string, timeoutMs: number, options: JoinOptions = {}): Promise<JoinResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const ws = new WebSocket(url, { perMessageDeflate: options.compression ?? false });
    const peer: Peer = { ws, onChat: () => {}, onSync: () => {}, errors: 0 };
    let settled = false;
    const settle = (result: JoinResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      settle({ kind: "failed", reason: "no welcome in time", ms: elapsed() });
      void leave(peer);
    }, timeoutMs);

    ws.on("message", (data) => {
      const message = parse(data);
      if (!message) return;
      if (message.type === "welcome") settle({ kind: "welcome", peer, ms: elapsed() });
      else if (message.type === "chat" && typeof message.text === "string") peer.onChat(message.text);
      else if (message.type === "sync") peer.onSync();
      else if (message.type === "error") peer.errors += 1;
    });
    ws.on("close", (code) => settle({ kind: "closed", code, ms: elapsed() }));
    ws.on("unexpected-response", (_request, response) => {
      settle({ kind: "failed", reason: `HTTP ${response.statusCode}`, ms: elapsed() });
      response.resume();
    });
    ws.on("error", (error) => settle({ kind: "failed", reason: error.message, ms: elapsed() }));
  });
}

/** Graceful close (never terminate(): it leaves CLOSE-WAIT sockets); waits at most `timeoutMs`. */
export function leave(peer: Peer, timeoutMs = 3_000): Promise<void> {
  const { ws } = peer;
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    ws.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(1000, "bench done");
  });
}

export function sendChat(peer: Peer, text: string): void {
  peer.ws.send(JSON.stringify({ type: "chat", text }));
}

export function sendSync(peer: Peer, update: string): void {
  peer.ws.send(JSON.stringify({ type: "sync", update }));
}
