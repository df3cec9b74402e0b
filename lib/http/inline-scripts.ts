import { createHash } from "node:crypto";

/**
 * For pages served from a cache, where no per-request nonce can be put into the HTML: the
 * CSP hashes of the inline scripts the page really has. A script injected into a cached page
 * would have a hash that is not in the policy, and would not run.
 */

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const HAS_SRC = /\ssrc\s*=/i;

/** 'sha256-…' sources for every inline script (a script element without src), in page order, once each. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attributes)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}
