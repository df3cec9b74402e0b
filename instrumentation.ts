// Runs once when the Next.js server starts: refuse to serve production without real secrets.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
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
  const { env } = await import("./lib/env");
  env(); // fail loudly on any malformed variable
}
