import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { readJson, route } from "@/lib/http/respond";
import { dismissMatch, limitMatchWrite } from "@/lib/services/intelligent_matching";

/** POST /api/v1/matches/dismiss { handle, reason? } → 204; the person is gone from the next answer. */
export const POST = route(async (request: Request) => {
  const actor = await requireUser();
  await limitMatchWrite(actor.id, "dismiss");
  await dismissMatch(await getDb(), actor, await readJson(request));
  return new Response(null, { status: 204 });
});
