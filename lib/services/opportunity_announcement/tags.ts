import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { opportunity, opportunityTag, opportunityTerm } from "@/db/schema";
import { ensureTagIds } from "@/lib/services/professional_profile";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Replaces a posting's tags. */
export async function setOpportunityTags(tx: Tx | Db, opportunityId: string, names: string[]): Promise<void> {
  await tx.delete(opportunityTag).where(eq(opportunityTag.opportunityId, opportunityId));
  const ids = [...(await ensureTagIds(tx as Db, names)).values()];
  if (ids.length) await tx.insert(opportunityTag).values(ids.map((tagId) => ({ opportunityId, tagId })));
}

/** Adds the words of a posting's full-text vector to the vocabulary typo correction looks in. */
export async function recordTerms(tx: Tx | Db, opportunityId: string): Promise<void> {
  await tx.execute(sql`insert into ${opportunityTerm} (term)
    select distinct w from ${opportunity}, unnest(tsvector_to_array(${opportunity.searchVector})) as w
    where ${opportunity.id} = ${opportunityId} and char_length(w) <= 200
    on conflict do nothing`);
}

export type { Tx };
