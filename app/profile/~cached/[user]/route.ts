import { revalidateTag } from "next/cache";
import { profileCacheTag } from "@/lib/cache-tags";
import { contentSecurityPolicy } from "@/lib/http/csp";
import { normaliseHandle } from "../../[user]/load-profile";
import { cachedPage, type CachedPage } from "./cached-page";

/**
 * /profile/[user] for visitors without a session (next.config.ts rewrites them here): the page
 * rendered once per change and served from the cache, with a Content-Security-Policy that allows
 * exactly the inline scripts it was rendered with (a nonce cannot be used: the HTML is shared).
 */
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ user: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const handle = normaliseHandle((await params).user);
  if (!handle) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  let page: CachedPage = await cachedPage(handle);
  if (page.staleAt !== null && Date.now() >= page.staleAt) {
    // An endorsement has published by itself since: expire the page (and the data under it).
    revalidateTag(profileCacheTag(handle), { expire: 0 });
    page = await cachedPage(handle);
  }
  return new Response(page.html, {
    status: page.status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-cache",
      "content-security-policy": contentSecurityPolicy({ scripts: { hashes: page.scriptHashes }, realtimeUrl: process.env.REALTIME_URL }),
      vary: "cookie",
    },
  });
}
