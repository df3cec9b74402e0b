import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { collabSession, endorsement, endorsementSkill, opportunity, profiles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { findViewableProfile, isViewable } from "@/lib/services/professional_profile";
import { mediaUrl } from "@/lib/storage/urls";
import { endorsementListQuerySchema } from "@/lib/validation/endorsements";
import { parseInput } from "@/lib/validation/parse";
import { publishedCondition, visibleAtSql } from "./published";
import { roundAverage, statusOf, visibleSince } from "./rules";
import { ratingSummary } from "./stats";
import type { ContextRole, Endorsement, EndorsementPage, EndorsementSummary, Viewer } from "./types";

export const endorsementNotFound = () => new AppError("not_found", "No such endorsement.");

const author = alias(profiles, "author");
const subject = alias(profiles, "subject");

const columns = {
  id: endorsement.id,
  authorId: endorsement.authorId,
  subjectId: endorsement.subjectId,
  contextType: endorsement.contextType,
  contextId: endorsement.contextId,
  concludedAt: endorsement.concludedAt,
  rating: endorsement.rating,
  text: endorsement.text,
  createdAt: endorsement.createdAt,
  publishedAt: endorsement.publishedAt,
  reply: endorsement.reply,
  repliedAt: endorsement.repliedAt,
  authorHandle: author.handle,
  authorName: author.displayName,
  authorAvatar: author.avatarFile,
  subjectHandle: subject.handle,
  sessionName: collabSession.name,
  opportunityTitle: opportunity.title,
  opportunityOwner: opportunity.ownerId,
};

/** Endorsements with their author, subject and the context's name (a context may be gone: its name then is generic). */
function selectRows(db: Db) {
  return db
    .select(columns)
    .from(endorsement)
    .innerJoin(author, eq(author.userId, endorsement.authorId))
    .innerJoin(subject, eq(subject.userId, endorsement.subjectId))
    .leftJoin(collabSession, and(eq(endorsement.contextType, "workspace"), eq(collabSession.id, endorsement.contextId)))
    .leftJoin(opportunity, and(eq(endorsement.contextType, "opportunity"), eq(opportunity.id, endorsement.contextId)));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRows>["execute"]>>[number];

function roleOf(row: Row): ContextRole {
  if (row.contextType === "workspace") return "participant";
  return row.opportunityOwner === row.authorId ? "owner" : "selected";
}

async function toEndorsements(db: Db, rows: Row[], now: Date): Promise<Endorsement[]> {
  const ids = rows.map((r) => r.id);
  const scores = ids.length
    ? await db.select().from(endorsementSkill).where(inArray(endorsementSkill.endorsementId, ids)).orderBy(endorsementSkill.skill)
    : [];
  return rows.map((r) => ({
    id: r.id,
    status: statusOf(r, now),
    author: { handle: r.authorHandle, displayName: r.authorName, avatarUrl: r.authorAvatar ? mediaUrl(r.authorAvatar) : null },
    subject: r.subjectHandle,
    context: {
      type: r.contextType,
      id: r.contextId,
      title: (r.contextType === "workspace" ? r.sessionName : r.opportunityTitle) ?? (r.contextType === "workspace" ? "a shared session" : "an opportunity"),
      role: roleOf(r),
      concludedAt: r.concludedAt.toISOString(),
    },
    rating: r.rating,
    skills: scores.filter((s) => s.endorsementId === r.id).map((s) => ({ skill: s.skill, score: s.score })),
    text: r.text,
    createdAt: r.createdAt.toISOString(),
    publishedAt: visibleSince(r, now)?.toISOString() ?? null,
    reply: r.reply && r.repliedAt ? { text: r.reply, at: r.repliedAt.toISOString() } : null,
  }));
}

/**
 * The endorsement row if `viewer` may see it: its author always; anyone else only once it is
 * published and only if they may see the subject's profile. 404 otherwise (pending ones are
 * unseen, also by their subject: that is the double-blind).
 */
export async function visibleRow(db: Db, viewer: Viewer, id: string, now: Date): Promise<Row> {
  if (typeof id !== "string" || id.length === 0 || id.length > 100) throw endorsementNotFound();
  const [row] = await selectRows(db).where(eq(endorsement.id, id)).limit(1);
  if (!row) throw endorsementNotFound();
  if (viewer?.id === row.authorId) return row;
  if (statusOf(row, now) !== "published") throw endorsementNotFound();
  const [owner] = await db.select({ userId: profiles.userId, visibility: profiles.visibility }).from(profiles).where(eq(profiles.userId, row.subjectId)).limit(1);
  if (!owner || !(await isViewable(db, viewer, owner))) throw endorsementNotFound();
  return row;
}

/** GET /api/v1/endorsements/{id}: a published endorsement, or the author's own while pending. */
export async function getEndorsement(db: Db, viewer: Viewer, id: string, now: Date = new Date()): Promise<Endorsement> {
  const [item] = await toEndorsements(db, [await visibleRow(db, viewer, id, now)], now);
  return item!;
}

/** Count, average rating and per-skill averages over someone's published endorsements. */
export async function endorsementSummary(db: Db, subjectId: string, now: Date = new Date()): Promise<EndorsementSummary> {
  const [rating, skills] = await Promise.all([
    ratingSummary(db, subjectId, now),
    db
      .select({ skill: endorsementSkill.skill, count: sql<number>`count(*)::int`, average: sql<string>`avg(${endorsementSkill.score})` })
      .from(endorsementSkill)
      .innerJoin(endorsement, eq(endorsement.id, endorsementSkill.endorsementId))
      .where(and(eq(endorsement.subjectId, subjectId), publishedCondition(now)))
      .groupBy(endorsementSkill.skill)
      .orderBy(desc(sql`count(*)`), endorsementSkill.skill),
  ]);
  return { ...rating, skills: skills.map((s) => ({ skill: s.skill, count: Number(s.count), average: roundAverage(s.average) ?? 0 })) };
}

const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && typeof id === "string" && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // falls through to the 422 below
  }
  throw new AppError("validation_failed", "Some fields are invalid.", { fields: { cursor: ["Not a valid cursor."] } });
}

/**
 * GET /api/v1/profiles/{handle}/endorsements: the published endorsements someone received,
 * most recently published first, a page at a time, with the summary over all of them. 404 when
 * the profile is unknown or hidden from the viewer.
 */
export async function listEndorsements(db: Db, viewer: Viewer, handle: string, rawQuery: unknown = {}, now: Date = new Date()): Promise<EndorsementPage> {
  const profile = await findViewableProfile(db, viewer, handle);
  const { limit, cursor } = parseInput(endorsementListQuerySchema, rawQuery);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await selectRows(db)
    .where(
      and(
        eq(endorsement.subjectId, profile.userId),
        publishedCondition(now),
        after ? sql`(${visibleAtSql}, ${endorsement.id}) < (${after.at}::timestamptz, ${after.id})` : undefined,
      ),
    )
    .orderBy(desc(visibleAtSql), desc(endorsement.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const items = await toEndorsements(db, page, now);
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(visibleSince(last, now)!, last.id) : null,
    summary: await endorsementSummary(db, profile.userId, now),
  };
}
