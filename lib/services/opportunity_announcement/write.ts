import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { opportunity, opportunityApplication, opportunitySelection, opportunityTag, tag } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createOpportunitySchema, updateOpportunitySchema, type UpdateOpportunityInput } from "@/lib/validation/opportunities";
import { parseInput } from "@/lib/validation/parse";
import { userIdsByHandles } from "@/lib/services/professional_profile";
import { attachmentFiles, removeAttachmentFiles } from "./attachments";
import { getOpportunity, requireOwnedRow, type OpportunityRow } from "./read";
import { checkStatusMove, effectiveOf } from "./status";
import { searchDocumentOf } from "./search-document";
import { recordTerms, setOpportunityTags, type Tx } from "./tags";
import type { Actor, Opportunity } from "./types";

const invalid = (field: string, message: string) => new AppError("validation_failed", "Some fields are invalid.", { fields: { [field]: [message] } });

function requireActor(actor: Actor): { id: string } {
  if (!actor) throw new AppError("unauthorized", "Sign in first.");
  return actor;
}

/** POST /api/v1/opportunities: the actor becomes the owner; the posting starts open. */
export async function createOpportunity(db: Db, actor: Actor, raw: unknown): Promise<Opportunity> {
  const owner = requireActor(actor);
  const input = parseInput(createOpportunitySchema, raw);
  if (input.deadline && input.deadline < new Date()) throw invalid("deadline", "The deadline has already passed.");
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(opportunity)
      .values({
        ownerId: owner.id,
        title: input.title,
        kind: input.kind,
        description: input.description,
        region: input.region,
        location: input.location,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        deadline: input.deadline,
        paid: input.compensation.paid,
        compensationAmount: input.compensation.amount ?? null,
        compensationCurrency: input.compensation.amount !== undefined ? (input.compensation.currency ?? null) : null,
        entryFeeAmount: input.entryFee?.amount ?? null,
        entryFeeCurrency: input.entryFee?.currency ?? null,
        url: input.url,
        searchDocument: searchDocumentOf(input),
      })
      .returning({ id: opportunity.id });
    if (!row) throw new Error("opportunity insert returned no row");
    await setOpportunityTags(tx, row.id, input.tags);
    await recordTerms(tx, row.id);
    return row.id;
  });
  return getOpportunity(db, actor, id);
}

/** Columns to change, merged with the stored row so cross-field rules see the final values. */
function plannedChanges(row: OpportunityRow, input: UpdateOpportunityInput) {
  const set: Partial<typeof opportunity.$inferInsert> = {};
  const keys = ["title", "kind", "description", "region", "location", "startsAt", "endsAt", "deadline", "url"] as const;
  for (const key of keys) if (input[key] !== undefined) (set as Record<string, unknown>)[key] = input[key];
  if (input.compensation) {
    set.paid = input.compensation.paid;
    set.compensationAmount = input.compensation.amount ?? null;
    set.compensationCurrency = input.compensation.amount !== undefined ? (input.compensation.currency ?? null) : null;
  }
  if (input.entryFee !== undefined) {
    set.entryFeeAmount = input.entryFee?.amount ?? null;
    set.entryFeeCurrency = input.entryFee?.currency ?? null;
  }
  const startsAt = set.startsAt !== undefined ? set.startsAt : row.startsAt;
  const endsAt = set.endsAt !== undefined ? set.endsAt : row.endsAt;
  if (startsAt && endsAt && endsAt < startsAt) throw invalid("endsAt", "The end cannot be before the start.");
  const deadlineChanged = set.deadline !== undefined && (set.deadline?.getTime() ?? null) !== (row.deadline?.getTime() ?? null);
  if (deadlineChanged && set.deadline && set.deadline < new Date()) throw invalid("deadline", "The deadline has already passed.");
  return { set, deadlineAfter: set.deadline !== undefined ? (set.deadline ?? null) : row.deadline };
}

