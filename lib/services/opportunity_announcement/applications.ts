import { and, asc, eq, exists, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { artworkContributor, kreativeArtwork, opportunity, opportunityApplication, opportunityApplicationArtwork, opportunitySave, opportunitySelection, profiles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { artworksByIds, isBlockedEitherWay } from "@/lib/services/professional_profile";
import { applySchema, pageQuerySchema } from "@/lib/validation/opportunities";
import { parseInput } from "@/lib/validation/parse";
import { requireOwnedRow, requireRow } from "./read";
import { effectiveOf } from "./status";
import type { Actor, Application, Page, ViewerState } from "./types";

const invalid = (field: string, message: string) => new AppError("validation_failed", "Some fields are invalid.", { fields: { [field]: [message] } });

type ApplicationRow = { id: string; opportunityId: string; applicantId: string; applicant: string; applicantDisplayName: string; message: string; createdAt: Date; createdKey: string };

const applicationColumns = {
  id: opportunityApplication.id,
  opportunityId: opportunityApplication.opportunityId,
  applicantId: opportunityApplication.applicantId,
  applicant: profiles.handle,
  applicantDisplayName: profiles.displayName,
  message: opportunityApplication.message,
  createdAt: opportunityApplication.createdAt,
  createdKey: sql<string>`to_char(${opportunityApplication.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

async function toApplications(db: Db, rows: ApplicationRow[]): Promise<Application[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [links, selections] = await Promise.all([
    db.select().from(opportunityApplicationArtwork).where(inArray(opportunityApplicationArtwork.applicationId, ids)).orderBy(asc(opportunityApplicationArtwork.position)),
    db
      .select({ opportunityId: opportunitySelection.opportunityId, userId: opportunitySelection.selectedId })
      .from(opportunitySelection)
      .where(inArray(opportunitySelection.opportunityId, [...new Set(rows.map((r) => r.opportunityId))])),
  ]);
  const artworks = new Map((await artworksByIds(db, [...new Set(links.map((l) => l.artworkId))])).map((a) => [a.id, a]));
  const selected = new Set(selections.map((s) => `${s.opportunityId}/${s.userId}`));
  return rows.map((row) => ({
    id: row.id,
    opportunityId: row.opportunityId,
    applicant: row.applicant,
    applicantDisplayName: row.applicantDisplayName,
    message: row.message,
    artworks: links.filter((l) => l.applicationId === row.id).flatMap((l) => artworks.get(l.artworkId) ?? []),
    selected: selected.has(`${row.opportunityId}/${row.applicantId}`),
    createdAt: row.createdAt.toISOString(),
  }));
}

/**
 * POST /api/v1/opportunities/{id}/applications: once per person (the unique index decides races,
 * so ten simultaneous tries give one 201 and nine 409), only while the posting reads as open,
 * never to one's own posting, and only with artworks from one's own portfolio (made or credited on).
 */
export async function applyToOpportunity(db: Db, actor: Actor, opportunityId: string, raw: unknown): Promise<Application> {
  if (!actor) throw new AppError("unauthorized", "Sign in to apply.");
  const row = await requireRow(db, opportunityId);
  if (row.ownerId === actor.id) throw new AppError("forbidden", "You cannot apply to your own opportunity.");
  if (await isBlockedEitherWay(db, actor.id, row.ownerId)) throw new AppError("forbidden", "You cannot apply to this opportunity.");
  const input = parseInput(applySchema, raw);
  if (input.artworkIds.length) {
    // Their portfolio: artworks they made, and those they are credited on (a workspace's final artwork).
    const own = await db
      .select({ id: kreativeArtwork.id })
      .from(kreativeArtwork)
      .where(
        and(
          inArray(kreativeArtwork.id, input.artworkIds),
          or(
            eq(kreativeArtwork.artistId, actor.id),
            exists(db.select({ one: sql`1` }).from(artworkContributor).where(and(eq(artworkContributor.artworkId, kreativeArtwork.id), eq(artworkContributor.userId, actor.id)))),
          ),
        ),
      );
    if (own.length !== input.artworkIds.length) throw invalid("artworkIds", "Choose artworks from your own portfolio.");
  }
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      // Shared lock: the owner cannot close or fill the posting between this check and the insert.
      const [locked] = await tx.select({ status: opportunity.status, deadline: opportunity.deadline }).from(opportunity).where(eq(opportunity.id, opportunityId)).for("share");
      if (!locked) throw new AppError("not_found", "No such opportunity.");
      const status = effectiveOf(locked.status, locked.deadline);
      if (status !== "open") throw new AppError("conflict", status === "filled" ? "This opportunity has been filled." : "This opportunity is closed to applications.");
      const [created] = await tx.insert(opportunityApplication).values({ opportunityId, applicantId: actor.id, message: input.message }).returning({ id: opportunityApplication.id });
      if (!created) throw new Error("application insert returned no row");
      if (input.artworkIds.length) {
        await tx.insert(opportunityApplicationArtwork).values(input.artworkIds.map((artworkId, position) => ({ applicationId: created.id, artworkId, position })));
      }
      return created.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "You have already applied to this opportunity.");
    throw error;
  }
  const rows = await db.select(applicationColumns).from(opportunityApplication).innerJoin(profiles, eq(profiles.userId, opportunityApplication.applicantId)).where(eq(opportunityApplication.id, id));
  return (await toApplications(db, rows))[0]!;
}

/**
 * DELETE /api/v1/opportunities/{id}/applications/me: the applicant takes their application back
 * (its artworks go with it). 404 when they have none; 409 once the posting is filled, because the
 * selection was made from the applications as they stood.
 */
export async function withdrawApplication(db: Db, actor: Actor, opportunityId: string): Promise<void> {
  if (!actor) throw new AppError("unauthorized", "Sign in to withdraw an application.");
  await requireRow(db, opportunityId);
  await db.transaction(async (tx) => {
    // Shared lock, as when applying: filling the posting cannot interleave with the withdrawal.
    const [locked] = await tx.select({ status: opportunity.status }).from(opportunity).where(eq(opportunity.id, opportunityId)).for("share");
    if (!locked) throw new AppError("not_found", "No such opportunity.");
    if (locked.status === "filled") throw new AppError("conflict", "This opportunity has been filled: applications stay as they were.");
    const removed = await tx
      .delete(opportunityApplication)
      .where(and(eq(opportunityApplication.opportunityId, opportunityId), eq(opportunityApplication.applicantId, actor.id)))
      .returning({ id: opportunityApplication.id });
    if (removed.length === 0) throw new AppError("not_found", "You have not applied to this opportunity.");
  });
}

/** GET /api/v1/opportunities/{id}/applications (owner only): first come first listed, with a cursor. */
export async function listApplications(db: Db, actor: Actor, opportunityId: string, raw: unknown = {}): Promise<Page<Application>> {
  await requireOwnedRow(db, actor, opportunityId);
  const { limit, cursor } = parseInput(pageQuerySchema, raw);
  const where = [eq(opportunityApplication.opportunityId, opportunityId)];
  if (cursor) {
    const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
    if (!at || !id || Number.isNaN(Date.parse(at))) throw invalid("cursor", "Not a valid cursor.");
    where.push(sql`(${opportunityApplication.createdAt}, ${opportunityApplication.id}) > (${at}::timestamptz, ${id})`);
  }
  const rows = await db
    .select(applicationColumns)
    .from(opportunityApplication)
    .innerJoin(profiles, eq(profiles.userId, opportunityApplication.applicantId))
    .where(and(...where))
    .orderBy(asc(opportunityApplication.createdAt), asc(opportunityApplication.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? Buffer.from(`${last.createdKey}|${last.id}`).toString("base64url") : null;
  return { items: await toApplications(db, page), nextCursor };
}

/** How the viewer relates to a posting: owner, saved, their application, selected. */
export async function viewerState(db: Db, actor: Actor, opportunityId: string): Promise<ViewerState> {
  if (!actor) return { isOwner: false, saved: false, application: null, selected: false };
  const row = await requireRow(db, opportunityId);
  const [saved, mine, chosen] = await Promise.all([
    db.select({ id: opportunitySave.userId }).from(opportunitySave).where(and(eq(opportunitySave.userId, actor.id), eq(opportunitySave.opportunityId, opportunityId))).limit(1),
    db
      .select(applicationColumns)
      .from(opportunityApplication)
      .innerJoin(profiles, eq(profiles.userId, opportunityApplication.applicantId))
      .where(and(eq(opportunityApplication.opportunityId, opportunityId), eq(opportunityApplication.applicantId, actor.id))),
    db.select({ id: opportunitySelection.selectedId }).from(opportunitySelection).where(and(eq(opportunitySelection.opportunityId, opportunityId), eq(opportunitySelection.selectedId, actor.id))).limit(1),
  ]);
  const [application] = await toApplications(db, mine);
  return { isOwner: row.ownerId === actor.id, saved: saved.length > 0, application: application ?? null, selected: chosen.length > 0 };
}
