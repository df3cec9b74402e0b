import { getKv } from "@/lib/kv";
import { assertRateLimit, type RateLimitOptions } from "@/lib/kv/rate-limit";

/** Per-user budgets: far above what real collaborations produce, low enough to stop a script. */
export const ENDORSEMENT_LIMITS = {
  endorse: { limit: 60, windowSeconds: 60 * 60 },
  reply: { limit: 60, windowSeconds: 60 * 60 },
  report: { limit: 30, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitOptions>;

export type EndorsementWrite = keyof typeof ENDORSEMENT_LIMITS;

/** 429 with retry-after once the actor has used the budget for this kind of write (API and forms count together). */
export async function limitEndorsementWrite(actorId: string, action: EndorsementWrite): Promise<void> {
  await assertRateLimit(getKv(), `rl:endorsement:${action}:${actorId}`, ENDORSEMENT_LIMITS[action]);
}
