import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { ROOM_PARTY, type RoomMode } from "./protocol";

/**
 * Room tokens: short-lived HS256 JWTs that the app signs and the room server verifies.
 * Shared by Node (the app) and workerd (the room server); jose runs in both.
 */

const ISSUER = "kontact";
const AUDIENCE = "kontact-room";
const ALGORITHM = "HS256";
/** Allowed clock difference between the app and the room server. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** HS256 keys shorter than the hash output are weak; lib/env.ts asks for 32 characters too. */
const MIN_SECRET_LENGTH = 32;

export type RoomTokenClaims = {
  userId: string;
  handle: string;
  room: string;
  mode: RoomMode;
  /** The session's host: may clear the canvas. Absent means false (older tokens have no claim). */
  host?: boolean;
};

export class RoomTokenError extends Error {
  override name = "RoomTokenError";
}

const payloadSchema = z.object({
  sub: z.string().min(1),
  handle: z.string().min(1),
  room: z.string().min(1),
  mode: z.enum(["edit", "spectate"]),
  host: z.boolean().optional(),
});

function secretKey(secret: string): Uint8Array {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new RoomTokenError(`Room token secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return new TextEncoder().encode(secret);
}

/** Signs a token valid for `ttlSeconds` from `now`. */
export async function signRoomToken(
  claims: RoomTokenClaims,
  secret: string,
  ttlSeconds: number,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RoomTokenError("ttlSeconds must be a positive integer");
  }
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAtSeconds = issuedAt + ttlSeconds;
  const payload = { handle: claims.handle, room: claims.room, mode: claims.mode, ...(claims.host ? { host: true } : {}) };
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAtSeconds)
    .sign(secretKey(secret));
  return { token, expiresAt: new Date(expiresAtSeconds * 1000) };
}

/** Returns the claims, or throws RoomTokenError for a forged, expired, malformed or other-room token. */
export async function verifyRoomToken(token: string, secret: string, expectedRoom: string): Promise<RoomTokenClaims> {
  const key = secretKey(secret);
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: [ALGORITHM],
      requiredClaims: ["exp", "sub"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid token";
    throw new RoomTokenError(`Invalid room token: ${reason}`);
  }
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) throw new RoomTokenError("Invalid room token: malformed claims");
  if (parsed.data.room !== expectedRoom) throw new RoomTokenError("Room token is for another room");
  const { sub, handle, room, mode, host } = parsed.data;
  // `host` only when true, so claims of tokens without it compare equal to before.
  return { userId: sub, handle, room, mode, ...(host ? { host: true } : {}) };
}

/** The complete socket URL a client opens as is, e.g. `ws://127.0.0.1:8787/parties/workspace/<id>?token=…`. */
export function roomUrl(baseWsUrl: string, roomId: string, token: string): string {
  const base = baseWsUrl.replace(/\/+$/, "");
  return `${base}/parties/${ROOM_PARTY}/${encodeURIComponent(roomId)}?token=${encodeURIComponent(token)}`;
}
