import { routePartykitRequest, type Lobby } from "partyserver";
import { ROOM_PARTY } from "../lib/realtime/protocol";
import { RoomTokenError, verifyRoomToken } from "../lib/realtime/token";
import { IDENTITY_HEADERS, type Env } from "./workspace-room";

export { WorkspaceRoom } from "./workspace-room";

/**
 * The room server's Worker entry. Sockets open `/parties/workspace/<workspaceId>?token=…`;
 * the token is verified here, before the upgrade, and the room receives the verified identity
 * in IDENTITY_HEADERS. The `Workspace` binding is what maps the `workspace` path segment to
 * the WorkspaceRoom class (partyserver kebab-cases binding names).
 */

const ROOM_PATH = new RegExp(`^/parties/${ROOM_PARTY}/[^/]+/?$`);

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

function errorResponse(status: number, code: string, message: string): Response {
  return json(status, { error: { code, message } });
}

async function admit(request: Request, lobby: Lobby<Env>, env: Env): Promise<Request | Response> {
  const secret = env.REALTIME_SECRET;
  if (!secret) {
    console.error("REALTIME_SECRET is not set: refusing every room connection");
    return errorResponse(500, "internal_error", "The room server is not configured");
  }
  const token = new URL(request.url).searchParams.get("token");
  if (!token) return errorResponse(401, "unauthorized", "A room token is required");
  let room: string;
  try {
    room = decodeURIComponent(lobby.name);
  } catch {
    return errorResponse(401, "unauthorized", "Invalid room name");
  }
  try {
    const claims = await verifyRoomToken(token, secret, room);
    const admitted = new Request(request);
    admitted.headers.set(IDENTITY_HEADERS.userId, claims.userId);
    admitted.headers.set(IDENTITY_HEADERS.handle, claims.handle);
    admitted.headers.set(IDENTITY_HEADERS.role, claims.mode === "edit" ? "editor" : "spectator");
    return admitted;
  } catch (error) {
    if (error instanceof RoomTokenError) return errorResponse(401, "unauthorized", error.message);
    throw error;
  }
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
    if (!ROOM_PATH.test(pathname)) return errorResponse(404, "not_found", "Not found");

    const response = await routePartykitRequest<Env>(request, env, {
      onBeforeConnect: (req, lobby) => admit(req, lobby, env),
      // Plain HTTP to a room: nothing yet. The app's internal calls (ending a session,
      // reading the transcript) will be authenticated and routed here.
      onBeforeRequest: () => errorResponse(404, "not_found", "Not found"),
    });
    return response ?? errorResponse(404, "not_found", "Not found");
  },
} satisfies ExportedHandler<Env>;
