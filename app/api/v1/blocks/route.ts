import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { readJson, route } from "@/lib/http/respond";
import { getKv } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { invalidateMatchesBetween } from "@/lib/services/intelligent_matching";
import { block } from "@/lib/services/professional_profile";
import { parseInput } from "@/lib/validation/parse";
import { blockSchema } from "@/lib/validation/profiles";

// Shared with DELETE /api/v1/blocks/[handle] through the same key.
const BLOCK_LIMIT = { limit: 100, windowSeconds: 60 * 60 };

/** Follower and following counts are part of both cached public profiles. */

/** 201 when the block is new, 200 when it already stood; follows both ways are gone either way. */
export const POST = route(async (request: Request) => {
  const actor = await requireUser();
  await assertRateLimit(getKv(), `blocks:${actor.id}`, BLOCK_LIMIT);
  const { handle } = parseInput(blockSchema, await readJson(request));
  const { created } = await block(await getDb(), actor, handle);
  await expireProfiles(actor.handle, handle);
  await invalidateMatchesBetween(await getDb(), actor.id, handle); // both people's suggestions
  return NextResponse.json({ blocking: true }, { status: created ? 201 : 200 });
});
