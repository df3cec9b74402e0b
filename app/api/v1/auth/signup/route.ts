import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { expireProfiles } from "@/lib/profile-cache";
import { clientIp } from "@/lib/http/client-ip";
import { readJson, route } from "@/lib/http/respond";
import { getKv } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { signUp } from "@/lib/services/accounts";

export const POST = route(async (request: Request) => {
  await assertRateLimit(getKv(), `signup:ip:${clientIp(request.headers)}`, { limit: Number(process.env.SIGNUP_IP_LIMIT) || 20, windowSeconds: 60 * 60 });
  const body = await readJson(request);
  const user = await signUp(await getDb(), body);
  await expireProfiles(user.handle); // a cached 404 from before the handle existed
  return NextResponse.json({ user }, { status: 201 });
});
