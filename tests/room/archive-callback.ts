import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyServiceToken } from "@/lib/realtime/service-token";
import { secret } from "./helpers";

type Received = { authorized: boolean; body: unknown };

const servers: http.Server[] = [];

/** A loopback stand-in for the app's archive endpoint; answers `failFirst` requests with 503. */
export async function callbackServer(room: string, failFirst: number) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (text += chunk));
    request.on("end", () => {
      void verifyServiceToken(request.headers.authorization ?? null, "room-archive", room, secret).then((authorized) => {
        received.push({ authorized, body: JSON.parse(text) });
        response.writeHead(received.length <= failFirst ? 503 : 204, { connection: "close" }).end();
      });
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/internal/archive`, received };
}

/** Closes every stand-in opened so far (for afterEach/afterAll). */
export async function closeCallbackServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
}
