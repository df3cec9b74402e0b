import "server-only";
import { unstable_cache } from "next/cache";
import { env } from "@/lib/env";
import { profileCacheTag } from "@/lib/cache-tags";
import { inlineScriptHashes } from "@/lib/http/inline-scripts";
import { revealClock } from "../../[user]/load-trust";

/** A rendered anonymous profile page as it is kept in the cache. */
export type CachedPage = {
  status: number;
  html: string;
  /** CSP hash sources of its inline scripts. */
  scriptHashes: string[];
  /** When an endorsement publishes by itself (14 days after its context ended), as epoch ms. */
  staleAt: number | null;
};

/** Bounds how long a 404 for a handle that signs up later could linger, should its tag be missed. */
const MAX_AGE_SECONDS = 86_400;

/**
 * Renders app/profile/~public/[user] through the app's own HTTP server (the only way to get the
 * HTML Next.js would send), then keeps the HTML with the hashes of its inline scripts. Only
 * answers a visitor may see are kept (200, 404); anything else throws, so nothing is stored.
 */
async function render(handle: string): Promise<CachedPage> {
  const url = new URL(`/profile/~public/${encodeURIComponent(handle)}`, env().APP_URL);
  const response = await fetch(url, { cache: "no-store", redirect: "manual", signal: AbortSignal.timeout(15_000) });
  // The render's nonce stays in the HTML; this page's policy does not list it, so it allows nothing.
  const html = await response.text();
  if (response.status !== 200 && response.status !== 404) {
    throw new Error(`Rendering ${url.pathname} answered ${response.status}`);
  }
  const clock = response.status === 200 ? await revealClock(handle) : { revalidate: false as const };
  return {
    status: response.status,
    html,
    scriptHashes: inlineScriptHashes(html),
    staleAt: clock.revalidate === false ? null : Date.now() + clock.revalidate * 1000,
  };
}

/** The cached page of one handle; every change to the profile expires its tag. */
export function cachedPage(handle: string): Promise<CachedPage> {
  return unstable_cache(render, ["public-profile-page", handle], { tags: [profileCacheTag(handle)], revalidate: MAX_AGE_SECONDS })(handle);
}
