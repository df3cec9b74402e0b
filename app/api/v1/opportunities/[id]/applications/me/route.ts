import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth";
import { route } from "@/lib/http/respond";
import { limitOpportunityWrite, withdrawApplication } from "@/lib/services/opportunity_announcement";

type Context = { params: Promise<{ id: string }> };

/** The caller withdraws their own application → 204; 404 when there is none; 409 once the posting is filled. */
export const DELETE = route(async (_request: Request, { params }: Context) => {
  const actor = await requireUser();
  const { id } = await params;
  await limitOpportunityWrite(actor.id, "apply");
  await withdrawApplication(await getDb(), actor, id);
  return new Response(null, { status: 204 });
});
