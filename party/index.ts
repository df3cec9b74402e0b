import { routePartykitRequest, type Lobby } from "partyserver";
import { ROOM_PARTY } from "../lib/realtime/protocol";
import { verifyServiceToken } from "../lib/realtime/service-token";
import { RoomTokenError, verifyRoomToken } from "../lib/realtime/token";
import { IDENTITY_HEADERS, type Env } from "./workspace-room";

export { WorkspaceRoom } from "./workspace-room";

/**
 * The room server's Worker entry. Sockets open `/parties/workspace/<workspaceId>?token=…`;
 * the token is verified here, before the upgrade, and the room receives the verified identity
 * in IDENTITY_HEADERS. The `Workspace` binding is what maps the `workspace` path segment to
 * the WorkspaceRoom class (partyserver kebab-cases binding names).
 *
 * Plain HTTP: only the app's `POST /parties/workspace/<id>/end` and `GET …/presence`, with a
 * `room-admin` service token for that room (lib/realtime/service-token.ts); anything else is 404.
 */

const ROOM_PATH = new RegExp(`^/parties/${ROOM_PARTY}/[^/]+/?$`);
const END_PATH = new RegExp(`^/parties/${ROOM_PARTY}/[^/]+/end$`);
const PRESENCE_PATH = new RegExp(`^/parties/${ROOM_PARTY}/[^/]+/presence$`);
const isAdminPath = (pathname: string) => END_PATH.test(pathname) || PRESENCE_PATH.test(pathname);

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

function errorResponse(status: number, code: string, message: string): Response {
  return json(status, { error: { code, message } });
}

function roomName(lobby: Lobby<Env>): string | null {
  try {
    return decodeURIComponent(lobby.name);
  } catch {
    return null;
  }
}

function missingSecret(): Response {
  console.error("REALTIME_SECRET is not set: refusing every room request");
  return errorResponse(500, "internal_error", "The room server is not configured");
}

async function admit(request: Request, lobby: Lobby<Env>, env: Env): Promise<Request | Response> {
  const secret = env.REALTIME_SECRET;
  if (!secret) return missingSecret();
  const token = new URL(request.url).searchParams.get("token");
  if (!token) return errorResponse(401, "unauthorized", "A room token is required");
  const room = roomName(lobby);
  if (room === null) return errorResponse(401, "unauthorized", "Invalid room name");
  try {
    const claims = await verifyRoomToken(token, secret, room);
    const admitted = new Request(request);
    admitted.headers.set(IDENTITY_HEADERS.userId, claims.userId);
    admitted.headers.set(IDENTITY_HEADERS.handle, claims.handle);
    admitted.headers.set(IDENTITY_HEADERS.role, claims.mode === "edit" ? "editor" : "spectator");
    admitted.headers.set(IDENTITY_HEADERS.host, claims.host ? "true" : "false");
    return admitted;
  } catch (error) {
    if (error instanceof RoomTokenError) return errorResponse(401, "unauthorized", error.message);
    throw error;
  }
}

/**
 * Reads what is left of a refused request's body (up to 64 KiB, then gives up on it) before the
 * refusal is sent. Answering while the client is still sending makes wrangler dev's proxy lose
 * the connection and turn the refusal into a 503 "Your worker restarted mid-request".
 */
async function drained(request: Request, response: Response): Promise<Response> {
  const reader = request.body?.getReader();
  if (!reader) return response;
  let read = 0;
  try {
    while (read < 65_536) {
      const { done, value } = await reader.read();
      if (done) return response;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: the refusal is all that is left to send.
  }
  return response;
}

/** Lets through only the app's calls (POST end, GET presence), with a room-admin token for this very room. */
async function authorizeAdmin(request: Request, lobby: Lobby<Env>, env: Env): Promise<Request | Response> {
  const verdict = await adminVerdict(request, lobby, env);
  return verdict instanceof Response ? drained(request, verdict) : verdict;
}

async function adminVerdict(request: Request, lobby: Lobby<Env>, env: Env): Promise<Request | Response> {
  const { pathname } = new URL(request.url);
  if (!isAdminPath(pathname)) return errorResponse(404, "not_found", "Not found");
  const method = END_PATH.test(pathname) ? "POST" : "GET";
  if (request.method !== method) return errorResponse(405, "method_not_allowed", `Use ${method}`);
  const secret = env.REALTIME_SECRET;
  if (!secret) return missingSecret();
  const room = roomName(lobby);
  const authorization = request.headers.get("authorization");
  if (room === null || !(await verifyServiceToken(authorization, "room-admin", room, secret))) {
    return errorResponse(401, "unauthorized", "A room-admin token for this room is required");
  }
  return request;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/health") {
      if (request.method !== "GET" && request.method !== "HEAD") {
        return errorResponse(405, "method_not_allowed", "Use GET");
      }
      return json(200, { status: "ok" });
    }
    const isUpgrade = request.headers.get("upgrade")?.toLowerCase() === "websocket";
    if (isUpgrade ? !ROOM_PATH.test(pathname) : !isAdminPath(pathname)) {
      return drained(request, errorResponse(404, "not_found", "Not found"));
    }

    const response = await routePartykitRequest<Env>(request, env, {
      onBeforeConnect: (req, lobby) => admit(req, lobby, env),
      onBeforeRequest: (req, lobby) => authorizeAdmin(req, lobby, env),
    });
    return response ?? errorResponse(404, "not_found", "Not found");
  },
} satisfies ExportedHandler<Env>;
