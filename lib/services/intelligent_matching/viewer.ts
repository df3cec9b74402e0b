import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mediaUrl } from "@/lib/storage/urls";
import { MATCHING, type MatchIntent } from "./config";
import { rows } from "./sql-rows";
import type { PersonRow, Viewer } from "./types";

const DAY_MS = 86_400_000;

/** A not_now dismissal made after this moment still stands; older ones have lapsed. */
export const notNowCutoff = (now: number) => (now - MATCHING.notNowDays * DAY_MS) / 1000;

type Me = {
  user_id: string;
  handle: string;
  display_name: string;
  kind: "creator" | "diffuser";
  headline: string;
  skills: string[];
  region: string;
  avatar_file: string | null;
  visibility: string;
  open: boolean;
  tags: string[];
  created_ms: number;
  updated_ms: number;
};
type Context = {
  me: Me | null;
  rel: [kind: "b" | "d" | "f" | "s", id: string, count: number, via: string[] | null][];
  created: [id: string, updatedMs: number, createdMs: number][];
};

export type ViewerContext = {
  viewer: Viewer;
  row: PersonRow;
  /** Profiles created since `createdSince`, for the index to catch up with sign-ups. */
  created: { userId: string; updatedAt: number; createdAt: number }[];
};

// Times as float8 milliseconds, exactly as load.ts reads them, so "changed since" compares equal values.

/**
 * Everything a ranking needs from the database, read fresh in one statement (PGlite plans each
 * statement anew, so one round trip matters): the viewer's own profile and tags, blocks both
 * ways, standing dismissals, follows, the people their follows follow (social proof), and the
 * profiles created since the index last looked. Null when the viewer has no profile.
 */
export async function loadViewer(db: Db, userId: string, intent: MatchIntent, now: number, createdSince = now): Promise<ViewerContext | null> {
  const [result] = await rows<{ ctx: string }>(
    db,
    sql`select json_build_object(
      'me', (select json_build_object('user_id', p.user_id, 'handle', p.handle, 'display_name', p.display_name, 'kind', p.kind,
          'headline', p.headline, 'skills', p.skills, 'region', p.region, 'avatar_file', p.avatar_file, 'visibility', p.visibility,
          'open', p.open_to_collaboration,
          'tags', coalesce((select json_agg(t.name order by t.name) from profile_tag pt join tag t on t.id = pt.tag_id where pt.user_id = p.user_id), '[]'),
          'created_ms', (extract(epoch from p.created_at) * 1000)::float8, 'updated_ms', (extract(epoch from p.updated_at) * 1000)::float8)
        from profiles p where p.user_id = ${userId}),
      'rel', coalesce((select json_agg(json_build_array(r.k, r.id, r.n, r.via)) from (
          select 'b' as k, b.blocked_id as id, 0 as n, null::text[] as via from blocks b where b.blocker_id = ${userId}
          union all select 'b', b.blocker_id, 0, null from blocks b where b.blocked_id = ${userId}
          union all select 'd', d.target_id, 0, null from match_dismissal d
            where d.user_id = ${userId} and (d.reason <> 'not_now' or d.created_at > to_timestamp(${notNowCutoff(now)}))
          union all select 'f', f.followee_id, 0, null from follows f where f.follower_id = ${userId}
          union all select 's', x.id, x.n, x.via from (
            select f2.followee_id as id, count(*)::int as n, (array_agg(f2.follower_id order by f2.follower_id))[1:2] as via
            from (select followee_id from follows where follower_id = ${userId} limit ${MATCHING.index.maxFollowees}) f1
            join follows f2 on f2.follower_id = f1.followee_id
            where f2.followee_id <> ${userId}
            group by f2.followee_id
          ) x
        ) r), '[]'),
      'created', coalesce((select json_agg(json_build_array(c.user_id, (extract(epoch from c.updated_at) * 1000)::float8, (extract(epoch from c.created_at) * 1000)::float8))
        from profiles c where c.created_at > to_timestamp(${createdSince / 1000})), '[]')
    )::text as ctx`,
  );
  const ctx = JSON.parse(result!.ctx) as Context;
  const me = ctx.me;
  if (!me) return null;
  const excluded = new Set<string>();
  const socialProof = new Map<string, { count: number; via: string[] }>();
  for (const [k, id, n, via] of ctx.rel) {
    if (k === "b" || k === "d" || (k === "f" && intent === "follow")) excluded.add(id);
    else if (k === "s") socialProof.set(id, { count: Number(n), via: via ?? [] });
  }
  const row: PersonRow = {
    userId,
    card: {
      handle: me.handle,
      displayName: me.display_name,
      kind: me.kind,
      headline: me.headline,
      skills: me.skills,
      tags: me.tags,
      region: me.region,
      avatarUrl: me.avatar_file ? mediaUrl(me.avatar_file) : null,
    },
    hidden: me.visibility === "hidden",
    openToCollaboration: me.open,
    createdAt: Number(me.created_ms),
    updatedAt: Number(me.updated_ms),
  };
  return {
    viewer: { userId, kind: me.kind, skills: me.skills, tags: me.tags, region: me.region, excluded, socialProof },
    row,
    created: ctx.created.map(([id, updated, created]) => ({ userId: id, updatedAt: Number(updated), createdAt: Number(created) })),
  };
}
