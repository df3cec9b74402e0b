import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { collabCanvas, collabContribution, collabMessage, collabParticipant, collabSession } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { roomArchiveSchema, type RoomArchive, type Stroke } from "@/lib/realtime/archive";
import { transcriptQuerySchema } from "@/lib/validation/workspaces";
import { parseInput } from "@/lib/validation/parse";
import { participantSession, workspaceNotFound } from "./read";
import type { Actor, TranscriptMessage } from "./types";

const BATCH = 500;

// PostgreSQL text and jsonb cannot hold NUL or half a surrogate pair; the room validates shapes, not this,
// and an archive is kept whatever its chat held: both become U+FFFD.
const clean = (text: string) => text.replace(/\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

export type ArchiveResult = { sessionId: string; archivedAt: string; created: boolean };

/**
 * Stores what a room hands over after its session ended (the internal callback): transcript,
 * notes, canvas and contribution ledger, in one transaction. 422 for a malformed archive, 404
 * unknown session, 409 while live. A second delivery (the room retries) changes nothing.
 * Authors and contributors who are not participants are not linked to an account.
 */
export async function archiveRoom(db: Db, id: string, raw: unknown): Promise<ArchiveResult> {
  const archive = parseInput(roomArchiveSchema, raw, { storableText: false }); // cleaned below
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select({ endedAt: collabSession.endedAt, archivedAt: collabSession.archivedAt })
      .from(collabSession)
      .where(eq(collabSession.id, id))
      .for("update");
    if (!session) throw workspaceNotFound();
    if (!session.endedAt) throw new AppError("conflict", "This session is still live: only an ended session is archived.");
    if (session.archivedAt) return { sessionId: id, archivedAt: session.archivedAt.toISOString(), created: false };
    const members = new Set((await tx.select({ userId: collabParticipant.userId }).from(collabParticipant).where(eq(collabParticipant.sessionId, id))).map((m) => m.userId));
    await insertTranscript(tx, id, archive, members);
    await tx.insert(collabCanvas).values({
      sessionId: id,
      strokes: archive.strokes.map((s) => ({ ...s, id: clean(s.id), authorId: clean(s.authorId), author: clean(s.author) })),
    });
    const ledger = new Map<string, number>();
    for (const c of archive.contributions) if (members.has(c.userId)) ledger.set(c.userId, (ledger.get(c.userId) ?? 0) + c.strokes);
    if (ledger.size > 0) await tx.insert(collabContribution).values([...ledger].map(([userId, strokes]) => ({ sessionId: id, userId, strokes })));
    const [updated] = await tx
      .update(collabSession)
      .set({ notes: clean(archive.notes), archivedAt: sql`now()` })
      .where(eq(collabSession.id, id))
      .returning({ archivedAt: collabSession.archivedAt });
    return { sessionId: id, archivedAt: updated!.archivedAt!.toISOString(), created: true };
  });
}

async function insertTranscript(tx: Db, id: string, archive: RoomArchive, members: Set<string>): Promise<void> {
  const rows = archive.transcript.map((m, position) => ({
    sessionId: id,
    id: clean(m.id),
    position,
    authorId: members.has(m.authorId) ? m.authorId : null,
    author: clean(m.author),
    text: clean(m.text),
    at: new Date(m.at),
  }));
  // Ids are the room's: a repeated id within one archive keeps its first line.
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(collabMessage).values(rows.slice(i, i + BATCH)).onConflictDoNothing();
}

const toMessage = (row: { id: string; author: string; text: string; at: Date }): TranscriptMessage => ({ id: row.id, author: row.author, text: row.text, at: row.at.toISOString() });

const messageColumns = { id: collabMessage.id, author: collabMessage.author, text: collabMessage.text, at: collabMessage.at, position: collabMessage.position };

/**
 * The chat of a session as archived, oldest first (participants only; 404 otherwise). While the
 * session is live, and until the room has handed its archive over after the end, this is empty:
 * live chat travels over the room socket, and the database holds only what the room archived.
 */
export async function getTranscript(db: Db, actor: Actor, id: string): Promise<TranscriptMessage[]> {
  await participantSession(db, actor, id);
  const rows = await db.select(messageColumns).from(collabMessage).where(eq(collabMessage.sessionId, id)).orderBy(asc(collabMessage.position));
  return rows.map(toMessage);
}

/** getTranscript a page at a time (`?limit=&cursor=`), for the HTTP list convention. */
export async function listTranscript(db: Db, actor: Actor, id: string, rawQuery: unknown): Promise<{ items: TranscriptMessage[]; nextCursor: string | null }> {
  await participantSession(db, actor, id);
  const { limit, cursor } = parseInput(transcriptQuerySchema, rawQuery);
  const rows = await db
    .select(messageColumns)
    .from(collabMessage)
    .where(and(eq(collabMessage.sessionId, id), cursor === undefined ? undefined : gt(collabMessage.position, cursor)))
    .orderBy(asc(collabMessage.position))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(toMessage), nextCursor: rows.length > limit ? String(page.at(-1)!.position) : null };
}

/** The canvas as archived at the end, in drawing order (participants only; 404 otherwise); empty until archived. */
export async function getCanvas(db: Db, actor: Actor, id: string): Promise<Stroke[]> {
  await participantSession(db, actor, id);
  const [row] = await db.select({ strokes: collabCanvas.strokes }).from(collabCanvas).where(eq(collabCanvas.sessionId, id));
  return (row?.strokes ?? []).map(({ id: strokeId, color, width, points }) => ({ id: strokeId, color, width, points }));
}
