import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LOCAL_DATA_DIR } from "@/lib/config";

type LocalSecrets = { authSecret: string; realtimeSecret: string };

const secretsFile = () => path.join(LOCAL_DATA_DIR, "secrets.json");

/**
 * Secrets for zero-configuration runs: generated once, kept in the git-ignored data folder,
 * so sessions survive restarts. Never used when NODE_ENV is production.
 */
export function localSecrets(): LocalSecrets {
  try {
    const parsed = JSON.parse(readFileSync(secretsFile(), "utf8")) as Partial<LocalSecrets>;
    if (typeof parsed.authSecret === "string" && typeof parsed.realtimeSecret === "string") {
      return { authSecret: parsed.authSecret, realtimeSecret: parsed.realtimeSecret };
    }
  } catch {
    // missing or unreadable: make new ones below
  }
  const fresh = { authSecret: randomBytes(32).toString("base64url"), realtimeSecret: randomBytes(32).toString("base64url") };
  mkdirSync(LOCAL_DATA_DIR, { recursive: true });
  writeFileSync(secretsFile(), JSON.stringify(fresh, null, 2), { mode: 0o600 });
  return fresh;
}

const isProduction = () => process.env.NODE_ENV === "production";

function missing(name: string): never {
  throw new Error(
    `${name} is not set. In production Kontact refuses to start without it: generate one with ` +
      "`openssl rand -base64 32` and set it in the environment (see .env.example).",
  );
}

export function authSecret(): string {
  const value = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (value) return value;
  return isProduction() ? missing("AUTH_SECRET") : localSecrets().authSecret;
}

export function realtimeSecret(): string {
  const value = process.env.REALTIME_SECRET;
  if (value) return value;
  return isProduction() ? missing("REALTIME_SECRET") : localSecrets().realtimeSecret;
}
