import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mediaUrl } from "@/lib/storage/urls";
import { MATCHING } from "./config";
import { idList, rows } from "./sql-rows";
import type { PersonRow, PersonStats } from "./types";

type ProfileRecord = {
  user_id: string;
  handle: string;
  display_name: string;
  kind: "creator" | "diffuser";
  headline: string;
  skills: string[];
  region: string;
  avatar_file: string | null;
  visibility: "public" | "members" | "hidden";
  open_to_collaboration: boolean;
  created_ms: number | string;
  updated_ms: number | string;
};

/** Profiles (all, or the given user ids) with their tags, as the index takes them. */
export async function loadPeople(db: Db, userIds?: readonly string[]): Promise<PersonRow[]> {
  if (userIds && userIds.length === 0) return [];
  const only = userIds ? sql`where p.user_id = any(string_to_array(${idList(userIds)}, ','))` : sql``;
  const onlyTags = userIds ? sql`where pt.user_id = any(string_to_array(${idList(userIds)}, ','))` : sql``;
  const profiles = await rows<ProfileRecord>(
    db,
    sql`select p.user_id, p.handle, p.display_name, p.kind, p.headline, p.skills, p.region, p.avatar_file, p.visibility,
        p.open_to_collaboration, (extract(epoch from p.created_at) * 1000)::float8 as created_ms,
        (extract(epoch from p.updated_at) * 1000)::float8 as updated_ms
      from profiles p ${only}`,
  );
  const tagRows = await rows<{ user_id: string; names: string[] }>(
    db,
    sql`select pt.user_id, array_agg(t.name order by t.name) as names from profile_tag pt join tag t on t.id = pt.tag_id ${onlyTags} group by pt.user_id`,
  );
  const tags = new Map(tagRows.map((r) => [r.user_id, r.names]));
  return profiles.map((p) => ({
    userId: p.user_id,
    card: {
      handle: p.handle,
      displayName: p.display_name,
      kind: p.kind,
      headline: p.headline,
      skills: p.skills,
      tags: tags.get(p.user_id) ?? [],
      region: p.region,
      avatarUrl: p.avatar_file ? mediaUrl(p.avatar_file) : null,
    },
    hidden: p.visibility === "hidden",
    openToCollaboration: p.open_to_collaboration,
    createdAt: Number(p.created_ms),
    updatedAt: Number(p.updated_ms),
  }));
}

/** Ids of profiles updated after `sinceMs`: a full scan (no index on updated_at), so only run in the background. */
export async function profilesUpdatedSince(db: Db, sinceMs: number): Promise<{ ids: string[]; total: number }> {
  const found = await rows<{ user_id: string | null; total: number }>(
    db,
    sql`select p.user_id, c.total from (select count(*)::int as total from profiles) c
      left join profiles p on p.updated_at > to_timestamp(${sinceMs / 1000})`,
  );
  return { ids: found.flatMap((r) => (r.user_id ? [r.user_id] : [])), total: found[0]?.total ?? 0 };
}

/** Every profile's user id (to find people deleted since the index was built). */
export async function allProfileIds(db: Db): Promise<string[]> {
  return (await rows<{ user_id: string }>(db, sql`select user_id from profiles`)).map((r) => r.user_id);
}

/**
 * Follower counts and activity for everyone with any: artworks, workspace sessions joined and
 * opportunities posted, each event weighing 0.5^(age / half-life), plus the recent counts the
 * reasons quote and the latest event (for freshness).
 */
export async function loadStats(db: Db, now: number): Promise<Map<string, PersonStats>> {
  const nowSec = now / 1000;
  const halfLifeSec = MATCHING.activityHalfLifeDays * 86_400;
  const recentSec = nowSec - MATCHING.recentDays * 86_400;
  const events = await rows<{ id: string; artworks: number; sessions: number; postings: number; activity: number | string; last_ms: number | string }>(
    db,
    sql`with e as (
        select artist_id as id, 'a' as k, created_at as at from kreative_artwork
        union all select user_id, 's', invited_at from collab_participant
        union all select owner_id, 'p', created_at from opportunity
      )
      select id,
        (count(*) filter (where k = 'a' and at > to_timestamp(${recentSec})))::int as artworks,
        (count(*) filter (where k = 's' and at > to_timestamp(${recentSec})))::int as sessions,
        (count(*) filter (where k = 'p' and at > to_timestamp(${recentSec})))::int as postings,
        sum(exp(greatest(-50, least(0, (extract(epoch from at) - ${nowSec}) / ${halfLifeSec} * ln(2)))))::float8 as activity,
        (extract(epoch from max(at)) * 1000)::float8 as last_ms
      from e group by id`,
  );
  const followers = await rows<{ id: string; n: number }>(db, sql`select followee_id as id, count(*)::int as n from follows group by followee_id`);
  const stats = new Map<string, PersonStats>();
  for (const e of events) {
    stats.set(e.id, {
      followers: 0,
      activity: Number(e.activity),
      recent: { artworks: e.artworks, sessions: e.sessions, postings: e.postings },
      lastEventAt: Number(e.last_ms),
    });
  }
  for (const f of followers) {
    const s = stats.get(f.id);
    if (s) s.followers = f.n;
    else stats.set(f.id, { followers: f.n, activity: 0, recent: { artworks: 0, sessions: 0, postings: 0 }, lastEventAt: 0 });
  }
  return stats;
}
