import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { listOpportunities } from "@/lib/services/opportunity_announcement";
import { generateOpportunities } from "./generate";
import { buildCases } from "./queries";

const h = await openDb({ pgliteDir: "memory://" });
await migrateDb(h);
const now = Date.now();
const g = await generateOpportunities(h.db, 100000, { now });
const sets = buildCases(g.postings, 150, now);
for (const [mix, cases] of Object.entries(sets)) {
  const times: [number, string][] = [];
  for (const c of cases.slice(0, 10)) await listOpportunities(h.db, null, c.raw);
  for (const c of cases) {
    const t = performance.now();
    await listOpportunities(h.db, null, c.raw);
    times.push([performance.now() - t, c.query]);
  }
  times.sort((a, b) => b[0] - a[0]);
  console.log(mix, times.slice(0, 12).map(([t, q]) => `${t.toFixed(1)} ${q}`).join("\n  "));
}
await h.close();