/** Who may be named as selected: people who applied, other than the owner. */
async function selectedIds(tx: Tx, opportunityId: string, ownerId: string, handles: string[]): Promise<string[]> {
  const ids = await userIdsByHandles(tx as unknown as Db, handles);
  const unknown = handles.filter((h) => !ids.has(h));
  if (unknown.length) throw invalid("filledBy", `No one is called ${unknown.join(", ")}.`);
  const wanted = [...ids.values()];
  if (wanted.includes(ownerId)) throw invalid("filledBy", "You cannot select yourself.");
  const applied = await tx
    .select({ id: opportunityApplication.applicantId })
    .from(opportunityApplication)
    .where(and(eq(opportunityApplication.opportunityId, opportunityId), inArray(opportunityApplication.applicantId, wanted)));
  const appliedIds = new Set(applied.map((a) => a.id));
  const notApplied = handles.filter((h) => !appliedIds.has(ids.get(h)!));
  if (notApplied.length) throw invalid("filledBy", `Only people who applied can be selected: ${notApplied.join(", ")} did not apply.`);
  return wanted;
}

async function currentTagNames(tx: Tx, id: string): Promise<string[]> {
  const rows = await tx.select({ name: tag.name }).from(opportunityTag).innerJoin(tag, eq(tag.id, opportunityTag.tagId)).where(eq(opportunityTag.opportunityId, id)).orderBy(tag.name);
  return rows.map((r) => r.name);
}

/**
 * PATCH /api/v1/opportunities/{id} (owner only): any subset of fields and at most one status move.
 * The row is locked for the move, so two simultaneous moves cannot both pass the check.
 */
export async function updateOpportunity(db: Db, actor: Actor, id: string, raw: unknown): Promise<Opportunity> {
  const owner = requireActor(actor);
  await requireOwnedRow(db, owner, id);
  const input = parseInput(updateOpportunitySchema, raw);
  await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(opportunity).where(eq(opportunity.id, id)).for("update");
    if (!locked) throw new AppError("not_found", "No such opportunity.");
    const row = { ...locked, storedStatus: locked.status } as unknown as OpportunityRow;
    const { set, deadlineAfter } = plannedChanges(row, input);
    const current = effectiveOf(locked.status, locked.deadline);
    if (input.status && checkStatusMove(current, input.status, deadlineAfter) === "move") {
      set.status = input.status;
      if (input.status === "filled") {
        const selected = await selectedIds(tx, id, locked.ownerId, input.filledBy ?? []);
        const concludedAt = new Date();
        set.filledAt = concludedAt;
        await tx.insert(opportunitySelection).values(selected.map((selectedId) => ({ opportunityId: id, selectedId, ownerId: locked.ownerId, concludedAt })));
      }
    } else if (input.status === "closed" && locked.status === "open") {
      set.status = "closed"; // past its deadline already; record what the owner said
    }
    if (input.tags !== undefined) await setOpportunityTags(tx, id, input.tags);
    const textChanged = input.tags !== undefined || input.title !== undefined || input.kind !== undefined || input.description !== undefined;
    if (textChanged) {
      const tags = input.tags ?? (await currentTagNames(tx, id));
      set.searchDocument = searchDocumentOf({ title: set.title ?? locked.title, kind: set.kind ?? locked.kind, tags });
    }
    await tx.update(opportunity).set({ ...set, updatedAt: sql`now()` }).where(eq(opportunity.id, id));
    if (textChanged) await recordTerms(tx, id);
  });
  return getOpportunity(db, actor, id);
}

/**
 * DELETE /api/v1/opportunities/{id} (owner only). A filled posting is the record of a concluded
 * engagement that endorsements rely on, so it stays (409).
 */
export async function deleteOpportunity(db: Db, actor: Actor, id: string): Promise<void> {
  const row = await requireOwnedRow(db, actor, id);
  if (row.storedStatus === "filled") throw new AppError("conflict", "A filled opportunity is the record of who was selected; it cannot be deleted.");
  const files = await db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: opportunity.status }).from(opportunity).where(eq(opportunity.id, id)).for("update");
    if (!locked) throw new AppError("not_found", "No such opportunity.");
    if (locked.status === "filled") throw new AppError("conflict", "A filled opportunity is the record of who was selected; it cannot be deleted.");
    const stored = await attachmentFiles(tx, id);
    await tx.delete(opportunity).where(eq(opportunity.id, id));
    return stored;
  });
  await removeAttachmentFiles(files);
}
