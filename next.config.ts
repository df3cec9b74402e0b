import type { NextConfig } from "next";
import { SESSION_COOKIES } from "./lib/http/profile-rewrite";

/**
 * Sent with every response. Framing is refused twice (X-Frame-Options for old browsers, CSP
 * frame-ancestors for the rest). Pages get their full policy, with a script nonce or script
 * hashes, from proxy.ts or the cached profile route (lib/http/csp.ts); this base policy covers
 * API answers, media and static files.
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const BASE_POLICY = { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'" };

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // Native or Node-only packages: loaded with require at run time, never bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "sharp", "ioredis"],
  // The profile editor's upload forms post images (at most 10 MB, plus multipart framing) to server actions.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
  // Visitors without a session get the profile page from a cache (app/profile/~cached, which
  // renders app/profile/~public once per change); signed-in visitors get it rendered for them
  // (follow state, owner tools). Before the file system routes, or /profile/[user] would answer first.
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Under /profile every answer is a page or its image, with its own policy (proxy.ts, app/profile/~cached).
      { source: "/((?!profile/).*)", headers: [BASE_POLICY] },
    ];
  },
  async rewrites() {
    // Server actions posted to the profile (a follow from a visitor whose session ended) go to the page itself.
    const signedOut = [...SESSION_COOKIES.map((key) => ({ type: "cookie" as const, key })), { type: "header" as const, key: "next-action" }];
    return { beforeFiles: [{ source: "/profile/:user", destination: "/profile/~cached/:user", missing: signedOut }], afterFiles: [], fallback: [] };
  },
};

export default nextConfig;
