import { sql } from "drizzle-orm";
import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { listOpportunities } from "@/lib/services/opportunity_announcement";
import { generateOpportunities } from "./generate";

const h = await openDb({ pgliteDir: "memory://" });
await migrateDb(h);
await generateOpportunities(h.db, Number(process.env.N ?? 100000), { now: Date.now() });
for (const s of (process.env.PRE ?? "").split(";;").filter(Boolean)) await h.db.execute(sql.raw(s));
await h.db.execute(sql`analyze`);
const queries: Record<string, unknown>[] = [
  { q: "painting" }, { q: "painting Lisbon" }, { q: "paitning" }, { q: "residency Berlin" }, { q: "memory" },
  { q: "ceramics", sort: "deadline" }, { q: "memory", sort: "recent" }, { tag: "memory" }, { region: "Berlin" }, { tag: "memory", region: "Berlin" }, { tag: "climate", region: "Lisbon" }, { from: "2027-02-01", to: "2027-03-01", sort: "deadline" },
];
for (const q of queries) {
  for (let i = 0; i < 3; i++) await listOpportunities(h.db, null, q);
  const t = performance.now();
  for (let i = 0; i < 5; i++) await listOpportunities(h.db, null, q);
  console.log(JSON.stringify(q), ((performance.now() - t) / 5).toFixed(1), "ms");
}
for (const s of (process.env.SQL ?? "").split(";;").filter(Boolean)) {
  const r = (await h.db.execute(sql.raw(`explain analyze ${s}`))) as any;
  console.log((r.rows ?? r).map((x: any) => x["QUERY PLAN"]).join("\n"));
}
await h.close();
