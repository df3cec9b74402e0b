import { once } from "node:events";
import WebSocket, { WebSocketServer } from "ws";

/**
 * The baseline: a plain `ws` broadcast server in this process on a free loopback port.
 * One room per URL path; it sends a welcome on connect and relays every frame, unchanged, to
 * everyone in the room (the sender included, as the room server does). No auth, no cap, no storage.
 */

export type BaselineServer = { url(room: string): string; stop(): Promise<void> };

export async function startBaseline(): Promise<BaselineServer> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await once(wss, "listening");
  const address = wss.address();
  if (typeof address !== "object" || address === null) throw new Error("baseline server has no port");
  const port = address.port;
  const rooms = new Map<string, Set<WebSocket>>();

  wss.on("connection", (ws, request) => {
    const room = request.url ?? "/";
    const members = rooms.get(room) ?? new Set<WebSocket>();
    rooms.set(room, members);
    members.add(ws);
    ws.send(JSON.stringify({ type: "welcome" }));
    ws.on("message", (data, isBinary) => {
      for (const member of members) {
        if (member.readyState === WebSocket.OPEN) member.send(data, { binary: isBinary });
      }
    });
    ws.on("close", () => {
      members.delete(ws);
      if (members.size === 0) rooms.delete(room);
    });
    ws.on("error", () => {});
  });

  return {
    url: (room) => `ws://127.0.0.1:${port}/${encodeURIComponent(room)}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.close(1001, "server stopping");
        wss.close(() => resolve());
      }),
  };
}
