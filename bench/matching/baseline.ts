import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rows } from "@/lib/services/intelligent_matching/sql-rows";

/**
 * The naive way, for comparison: Jaccard similarity of skill and tag sets in SQL, over everyone
 * who shares at least one of them with the viewer (the GIN `&&` index on skills, the tag index
 * on profile_tag), without IDF, activity, fairness or social signals; top `limit`, with the
 * same exclusions (hidden, blocks, follows). |A ∩ B| / (|A| + |B| - |A ∩ B|).
 */
export async function jaccardTop(db: Db, userId: string, limit = 20): Promise<string[]> {
  const found = await rows<{ user_id: string }>(
    db,
    sql`with me as (select p.skills, (select count(*) from profile_tag pt where pt.user_id = p.user_id) as tag_count from profiles p where p.user_id = ${userId}),
    my_tags as (select tag_id from profile_tag where user_id = ${userId}),
    hits as (
      select x.user_id, sum(x.k)::int as inter from (
        select p.user_id, (select count(*) from unnest(p.skills) s where s = any(me.skills))::int as k
          from profiles p, me where p.skills && me.skills
        union all
        select pt.user_id, count(*)::int from profile_tag pt where pt.tag_id in (select tag_id from my_tags) group by pt.user_id
      ) x group by x.user_id
    ),
    scored as (
      select h.user_id, h.inter::float8 / (cardinality(me.skills) + me.tag_count
          + cardinality(p.skills) + (select count(*) from profile_tag pt where pt.user_id = h.user_id) - h.inter) as j
      from hits h join profiles p on p.user_id = h.user_id, me
      where h.user_id <> ${userId} and p.visibility <> 'hidden'
        and not exists (select 1 from blocks b where b.blocker_id = ${userId} and b.blocked_id = h.user_id)
        and not exists (select 1 from blocks b where b.blocker_id = h.user_id and b.blocked_id = ${userId})
        and not exists (select 1 from follows f where f.follower_id = ${userId} and f.followee_id = h.user_id)
    )
    select user_id from scored order by j desc, user_id limit ${limit}`,
  );
  return found.map((r) => r.user_id);
}
