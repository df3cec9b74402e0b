import "server-only";
import http from "node:http";
import https from "node:https";
import { unstable_cache } from "next/cache";
import { env } from "@/lib/env";
import { profileCacheTag } from "@/lib/cache-tags";
import { inlineScriptHashes } from "@/lib/http/inline-scripts";
import { changeMark } from "@/lib/profile-cache";
import { revealClock } from "../../[user]/load-trust";

/** A rendered anonymous profile page as it is kept in the cache. */
export type CachedPage = {
  status: number;
  html: string;
  /** CSP hash sources of its inline scripts. */
  scriptHashes: string[];
};

/** Bounds how long a 404 for a handle that signs up later could linger, should its tag be missed. */
const MAX_AGE_SECONDS = 86_400;
const RENDER_TIMEOUT_MS = 15_000;
/** Renders tried when the profile keeps changing while it is rendered. */
const RENDER_ATTEMPTS = 3;

/** GET over node:http(s): Next's fetch would make the cached route dynamic. */
function getText(url: URL): Promise<{ status: number; body: string }> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { timeout: RENDER_TIMEOUT_MS }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 500, body }));
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`Rendering ${url.pathname} took over ${RENDER_TIMEOUT_MS} ms`)));
    request.on("error", reject);
  });
}

/**
 * Renders app/profile/~public/[user] through the app's own HTTP server (the only way to get the
 * HTML Next.js would send) and keeps it with the hashes of its inline scripts. Only answers a
 * visitor may see are kept (200, 404); anything else throws, so nothing is stored. The render's
 * nonce stays in the HTML; this page's policy does not list it, so it allows nothing.
 *
 * A change during the render (the profile hidden, an artwork added) expires the tag while the
 * render still holds the old data, and the page would then be stored after the expiry, as fresh:
 * such a render is done again, and given up (nothing stored) if the profile keeps changing.
 */
async function render(handle: string): Promise<CachedPage> {
  const url = new URL(`/profile/~public/${encodeURIComponent(handle)}`, env().APP_URL);
  for (let attempt = 1; attempt <= RENDER_ATTEMPTS; attempt += 1) {
    const before = await changeMark(handle);
    const { status, body } = await getText(url);
    if (status !== 200 && status !== 404) throw new Error(`Rendering ${url.pathname} answered ${status}`);
    if ((await changeMark(handle)) === before) return { status, html: body, scriptHashes: inlineScriptHashes(body) };
  }
  throw new Error(`Rendering ${url.pathname}: the profile changed during each of ${RENDER_ATTEMPTS} renders`);
}

/** The cached page of one handle: expired by its tag on every change, and when an endorsement publishes by itself. */
export async function cachedPage(handle: string): Promise<CachedPage> {
  const clock = await revealClock(handle);
  const revalidate = clock.revalidate === false ? MAX_AGE_SECONDS : Math.min(clock.revalidate, MAX_AGE_SECONDS);
  return unstable_cache(render, ["public-profile-page", handle, clock.key], { tags: [profileCacheTag(handle)], revalidate })(handle);
}
