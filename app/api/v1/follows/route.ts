import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { readJson, route } from "@/lib/http/respond";
import { getKv } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { invalidateMatches } from "@/lib/services/intelligent_matching";
import { follow } from "@/lib/services/professional_profile";
import { parseInput } from "@/lib/validation/parse";
import { followSchema } from "@/lib/validation/profiles";

// Shared with DELETE /api/v1/follows/[handle] through the same key.
const FOLLOW_LIMIT = { limit: 200, windowSeconds: 60 * 60 };

/** Follower and following counts are part of both cached public profiles. */

/** 201 when the follow is new, 200 when the caller already followed. */
export const POST = route(async (request: Request) => {
  const actor = await requireUser();
  await assertRateLimit(getKv(), `follows:${actor.id}`, FOLLOW_LIMIT);
  const { handle } = parseInput(followSchema, await readJson(request));
  const { created } = await follow(await getDb(), actor, handle);
  await expireProfiles(actor.handle, handle);
  await invalidateMatches([actor.id]); // a followed person leaves the follow suggestions
  return NextResponse.json({ following: true }, { status: created ? 201 : 200 });
});
