import { z } from "zod";

/**
 * Every variable the app reads, validated once. Each has a working local default or is
 * optional, so a fresh clone runs with no configuration. See `.env.example`.
 */
const optionalUrl = z.url().optional();
const optionalString = z.string().min(1).optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** postgres:// URL; unset means embedded PGlite in PGLITE_DIR. */
  DATABASE_URL: optionalUrl,
  PGLITE_DIR: optionalString,
  /** next-auth secret; generated and kept in .data/ locally, required in production. */
  AUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: optionalUrl,
  /** Public base URL of the app, used in links and by the room server to post an ended session's archive. */
  APP_URL: z.url().default("http://localhost:3000"),
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  /** Base URL of the room server as browsers reach it (ws:// or wss://). */
  REALTIME_URL: z.string().regex(/^wss?:\/\/.+/, "must be a ws:// or wss:// URL").default("ws://127.0.0.1:8787"),
  /** HMAC secret shared with the room server; generated locally when unset. */
  REALTIME_SECRET: z.string().min(32).optional(),
  MEDIA_ROOT: optionalString,
  /** Sign-in attempts per IP per 10 minutes (default 100). */
  SIGNIN_IP_LIMIT: z.coerce.number().int().positive().optional(),
  /** Sign-ups per IP per hour (default 20). */
  SIGNUP_IP_LIMIT: z.coerce.number().int().positive().optional(),
  /** API writes (POST, PATCH, PUT, DELETE) and form submissions per IP per 10 minutes (default 600). */
  WRITE_IP_LIMIT: z.coerce.number().int().positive().optional(),
  /** API writes and form submissions per signed-in user per 10 minutes (default 300). */
  WRITE_USER_LIMIT: z.coerce.number().int().positive().optional(),
  /** Demo data: never | always | unset (auto: only into the embedded database). */
  KONTACT_SEED: z.enum(["never", "always"]).optional(),
  KONTACT_DATA_DIR: optionalString,
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses process.env once; throws a readable list of every problem. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment configuration:\n${z.prettifyError(parsed.error)}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}
