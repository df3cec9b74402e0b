import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { readJson, route } from "@/lib/http/respond";
import { getKv } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { invalidateMatchesAfterProfileEdit } from "@/lib/services/intelligent_matching";
import { getProfile, updateProfile } from "@/lib/services/professional_profile";

const UPDATE_LIMIT = { limit: 60, windowSeconds: 60 * 60 };

/** The caller's own profile, whatever its visibility. */
export const GET = route(async () => {
  const actor = await requireUser();
  return NextResponse.json(await getProfile(await getDb(), actor, actor.handle));
});

export const PATCH = route(async (request: Request) => {
  const actor = await requireUser();
  await assertRateLimit(getKv(), `profile:update:${actor.id}`, UPDATE_LIMIT);
  const profile = await updateProfile(await getDb(), actor, await readJson(request));
  await expireProfiles(actor.handle); // the cached public page
  await invalidateMatchesAfterProfileEdit(actor.id);
  return NextResponse.json(profile);
});
