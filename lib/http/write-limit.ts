import { env } from "@/lib/env";
import { getKv } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { clientIp } from "./client-ip";
import { sessionUserId } from "./session-user";

/**
 * The limits every write shares, API routes and server actions alike: per IP (WRITE_IP_LIMIT) and,
 * when signed in, per user (WRITE_USER_LIMIT), each counted over 10 minutes across all routes.
 * Routes and services add their own, tighter limits for costly writes (uploads, postings).
 */
export const WRITE_WINDOW_SECONDS = 10 * 60;
export const DEFAULT_WRITE_IP_LIMIT = 600;
export const DEFAULT_WRITE_USER_LIMIT = 300;

/** Who is writing, as far as limits care: the client's IP and the signed-in user's id, if any. */
export type Writer = { ip: string; userId: string | null };

export async function writerOf(headers: Headers): Promise<Writer> {
  return { ip: clientIp(headers), userId: await sessionUserId(headers.get("cookie")) };
}

/** Counts one write; throws 429 `rate_limited` with retryAfter once the IP or the user is over its limit. */
export async function assertWriteAllowed(writer: Writer): Promise<void> {
  const kv = getKv();
  const limits = env();
  const window = { windowSeconds: WRITE_WINDOW_SECONDS };
  await assertRateLimit(kv, `write:ip:${writer.ip}`, { ...window, limit: limits.WRITE_IP_LIMIT ?? DEFAULT_WRITE_IP_LIMIT });
  if (writer.userId) {
    await assertRateLimit(kv, `write:user:${writer.userId}`, { ...window, limit: limits.WRITE_USER_LIMIT ?? DEFAULT_WRITE_USER_LIMIT });
  }
}
