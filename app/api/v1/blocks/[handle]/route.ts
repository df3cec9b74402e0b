import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { route } from "@/lib/http/respond";
import { getKv } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { invalidateMatchesBetween } from "@/lib/services/intelligent_matching";
import { unblock } from "@/lib/services/professional_profile";

const BLOCK_LIMIT = { limit: 100, windowSeconds: 60 * 60 };

type Context = { params: Promise<{ handle: string }> };

export const DELETE = route(async (_request: Request, { params }: Context) => {
  const actor = await requireUser();
  await assertRateLimit(getKv(), `blocks:${actor.id}`, BLOCK_LIMIT);
  const { handle } = await params;
  await unblock(await getDb(), actor, handle);
  await invalidateMatchesBetween(await getDb(), actor.id, handle);
  await expireProfiles(actor.handle, handle); // cached counts
  return new Response(null, { status: 204 });
});
