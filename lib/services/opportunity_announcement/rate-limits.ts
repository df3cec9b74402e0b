import { getKv } from "@/lib/kv";
import { assertRateLimit, type RateLimitOptions } from "@/lib/kv/rate-limit";

/** Per-user write budgets: generous for people, tight enough to stop a script flooding the board. */
export const OPPORTUNITY_LIMITS = {
  create: { limit: 20, windowSeconds: 60 * 60 },
  update: { limit: 120, windowSeconds: 10 * 60 },
  delete: { limit: 60, windowSeconds: 10 * 60 },
  attach: { limit: 40, windowSeconds: 60 * 60 },
  apply: { limit: 30, windowSeconds: 60 * 60 },
  save: { limit: 240, windowSeconds: 10 * 60 },
  calendar: { limit: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitOptions>;

export type OpportunityWrite = keyof typeof OPPORTUNITY_LIMITS;

/** 429 with retry-after once the actor has used the budget for this kind of write. */
export async function limitOpportunityWrite(actorId: string, action: OpportunityWrite): Promise<void> {
  await assertRateLimit(getKv(), `rl:opportunity:${action}:${actorId}`, OPPORTUNITY_LIMITS[action]);
}
