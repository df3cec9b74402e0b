import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db/client";
import { env } from "@/lib/env";
import { getKv } from "@/lib/kv";

export type Health = {
  status: "ok" | "error";
  database: "pglite" | "postgres";
  cache: "memory" | "upstash";
  realtime: "ok" | "unreachable";
};

/** The room server's HTTP base, from the WebSocket URL browsers use. */
export const realtimeHttpUrl = () => env().REALTIME_URL.replace(/^ws/, "http");

async function realtimeStatus(): Promise<Health["realtime"]> {
  try {
    const response = await fetch(`${realtimeHttpUrl()}/health`, { signal: AbortSignal.timeout(1500), cache: "no-store" });
    return response.ok ? "ok" : "unreachable";
  } catch {
    return "unreachable";
  }
}

/** Checks each dependency; the app is "ok" when its database and cache answer. */
export async function getHealth(): Promise<Health> {
  const kv = getKv();
  const [handle, realtime] = await Promise.all([getDbHandle(), realtimeStatus()]);
  let status: Health["status"] = "ok";
  try {
    await handle.db.execute(sql`select 1`);
    await kv.get("health:probe");
  } catch (error) {
    console.error("health check failed", error);
    status = "error";
  }
  return { status, database: handle.driver, cache: kv.kind, realtime };
}
