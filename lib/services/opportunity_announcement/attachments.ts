import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, opportunityAttachment } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { verifyImage } from "@/lib/media/images";
import { EXTENSION_BY_TYPE, sniffType } from "@/lib/media/sniff";
import { deleteMediaFile, deleteMediaFiles, newMediaPath, writeMediaFile } from "@/lib/storage/files";
import { singleLine } from "@/lib/validation/profiles";
import { attachmentUrl, requireOwnedRow, requireRow } from "./read";
import type { Tx } from "./tags";
import type { Actor, Attachment } from "./types";

export const MAX_ATTACHMENTS = 10;
type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
const isAttachmentType = (t: string | null): t is AttachmentType => t !== null && (ATTACHMENT_TYPES as readonly string[]).includes(t);

/** Direction overrides and isolates: "invoice\u202Efdp.exe" would show as "invoiceexe.pdf". */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * The name shown and offered on download: the uploader's base name without control or path
 * characters, with the extension of the type the bytes really are. It never reaches the disk.
 */
export function displayFilename(raw: string | undefined, type: AttachmentType): string {
  const clean = (raw ?? "").replace(LONE_SURROGATE, "").replace(BIDI_CONTROLS, "");
  const base = singleLine(clean.split(/[\\/]/).pop() ?? "").replace(/["<>:|?*]/g, "_");
  // Cut by code points: half an emoji would make the name malformed UTF-16, which the download's header cannot encode.
  const stem = Array.from(base.replace(/\.[A-Za-z0-9]{1,5}$/, "")).slice(0, 180).join("").trim() || "attachment";
  return `${stem}.${EXTENSION_BY_TYPE[type]}`;
}

const fileError = (message: string) => new AppError("validation_failed", "Some fields are invalid.", { fields: { file: [message] } });

/** Readers look for the end-of-file marker in the last 1024 bytes; a PDF without it was cut short. */
const PDF_END = Buffer.from("%%EOF", "latin1");
const hasPdfEnd = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1024).includes(PDF_END);

/**
 * The attachment type of the bytes, without decoding: 422 when empty or a PDF without its end
 * marker (truncated), 413 over 10 MB, 415 unless PDF, PNG or JPEG.
 */
export function checkAttachmentBytes(bytes: Uint8Array | undefined): AttachmentType {
  if (!bytes || bytes.byteLength === 0) throw fileError("Choose a PDF, PNG or JPEG file.");
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES) throw new AppError("payload_too_large", "Attachments are at most 10 MB.");
  const type = sniffType(bytes);
  if (!isAttachmentType(type)) throw new AppError("unsupported_media_type", "Attach a PDF, PNG or JPEG file.");
  if (type === "application/pdf" && !hasPdfEnd(bytes)) throw fileError("The PDF is incomplete: it has no end-of-file marker.");
  return type;
}

/**
 * `checkAttachmentBytes`, then images are decoded in full (they are stored as uploaded, so a
 * truncated, corrupt or oversized PNG or JPEG must be caught here): 422 when they do not decode.
 */
export async function checkAttachment(bytes: Uint8Array | undefined): Promise<AttachmentType> {
  const type = checkAttachmentBytes(bytes);
  if (type !== "application/pdf") await verifyImage(bytes!, type);
  return type;
}

/** 401/404/403 before an upload body is read: only the owner may attach. */
export async function assertCanAttach(db: Db, actor: Actor, opportunityId: string): Promise<void> {
  await requireOwnedRow(db, actor, opportunityId);
}

/**
 * POST /api/v1/opportunities/{id}/attachments (owner only): PDF, PNG or JPEG by their bytes, at most
 * 10 MB. Everything is checked before anything is written, and a failed insert removes the file.
 */
export async function addAttachment(db: Db, actor: Actor, opportunityId: string, file: { bytes: Uint8Array; name?: string } | undefined): Promise<Attachment> {
  await requireOwnedRow(db, actor, opportunityId);
  const type = await checkAttachment(file?.bytes);
  const [existing] = await db.select({ n: count() }).from(opportunityAttachment).where(eq(opportunityAttachment.opportunityId, opportunityId));
  if ((existing?.n ?? 0) >= MAX_ATTACHMENTS) throw new AppError("conflict", `An opportunity has at most ${MAX_ATTACHMENTS} attachments.`);

  const rel = newMediaPath("opportunities", type);
  await writeMediaFile(rel, file!.bytes);
  try {
    const [row] = await db
      .insert(opportunityAttachment)
      .values({ opportunityId, filename: displayFilename(file!.name, type), contentType: type, size: file!.bytes.byteLength, file: rel })
      .returning();
    if (!row) throw new Error("attachment insert returned no row");
    return { id: row.id, filename: row.filename, contentType: row.contentType, size: row.size, url: attachmentUrl(opportunityId, row.id) };
  } catch (error) {
    await deleteMediaFile(rel).catch(() => false);
    throw error;
  }
}

export type AttachmentDownload = { filename: string; contentType: string; size: number; file: string };

/** What the download route serves; 404 unless the attachment belongs to that posting. */
export async function getAttachmentDownload(db: Db, opportunityId: string, attachmentId: string): Promise<AttachmentDownload> {
  await requireRow(db, opportunityId);
  const [row] = await db
    .select({ filename: opportunityAttachment.filename, contentType: opportunityAttachment.contentType, size: opportunityAttachment.size, file: opportunityAttachment.file })
    .from(opportunityAttachment)
    .where(and(eq(opportunityAttachment.id, attachmentId), eq(opportunityAttachment.opportunityId, opportunityId)))
    .limit(1);
  if (!row) throw new AppError("not_found", "No such attachment.");
  return row;
}

/** DELETE .../attachments/{attachmentId} (owner only). */
export async function deleteAttachment(db: Db, actor: Actor, opportunityId: string, attachmentId: string): Promise<void> {
  await requireOwnedRow(db, actor, opportunityId);
  const removed = await db
    .delete(opportunityAttachment)
    .where(and(eq(opportunityAttachment.id, attachmentId), eq(opportunityAttachment.opportunityId, opportunityId)))
    .returning({ file: opportunityAttachment.file });
  if (removed.length === 0) throw new AppError("not_found", "No such attachment.");
  await removeAttachmentFiles(removed.map((r) => r.file));
}

export async function attachmentFiles(tx: Tx | Db, opportunityId: string): Promise<string[]> {
  const rows = await tx.select({ file: opportunityAttachment.file }).from(opportunityAttachment).where(eq(opportunityAttachment.opportunityId, opportunityId));
  return rows.map((r) => r.file);
}

/** After the rows are gone: a file left behind is harmless (its name is never reused), so failures are ignored. */
export async function removeAttachmentFiles(files: string[]): Promise<void> {
  await deleteMediaFiles(files).catch(() => undefined);
}
