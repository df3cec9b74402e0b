import { jwtVerify, SignJWT } from "jose";

/**
 * Tokens for the two internal HTTP calls between the app and the room server, signed with the
 * shared REALTIME_SECRET (HS256) and valid for one minute:
 * - `room-admin`: the app asks a room to end (POST to the room server);
 * - `room-archive`: the room hands its transcript, notes and canvas to the app.
 * Each audience is distinct from the browser's room tokens, so no token works for another purpose.
 * Runs in Node and workerd (jose).
 */

export type ServicePurpose = "room-admin" | "room-archive";

const ISSUER = "kontact";
const TTL_SECONDS = 60;
const CLOCK_TOLERANCE_SECONDS = 5;

function key(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error("REALTIME_SECRET must be at least 32 characters");
  return new TextEncoder().encode(secret);
}

/** A bearer token allowing `purpose` for one room. */
export async function signServiceToken(purpose: ServicePurpose, room: string, secret: string): Promise<string> {
  return new SignJWT({ room })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(`kontact-${purpose}`)
    .setSubject(room)
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(key(secret));
}

/** True when `authorization` is `Bearer <token>` signed for `purpose` and this room. */
export async function verifyServiceToken(authorization: string | null, purpose: ServicePurpose, room: string, secret: string): Promise<boolean> {
  const token = authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (!token) return false;
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: `kontact-${purpose}`,
      algorithms: ["HS256"],
      subject: room,
      requiredClaims: ["exp"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    return payload.sub === room;
  } catch {
    return false;
  }
}
