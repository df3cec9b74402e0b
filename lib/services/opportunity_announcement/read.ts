import { count, eq, inArray, sql } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { Db } from "@/db/client";
import { opportunity, opportunityApplication, opportunitySelection, profiles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { fairCall } from "./fair-call";
import { effectiveStatus } from "./status";
import type { Actor, Attachment, Opportunity } from "./types";

/** The columns every read needs: the row (without search internals), the owner's handle and the status readers see. */
export const rowColumns = {
  id: opportunity.id,
  ownerId: opportunity.ownerId,
  title: opportunity.title,
  kind: opportunity.kind,
  description: opportunity.description,
  region: opportunity.region,
  location: opportunity.location,
  startsAt: opportunity.startsAt,
  endsAt: opportunity.endsAt,
  deadline: opportunity.deadline,
  paid: opportunity.paid,
  compensationAmount: opportunity.compensationAmount,
  compensationCurrency: opportunity.compensationCurrency,
  entryFeeAmount: opportunity.entryFeeAmount,
  entryFeeCurrency: opportunity.entryFeeCurrency,
  url: opportunity.url,
  storedStatus: opportunity.status,
  status: effectiveStatus,
  createdAt: opportunity.createdAt,
  updatedAt: opportunity.updatedAt,
  // Owner, tags and attachments come with the row as subqueries, evaluated only for the rows
  // returned (a join planned a scan of every profile), in one round trip (each costs ~1 ms on PGlite).
  // Written out with aliases: drizzle leaves select-list columns unqualified in one-table queries.
  owner: sql<string>`(select p.handle from profiles p where p.user_id = "opportunity"."owner_id")`,
  tagNames: sql<string[]>`array(select t.name from opportunity_tag ot join tag t on t.id = ot.tag_id where ot.opportunity_id = "opportunity"."id" order by t.name)`,
  attachmentList: sql<AttachmentRow[]>`coalesce((select json_agg(json_build_object('id', a.id, 'filename', a.filename, 'contentType', a.content_type, 'size', a.size)
    order by a.created_at, a.id) from opportunity_attachment a where a.opportunity_id = "opportunity"."id"), '[]'::json)`,
};

type AttachmentRow = { id: string; filename: string; contentType: string; size: number };

export type OpportunityRow = SelectResultFields<typeof rowColumns>;

export const attachmentUrl = (opportunityId: string, attachmentId: string) =>
  `/api/v1/opportunities/${encodeURIComponent(opportunityId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** One posting's row with its effective status, or null. */
export async function findRow(db: Db, id: string): Promise<OpportunityRow | null> {
  const [row] = await db.select(rowColumns).from(opportunity).where(eq(opportunity.id, id)).limit(1);
  return (row as OpportunityRow | undefined) ?? null;
}

export async function requireRow(db: Db, id: string): Promise<OpportunityRow> {
  const row = await findRow(db, id);
  if (!row) throw new AppError("not_found", "No such opportunity.");
  return row;
}

export async function requireOwnedRow(db: Db, actor: Actor, id: string): Promise<OpportunityRow> {
  if (!actor) throw new AppError("unauthorized", "Sign in first.");
  const row = await requireRow(db, id);
  if (row.ownerId !== actor.id) throw new AppError("forbidden", "Only the person who posted this opportunity can do that.");
  return row;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    list.push(row);
    map.set(key(row), list);
  }
  return map;
}

/** Turns rows into API shapes with tags and attachments; owners also get applicant counts and selections. */
export async function toOpportunities(db: Db, actor: Actor, rows: OpportunityRow[]): Promise<Opportunity[]> {
  if (rows.length === 0) return [];
  const owned = actor ? rows.filter((r) => r.ownerId === actor.id).map((r) => r.id) : [];
  const [countRows, selectionRows] = await Promise.all([
    owned.length
      ? db.select({ id: opportunityApplication.opportunityId, n: count() }).from(opportunityApplication).where(inArray(opportunityApplication.opportunityId, owned)).groupBy(opportunityApplication.opportunityId)
      : Promise.resolve([]),
    owned.length
      ? db
          .select({ id: opportunitySelection.opportunityId, handle: profiles.handle })
          .from(opportunitySelection)
          .innerJoin(profiles, eq(profiles.userId, opportunitySelection.selectedId))
          .where(inArray(opportunitySelection.opportunityId, owned))
          .orderBy(profiles.handle)
      : Promise.resolve([]),
  ]);
  const counts = new Map(countRows.map((r) => [r.id, r.n]));
  const selections = groupBy(selectionRows, (r) => r.id);
  return rows.map((row) => {
    const isOwner = owned.includes(row.id);
    return {
      id: row.id,
      title: row.title,
      kind: row.kind,
      description: row.description,
      tags: row.tagNames,
      region: row.region,
      location: row.location,
      startsAt: row.startsAt?.toISOString() ?? null,
      endsAt: row.endsAt?.toISOString() ?? null,
      deadline: row.deadline?.toISOString() ?? null,
      compensation: {
        paid: row.paid,
        ...(row.compensationAmount != null ? { amount: Number(row.compensationAmount), currency: row.compensationCurrency ?? undefined } : {}),
      },
      entryFee: row.entryFeeAmount != null && row.entryFeeCurrency ? { amount: Number(row.entryFeeAmount), currency: row.entryFeeCurrency } : null,
      url: row.url,
      status: row.status,
      owner: row.owner,
      attachments: row.attachmentList.map(
        (a): Attachment => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, url: attachmentUrl(row.id, a.id) }),
      ),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      fairCall: fairCall({
        paid: row.paid,
        compensationAmount: row.compensationAmount == null ? null : Number(row.compensationAmount),
        compensationCurrency: row.compensationCurrency,
        entryFeeAmount: row.entryFeeAmount == null ? null : Number(row.entryFeeAmount),
        entryFeeCurrency: row.entryFeeCurrency,
      }),
      ...(isOwner ? { applicantCount: counts.get(row.id) ?? 0, selected: (selections.get(row.id) ?? []).map((s) => s.handle) } : {}),
    };
  });
}

/** GET /api/v1/opportunities/{id}: anyone may read a posting; 404 when there is none. */
export async function getOpportunity(db: Db, actor: Actor, id: string): Promise<Opportunity> {
  const row = await requireRow(db, id);
  return (await toOpportunities(db, actor, [row]))[0]!;
}
