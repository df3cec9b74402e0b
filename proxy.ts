import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";
import { isAnonymousProfileRequest } from "@/lib/http/profile-rewrite";

/**
 * Gives every page request a fresh script nonce and its Content-Security-Policy (lib/http/csp.ts).
 * Next.js reads the nonce from the request's policy while rendering and puts it on its scripts,
 * which is why every page is rendered per request (app/layout.tsx). Anonymous profile views are
 * served from a cache with a policy of script hashes instead (app/profile/~cached); API answers,
 * media and static files carry the base policy from next.config.ts.
 */
export function proxy(request: NextRequest) {
  if (isAnonymousProfileRequest(request.nextUrl.pathname, (name) => request.cookies.has(name))) return NextResponse.next();
  const policy = contentSecurityPolicy({
    scripts: { nonce: newNonce() },
    realtimeUrl: process.env.REALTIME_URL,
    development: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * Pages only. An anonymous /profile/[user] is not matched at all (it is the cached page): the
 * profile itself runs the proxy only with a session cookie (either name of SESSION_COOKIES).
 * Next.js reads this object statically: literals only. Prefetches need no policy.
 */
export const config = {
  matcher: [
    { source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico|profile/).*)", missing: [{ type: "header", key: "next-router-prefetch" }, { type: "header", key: "purpose", value: "prefetch" }] },
    { source: "/profile/:user/:rest+", missing: [{ type: "header", key: "next-router-prefetch" }, { type: "header", key: "purpose", value: "prefetch" }] },
    { source: "/profile/:user", has: [{ type: "cookie", key: "next-auth.session-token" }], missing: [{ type: "header", key: "next-router-prefetch" }, { type: "header", key: "purpose", value: "prefetch" }] },
    { source: "/profile/:user", has: [{ type: "cookie", key: "__Secure-next-auth.session-token" }], missing: [{ type: "header", key: "next-router-prefetch" }, { type: "header", key: "purpose", value: "prefetch" }] },
  ],
};
