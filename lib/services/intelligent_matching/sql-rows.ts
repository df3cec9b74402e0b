import type { SQL } from "drizzle-orm";
import type { Db } from "@/db/client";

/** Rows of a raw statement: postgres.js answers an array, PGlite `{ rows }`. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** One text parameter holding many ids (user ids are uuids: no commas), for `= any(...)`. */
export const idList = (ids: readonly string[]) => ids.join(",");
