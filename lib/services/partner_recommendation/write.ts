import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { endorsement, endorsementReport, endorsementSkill } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { findProfileRow, isBlockedEitherWay } from "@/lib/services/professional_profile";
import { endorseSchema, replySchema, reportSchema, type EndorseInput } from "@/lib/validation/endorsements";
import { parseInput } from "@/lib/validation/parse";
import { findEngagement } from "./contexts";
import { getEndorsement, visibleRow } from "./read";
import { endorsementWindow, type EndorsementStatus } from "./rules";
import type { Actor, Endorsement } from "./types";

const invalid = (field: string, message: string) => new AppError("validation_failed", message, { fields: { [field]: [message] } });

/** The subject's own spelling of each scored skill; a skill they do not list is refused (422). */
function matchSkills(scored: EndorseInput["skills"], listed: string[]): { skill: string; score: number }[] {
  const byKey = new Map(listed.map((s) => [s.toLowerCase(), s]));
  return scored.map((item, i) => {
    const skill = byKey.get(item.skill.toLowerCase());
    if (!skill) throw invalid(`skills.${i}.skill`, `${item.skill} is not one of their skills.`);
    return { skill, score: item.score };
  });
}

/** Serialises writes about one pair in one context, so the reciprocal check sees the other's row. */
async function lockPairInContext(tx: Db, a: string, b: string, input: EndorseInput): Promise<void> {
  const key = `kontact:endorse:${input.context.type}:${input.context.id}:${[a, b].sort().join(":")}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/**
 * POST /api/v1/endorsements. 422 invalid, unknown subject or self; 403 across a block, when the
 * two did not both take part in the context, or before it concluded; 410 once the 14 days after
 * it concluded have passed; 409 for a second endorsement of the subject in that context (the
 * unique index decides races). Published at once when the subject already endorsed the author
 * here (both are then published), pending otherwise.
 */
export async function endorse(db: Db, actor: Actor, raw: unknown, now: Date = new Date()): Promise<{ id: string; status: EndorsementStatus; subject: string }> {
  const input = parseInput(endorseSchema, raw);
  const subject = await findProfileRow(db, input.subject);
  if (!subject) throw invalid("subject", `No one is called ${input.subject}.`);
  if (subject.userId === actor.id) throw invalid("subject", "You cannot endorse yourself.");
  // A block either way keeps the pair apart; the answer does not say who blocked whom.
  if (await isBlockedEitherWay(db, actor.id, subject.userId)) throw new AppError("forbidden", "You cannot endorse this person.");
  const engagement = await findEngagement(db, actor.id, subject.userId, input.context);
  if (!engagement) {
    throw new AppError("forbidden", input.context.type === "workspace"
      ? "You can only endorse someone who joined the same workspace as you."
      : "Only the owner of a filled opportunity and the people selected for it can endorse each other.");
  }
  const window = endorsementWindow(engagement.concludedAt, now);
  if (window === "not_concluded") throw new AppError("forbidden", input.context.type === "workspace" ? "You can endorse once the session has ended." : "You can endorse once the opportunity is filled.");
  if (window === "closed") throw new AppError("gone", "Endorsements for this collaboration closed 14 days after it ended.");
  const skills = matchSkills(input.skills, subject.skills);

  return db.transaction(async (tx) => {
    await lockPairInContext(tx, actor.id, subject.userId, input);
    const [created] = await tx
      .insert(endorsement)
      .values({
        authorId: actor.id,
        subjectId: subject.userId,
        contextType: input.context.type,
        contextId: input.context.id,
        concludedAt: engagement.concludedAt!,
        rating: input.rating,
        text: input.text,
        privateNote: input.privateNote,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: endorsement.id });
    if (!created) throw new AppError("conflict", "You have already endorsed them for this collaboration; an endorsement cannot be changed.");
    if (skills.length) await tx.insert(endorsementSkill).values(skills.map((s) => ({ endorsementId: created.id, ...s })));
    const [reciprocal] = await tx
      .select({ id: endorsement.id })
      .from(endorsement)
      .where(
        and(
          eq(endorsement.authorId, subject.userId),
          eq(endorsement.subjectId, actor.id),
          eq(endorsement.contextType, input.context.type),
          eq(endorsement.contextId, input.context.id),
        ),
      )
      .limit(1);
    if (!reciprocal) return { id: created.id, status: "pending" as const, subject: subject.handle };
    await tx
      .update(endorsement)
      .set({ publishedAt: now })
      .where(and(inArray(endorsement.id, [created.id, reciprocal.id]), isNull(endorsement.publishedAt)));
    return { id: created.id, status: "published" as const, subject: subject.handle };
  });
}

/**
 * POST /api/v1/endorsements/{id}/reply: the subject's one public reply to a published
 * endorsement. 404 when the actor cannot see it (a pending one is unseen by its subject too);
 * 403 for anyone but the subject; 409 once replied (the `reply is null` guard decides races).
 */
export async function replyToEndorsement(db: Db, actor: Actor, id: string, raw: unknown, now: Date = new Date()): Promise<Endorsement> {
  const { text } = parseInput(replySchema, raw);
  const row = await visibleRow(db, actor, id, now);
  if (row.subjectId !== actor.id) throw new AppError("forbidden", "Only the person endorsed can reply.");
  const [updated] = await db
    .update(endorsement)
    .set({ reply: text, repliedAt: now })
    .where(and(eq(endorsement.id, id), isNull(endorsement.reply)))
    .returning({ id: endorsement.id });
  if (!updated) throw new AppError("conflict", "You have already replied; a reply cannot be changed.");
  return getEndorsement(db, actor, id, now);
}

/** POST /api/v1/endorsements/{id}/report: anyone signed in who can see it, once (409 after). Moderators read reports. */
export async function reportEndorsement(db: Db, actor: Actor, id: string, raw: unknown, now: Date = new Date()): Promise<{ reported: true }> {
  const { reason } = parseInput(reportSchema, raw);
  await visibleRow(db, actor, id, now);
  const [created] = await db.insert(endorsementReport).values({ endorsementId: id, reporterId: actor.id, reason }).onConflictDoNothing().returning({ id: endorsementReport.endorsementId });
  if (!created) throw new AppError("conflict", "You have already reported this endorsement.");
  return { reported: true };
}
