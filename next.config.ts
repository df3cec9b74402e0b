import type { NextConfig } from "next";

/** next-auth's session cookie, on http and (with the __Secure- prefix) on https. */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Sent with every response. Framing is refused twice (X-Frame-Options for old browsers, CSP
 * frame-ancestors for the rest); a full script CSP needs per-request nonces, which would end the
 * page caching of anonymous profiles, so it is not set here.
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // Native or Node-only packages: loaded with require at run time, never bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "sharp", "ioredis"],
  // The profile editor's upload forms post images (at most 10 MB, plus multipart framing) to server actions.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
  // Visitors without a session get the profile page rendered once and cached (app/profile/~public);
  // signed-in visitors get it rendered for them (follow state, owner tools). Before the file
  // system routes, or /profile/[user] would answer first.
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  async rewrites() {
    const signedOut = SESSION_COOKIES.map((key) => ({ type: "cookie" as const, key }));
    return { beforeFiles: [{ source: "/profile/:user", destination: "/profile/~public/:user", missing: signedOut }], afterFiles: [], fallback: [] };
  },
};

export default nextConfig;
