import { env } from "./env";

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
  try {
    env();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
