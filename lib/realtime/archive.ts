import { z } from "zod";

/**
 * What a room hands to the app when its session ends (room → app callback), and the shape of
 * a stroke on the shared canvas. Shared by the room server (party/), the app and the browser;
 * keep it free of Node-only and Worker-only imports.
 *
 * The Yjs document of a room holds:
 * - `doc.getText("notes")`: the shared notes (plain text);
 * - `doc.getMap("strokes")`: finished strokes keyed by stroke id, each value a plain `Stroke`
 *   object written once (erasing deletes the key; undo is the author's own Y.UndoManager).
 * A stroke in progress travels as awareness (ephemeral), and is written to the map on pointer-up.
 */

/** The canvas's logical size; clients scale it to their screen. */
export const CANVAS_WIDTH = 1600;
export const CANVAS_HEIGHT = 1000;
/** Points in one stroke (x, y pairs). */
export const MAX_STROKE_POINTS = 2000;
export const MIN_STROKE_WIDTH = 1;
export const MAX_STROKE_WIDTH = 64;

const coordinate = z.number().finite().min(-CANVAS_WIDTH).max(CANVAS_WIDTH * 2);

export const strokeSchema = z.object({
  id: z.string().min(1).max(64),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #1a2b3c"),
  width: z.number().min(MIN_STROKE_WIDTH).max(MAX_STROKE_WIDTH),
  /** Flat list x0, y0, x1, y1, … in canvas units. */
  points: z
    .array(coordinate)
    .min(2)
    .max(MAX_STROKE_POINTS * 2)
    .refine((points) => points.length % 2 === 0, "points come in x, y pairs"),
});

export type Stroke = z.infer<typeof strokeSchema>;

/** A stroke as archived: the server, not the client, says who drew it. */
export const archivedStrokeSchema = strokeSchema.extend({
  authorId: z.string().min(1),
  author: z.string().min(1),
});

export type ArchivedStroke = z.infer<typeof archivedStrokeSchema>;

export const transcriptEntrySchema = z.object({
  id: z.string().min(1),
  authorId: z.string().min(1),
  author: z.string().min(1),
  text: z.string().min(1).max(2000),
  at: z.iso.datetime(),
});

export const roomArchiveSchema = z.object({
  transcript: z.array(transcriptEntrySchema).max(5000),
  notes: z.string().max(200_000),
  /** Strokes on the canvas when the session ended, in drawing order. */
  strokes: z.array(archivedStrokeSchema).max(20_000),
  /** Strokes each person added over the session (the contribution ledger), erased ones included. */
  contributions: z.array(z.object({ userId: z.string().min(1), handle: z.string().min(1), strokes: z.number().int().min(0) })),
});

export type RoomArchive = z.infer<typeof roomArchiveSchema>;
