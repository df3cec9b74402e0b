"use server";

import { redirect } from "next/navigation";
import { runFormAction, textOf, type FormState } from "@/app/_lib/form-action";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { getKv } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { invalidateMatchesBetween } from "@/lib/services/intelligent_matching";
import { block, follow, unblock, unfollow } from "@/lib/services/professional_profile";

// The same limits and keys as the /api/v1/follows and /api/v1/blocks routes: both paths count together.
const FOLLOW_LIMIT = { key: "follows", limit: 200, windowSeconds: 60 * 60 };
const BLOCK_LIMIT = { key: "blocks", limit: 100, windowSeconds: 60 * 60 };

const intents = {
  follow: { run: follow, limit: FOLLOW_LIMIT, success: "You follow them now." },
  unfollow: { run: unfollow, limit: FOLLOW_LIMIT, success: "You no longer follow them." },
  block: { run: block, limit: BLOCK_LIMIT, success: "Blocked. You no longer see each other in matches." },
  unblock: { run: unblock, limit: BLOCK_LIMIT, success: "Unblocked." },
} as const;

type Intent = keyof typeof intents;
const isIntent = (value: string): value is Intent => Object.hasOwn(intents, value);

/**
 * Follow, unfollow, block or unblock the person whose handle the form carries. Both profiles'
 * cached views are expired: the counts of each change (a block also removes follows both ways).
 */
export async function changeRelationship(_prev: FormState, data: FormData): Promise<FormState> {
  const handle = textOf(data, "handle").toLowerCase();
  const intent = textOf(data, "intent");
  const viewer = await getCurrentUser();
  if (!viewer) redirect(`/connect/signin?callbackUrl=${encodeURIComponent(`/profile/${handle}`)}`);
  if (!isIntent(intent)) return { ok: false, message: "That action is not available.", fieldErrors: {}, at: Date.now() };

  const { run, limit, success } = intents[intent];
  const result = await runFormAction(async () => {
    await assertRateLimit(getKv(), `${limit.key}:${viewer.id}`, limit);
    return run(await getDb(), { id: viewer.id }, handle);
  }, { success });
  await expireProfiles(handle, viewer.handle);
  if (result?.ok) await invalidateMatchesBetween(await getDb(), viewer.id, handle);
  return result;
}
