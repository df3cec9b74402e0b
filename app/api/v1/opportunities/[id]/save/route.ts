import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { route } from "@/lib/http/respond";
import { limitOpportunityWrite, saveOpportunity, unsaveOpportunity } from "@/lib/services/opportunity_announcement";

type Context = { params: Promise<{ id: string }> };

/** Idempotent: PUT saves, DELETE unsaves; both answer 204. */
export const PUT = route(async (_request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  await limitOpportunityWrite(actor.id, "save");
  await saveOpportunity(await getDb(), actor, id);
  return new Response(null, { status: 204 });
});

export const DELETE = route(async (_request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  await limitOpportunityWrite(actor.id, "save");
  await unsaveOpportunity(await getDb(), actor, id);
  return new Response(null, { status: 204 });
});
