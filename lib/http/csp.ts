/**
 * The Content-Security-Policy of every page. Inline scripts run only with this response's nonce
 * (Next.js puts it on its own scripts when the request carries the policy) or, on pages served
 * from a cache, by hash; never 'unsafe-inline', so injected markup cannot execute. Styles may
 * be inline (React and the canvas set style attributes); sockets may reach the room server.
 * Kept free of Node-only imports: proxy.ts uses it.
 */

export const DEFAULT_REALTIME_URL = "ws://127.0.0.1:8787";

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The origin a browser opens room sockets to, from REALTIME_URL (ws:// or wss://). */
export function realtimeOrigin(realtimeUrl: string | undefined): string {
  try {
    const url = new URL(realtimeUrl || DEFAULT_REALTIME_URL);
    return `${url.protocol}//${url.host}`;
  } catch {
    return new URL(DEFAULT_REALTIME_URL).origin.replace(/^http/, "ws");
  }
}

/**
 * Which inline scripts may run: those with this response's nonce (and what they load), or, for a
 * page served from a cache, exactly the inline scripts it was rendered with, by hash (its other
 * scripts come from this origin's /_next/static).
 */
export type ScriptSources = { nonce: string } | { hashes: string[] };

export type PolicyOptions = { scripts: ScriptSources; realtimeUrl?: string; development?: boolean };

export function contentSecurityPolicy({ scripts, realtimeUrl, development = false }: PolicyOptions): string {
  const allowed = "nonce" in scripts ? [`'nonce-${scripts.nonce}'`, "'strict-dynamic'"] : scripts.hashes;
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // React needs eval in development only (error stacks); never in production.
    ["script-src", "'self'", ...allowed, ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "blob:", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", realtimeOrigin(realtimeUrl)],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}
