import { decode } from "next-auth/jwt";
import { SESSION_COOKIES } from "@/lib/http/profile-rewrite";
import { authSecret } from "@/lib/secrets";

// Long session tokens are split by next-auth into cookies named <name>.0, <name>.1, ...

function cookiesOf(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}

function sessionToken(cookies: Map<string, string>, name: string): string | null {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length > 0 ? chunks.join("") : null;
}

/**
 * The user id in the request's session cookie, or null when there is none or it does not decrypt
 * (expired, tampered, another secret). No database read: this names whose write quota a request
 * uses; routes still ask `requireUser()` who may do what.
 */
export async function sessionUserId(cookieHeader: string | null): Promise<string | null> {
  const cookies = cookiesOf(cookieHeader);
  for (const name of SESSION_COOKIES) {
    const token = sessionToken(cookies, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: authSecret() });
      if (typeof payload?.sub === "string" && payload.sub.length > 0) return payload.sub;
    } catch {
      // not a session we issued: the request is counted by its IP only
    }
  }
  return null;
}
