import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { mkdir, open, realpath, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { MEDIA_ROOT } from "@/lib/config";
import { EXTENSION_BY_TYPE, type SniffedType } from "@/lib/media/sniff";

/**
 * Files under MEDIA_ROOT. Every name is made here (a random id plus an extension chosen from the
 * detected type), so user text never reaches the file system. Relative paths are "/"-separated.
 */

// A path segment: starts with a letter or digit, then letters, digits, _ and -, with dots only
// between such runs. This refuses "", ".", "..", hidden files (our temp files), "%2e", spaces.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;
const MAX_SEGMENTS = 6;
const MAX_SEGMENT_LENGTH = 128;

/** Whether `rel` is a plain relative path that stays under the root by its text alone. */
export function isSafeMediaPath(rel: unknown): rel is string {
  if (typeof rel !== "string" || rel.length === 0 || rel.length > 512) return false;
  // NUL, backslashes and absolute paths are refused outright; segments do the rest.
  if (rel.includes("\0") || rel.includes("\\") || rel.startsWith("/") || path.isAbsolute(rel)) return false;
  const segments = rel.split("/");
  return segments.length <= MAX_SEGMENTS && segments.every((s) => s.length <= MAX_SEGMENT_LENGTH && SEGMENT.test(s));
}

/** Absolute path of `rel` under `root`; throws on an unsafe path (a bug: names are ours). */
export function mediaPathUnder(root: string, rel: string): string {
  if (!isSafeMediaPath(rel)) throw new Error(`refusing unsafe media path ${JSON.stringify(rel)}`);
  const base = path.resolve(root);
  const full = path.resolve(base, ...rel.split("/"));
  if (!full.startsWith(base + path.sep)) throw new Error(`media path escapes the root: ${JSON.stringify(rel)}`);
  return full;
}

const isInside = (realRoot: string, real: string) => real.startsWith(realRoot + path.sep);

/**
 * The real path of an existing regular file at `rel` under `root`, or null when the path is
 * unsafe, missing, a folder, or leads (through a symlink anywhere along it) outside the root.
 */
export async function resolvePathUnder(root: string, rel: unknown): Promise<string | null> {
  if (!isSafeMediaPath(rel)) return null;
  try {
    const [realRoot, real] = await Promise.all([realpath(path.resolve(root)), realpath(mediaPathUnder(root, rel))]);
    return isInside(realRoot, real) && (await stat(real)).isFile() ? real : null;
  } catch {
    return null; // missing file or root
  }
}

/** `resolvePathUnder` for MEDIA_ROOT: what the media route serves. */
export function resolveMediaPath(rel: unknown): Promise<string | null> {
  return resolvePathUnder(MEDIA_ROOT, rel);
}

const TYPE_BY_EXTENSION = new Map(Object.entries(EXTENSION_BY_TYPE).map(([type, ext]) => [ext, type as SniffedType]));

/** The content type of a stored file, from the extension the server gave it; null for any other. */
export function contentTypeOfMediaPath(rel: string): SniffedType | null {
  const ext = /\.([a-z0-9]+)$/.exec(rel)?.[1];
  return (ext && TYPE_BY_EXTENSION.get(ext)) || null;
}

/** A fresh random file name (128 bits, hex): never reused, so files can be cached forever. */
export const randomMediaName = () => randomBytes(16).toString("hex");

/** A new relative path `dir/<random>.<ext>` for a file of `type`. */
export function newMediaPath(dir: string, type: SniffedType, name = randomMediaName()): string {
  const rel = `${dir}/${name}.${EXTENSION_BY_TYPE[type]}`;
  if (!isSafeMediaPath(rel)) throw new Error(`unsafe media directory ${JSON.stringify(dir)}`);
  return rel;
}

/**
 * Writes bytes to `rel` atomically: a hidden temp file in the same folder, flushed, then renamed
 * into place, so a reader never sees half a file. Refuses a folder that resolves outside the root.
 */
export async function writeMediaFile(rel: string, bytes: Uint8Array, root: string = MEDIA_ROOT): Promise<void> {
  const target = mediaPathUnder(root, rel);
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  const [realRoot, realFolder] = await Promise.all([realpath(path.resolve(root)), realpath(folder)]);
  if (realFolder !== realRoot && !isInside(realRoot, realFolder)) throw new Error(`media folder escapes the root: ${rel}`);
  const temp = path.join(folder, `.tmp-${randomMediaName()}`);
  try {
    const file = await open(temp, "wx", 0o644);
    try {
      await file.writeFile(bytes);
      await file.datasync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Deletes a stored file; a missing file (or no path at all) is fine. Returns whether one was removed. */
export async function deleteMediaFile(rel: string | null | undefined, root: string = MEDIA_ROOT): Promise<boolean> {
  if (!rel) return false;
  try {
    await unlink(mediaPathUnder(root, rel));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** Deletes several files, each independently; failures other than "missing" are reported after trying all. */
export async function deleteMediaFiles(rels: (string | null | undefined)[], root: string = MEDIA_ROOT): Promise<void> {
  const results = await Promise.allSettled(rels.map((rel) => deleteMediaFile(rel, root)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** Reads a stored file, or null when it is missing or its path is unsafe. */
export async function readMediaFile(rel: string, root: string = MEDIA_ROOT): Promise<Buffer | null> {
  const opened = await openMediaFile(rel, root);
  if (!opened) return null;
  try {
    return await opened.handle.readFile();
  } finally {
    await opened.close();
  }
}

export type OpenedMediaFile = {
  contentType: SniffedType;
  size: number;
  modifiedAt: Date;
  handle: import("node:fs/promises").FileHandle;
  /** The content as a web stream; closes the file when done or cancelled. */
  stream(): ReadableStream<Uint8Array>;
  close(): Promise<void>;
};

/**
 * Opens a stored file for serving: null when the path is unsafe, escapes the root, has an
 * extension we never give, is missing or is not a regular file. Size and type come from the
 * open descriptor, so a concurrent delete cannot make them disagree with the content.
 */
export async function openMediaFile(rel: string, root: string = MEDIA_ROOT): Promise<OpenedMediaFile | null> {
  const contentType = isSafeMediaPath(rel) ? contentTypeOfMediaPath(rel) : null;
  if (!contentType) return null;
  const real = await resolvePathUnder(root, rel);
  if (!real) return null;
  let handle: import("node:fs/promises").FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    return null;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    contentType,
    size: stat.size,
    modifiedAt: stat.mtime,
    handle,
    close,
    stream() {
      closed = true; // the stream owns the descriptor now (autoClose)
      return Readable.toWeb(handle.createReadStream({ autoClose: true })) as unknown as ReadableStream<Uint8Array>;
    },
  };
}
