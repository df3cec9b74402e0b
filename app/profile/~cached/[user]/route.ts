import { contentSecurityPolicy } from "@/lib/http/csp";
import { normaliseHandle } from "../../[user]/load-profile";
import { cachedPage } from "./cached-page";

/**
 * /profile/[user] for visitors without a session (next.config.ts rewrites them here): the page
 * rendered once per change and kept in Next's cache with its answer, under the profile's cache
 * tag (every change to the profile expires it) and until the next endorsement publishes by
 * itself. Its Content-Security-Policy allows exactly the inline scripts it was rendered with: a
 * nonce cannot be used, the HTML is shared.
 */
export const revalidate = 86400;
export const dynamicParams = true;
export function generateStaticParams(): { user: string }[] {
  return [];
}

type Context = { params: Promise<{ user: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const handle = normaliseHandle((await params).user);
  if (!handle) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const page = await cachedPage(handle);
  return new Response(page.html, {
    status: page.status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": contentSecurityPolicy({ scripts: { hashes: page.scriptHashes }, realtimeUrl: process.env.REALTIME_URL }),
      // Only visitors without a session cookie are sent here: a shared cache in front must not
      // hand this page to someone signed in.
      vary: "Cookie",
    },
  });
}
