import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { route } from "@/lib/http/respond";
import { getKv } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { invalidateMatches } from "@/lib/services/intelligent_matching";
import { unfollow } from "@/lib/services/professional_profile";

const FOLLOW_LIMIT = { limit: 200, windowSeconds: 60 * 60 };

type Context = { params: Promise<{ handle: string }> };

export const DELETE = route(async (_request: Request, { params }: Context) => {
  const actor = await requireUser();
  await assertRateLimit(getKv(), `follows:${actor.id}`, FOLLOW_LIMIT);
  const { handle } = await params;
  await unfollow(await getDb(), actor, handle);
  await invalidateMatches([actor.id]);
  await expireProfiles(actor.handle, handle); // cached counts
  return new Response(null, { status: 204 });
});
