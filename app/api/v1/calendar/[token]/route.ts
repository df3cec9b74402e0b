import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { route } from "@/lib/http/respond";
import { calendarFeed } from "@/lib/services/opportunity_announcement";

type Context = { params: Promise<{ token: string }> };

/** `/api/v1/calendar/{token}.ics` (or without `.ics`): the token is the only credential, as calendar apps send no cookies. */
export const GET = route(async (_request: Request, { params }: Context) => {
  const { token } = await params;
  const body = await calendarFeed(await getDb(), token, env().APP_URL);
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="kontact-deadlines.ics"',
      "cache-control": "private, max-age=300",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    },
  });
});
