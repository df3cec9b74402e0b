import { env } from "./env";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why a production NEXTAUTH_URL would put session cookies on the wire without Secure, or null.
 * Plain http is allowed on loopback only (`npm start` on one's own machine); unset lets next-auth
 * take the host from the platform (Vercel sets https).
 */
export function insecureProductionUrl(appUrl: string | undefined): string | null {
  if (!appUrl) return null;
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    return null; // env() reports malformed URLs
  }
  if (url.protocol === "https:" || LOOPBACK.has(url.hostname)) return null;
  return `NEXTAUTH_URL (${url.origin}) must be an https:// URL, or session cookies would be sent without Secure.`;
}

/** Refuses to serve production without real secrets, and fails loudly on malformed variables. */
export function checkProductionConfig(): void {
  if (process.env.NODE_ENV !== "production") return;
  const missing = [
    !(process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET) && "AUTH_SECRET",
    !process.env.REALTIME_SECRET && "REALTIME_SECRET",
  ].filter(Boolean);
  if (missing.length) {
    console.error(
      `Kontact cannot start in production: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set. ` +
        "Generate each with `openssl rand -base64 32` and set them in the environment (see .env.example). " +
        "`npm start` sets local ones for you on a development machine.",
    );
    process.exit(1);
  }
  const insecure = insecureProductionUrl(process.env.NEXTAUTH_URL);
  if (insecure) {
    console.error(`Kontact cannot start in production: ${insecure}`);
    process.exit(1);
  }
  try {
    env();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
