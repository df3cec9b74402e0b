import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { getDb } from "@/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { getKv } from "@/lib/kv";
import { rateLimit } from "@/lib/kv/rate-limit";
import { authSecret } from "@/lib/secrets";
import { getSessionUser, verifyCredentials, type SessionUser } from "@/lib/services/accounts";
import { findOrCreateOAuthUser } from "@/lib/services/oauth-accounts";
import { AppError } from "@/lib/errors";
import { signInSchema } from "@/lib/validation/accounts";

export const isGithubEnabled = () => Boolean(process.env.GITHUB_ID && process.env.GITHUB_SECRET);

/** next-auth turns an error thrown from authorize into `?error=<message>`. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

// Throttles: per IP counts every attempt; per account counts only failures.
// SIGNIN_IP_LIMIT lets a test run (many sign-ins from 127.0.0.1) raise the per-IP ceiling.
const IP_LIMIT = { limit: Number(process.env.SIGNIN_IP_LIMIT) || 100, windowSeconds: 10 * 60 };
const ACCOUNT_LIMIT = { limit: 10, windowSeconds: 15 * 60 };

async function authorizeCredentials(raw: unknown, ip: string): Promise<SessionUser | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const kv = getKv();
  const byIp = await rateLimit(kv, `signin:ip:${ip}`, IP_LIMIT);
  const accountKey = `signin:fail:${email}`;
  const failures = (await kv.get<number>(accountKey)) ?? 0;
  if (!byIp.ok || failures >= ACCOUNT_LIMIT.limit) throw new Error(TOO_MANY_ATTEMPTS);
  const user = await verifyCredentials(await getDb(), email, password);
  if (!user) await kv.incr(accountKey, ACCOUNT_LIMIT.windowSeconds);
  return user;
}

/** Built per request so a missing production secret fails at start, not at build. */
/** True for an https app URL: its cookies must then only travel over TLS. */
export function servedOverHttps(appUrl: string | undefined): boolean {
  return appUrl?.startsWith("https://") ?? false;
}

export function authOptions(): NextAuthOptions {
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(credentials, clientIp(req.headers ?? {})),
    }),
  ];
  if (isGithubEnabled()) {
    providers.push(GitHubProvider({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! }));
  }
  return {
    secret: authSecret(),
    // Secure (and __Secure-/__Host- prefixed) cookies whenever the app is served over https;
    // lib/startup-check.ts refuses a production start on plain http other than loopback.
    useSecureCookies: servedOverHttps(process.env.NEXTAUTH_URL),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/connect/signin", error: "/connect/signin" },
    providers,
    callbacks: {
      async signIn({ account, profile, user }) {
        if (account?.provider !== "github") return true;
        const p = (profile ?? {}) as { login?: string; email?: string | null; name?: string | null; avatar_url?: string };
        const found = await findOrCreateOAuthUser(await getDb(), {
          provider: "github",
          providerAccountId: account.providerAccountId,
          email: p.email ?? user.email ?? null,
          login: p.login ?? null,
          name: p.name ?? user.name ?? null,
          image: p.avatar_url ?? user.image ?? null,
        });
        if (!found) return "/connect/signin?error=OAuthAccountNotLinked";
        user.id = found.id;
        return true;
      },
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
  };
}

/** The signed-in user, read fresh from the database (a deleted account is signed out). */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return getSessionUser(await getDb(), id);
}

/** The actor for an API call or action; 401 when nobody is signed in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in first.");
  return user;
}
