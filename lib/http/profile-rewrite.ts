/**
 * Visitors without a session get /profile/[user] from a page cache (app/profile/~cached);
 * next.config.ts rewrites them there and proxy.ts leaves them to it. Both decide with this.
 */

/** next-auth's session cookie, on http and (with the __Secure- prefix) on https. */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const PROFILE_PATH = /^\/profile\/[^/]+\/?$/;

export function isAnonymousProfileRequest(pathname: string, hasCookie: (name: string) => boolean): boolean {
  return PROFILE_PATH.test(pathname) && !SESSION_COOKIES.some(hasCookie);
}
