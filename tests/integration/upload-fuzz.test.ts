import { readdir, rm } from "node:fs/promises";
import { relative } from "node:path";
import { count, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { ATTACHMENT_MAX_BYTES, kreativeArtwork, opportunityAttachment, profiles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { MULTIPART_OVERHEAD_BYTES, readMultipart, type MultipartFile } from "@/lib/http/multipart";
import { setKvForTests } from "@/lib/kv";
import { createMemoryKv } from "@/lib/kv/memory";
import { addAttachment, deleteAttachment } from "@/lib/services/opportunity_announcement";
import { createArtwork, MAX_UPLOAD_BYTES, uploadAvatar } from "@/lib/services/professional_profile";
import { createTestDb } from "../support/db";
import { hostileName, makeSamples, malformedFile, type MalformedFile, type Samples, type Target } from "../support/malformed-files";
import { createMember, createPosting } from "../support/opportunities";

/**
 * Upload fuzzing: at least 500 malformed files per upload path (artworks, avatars, opportunity
 * attachments), each sent as multipart/form-data through the parser the routes use and then to
 * the service with an explicit actor. Every one must be refused with 413, 415 or 422, and leave
 * no row and no file (not even a temp file) behind. The seed is fixed so a run can be repeated;
 * FUZZ_SEED=<n> tries another, and fast-check prints the seed and the shrunk file on failure.
 */

const mediaRoot = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "kontact-upload-fuzz-"));
  process.env.MEDIA_ROOT = dir; // lib/config reads it on first import
  return dir;
});

const RUNS = 500;
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
const REFUSAL_STATUSES = [413, 415, 422];

let handle: DbHandle;
let samples: Samples;
let member: Awaited<ReturnType<typeof createMember>>;
let postingId: string;

beforeAll(async () => {
  handle = await createTestDb();
  samples = await makeSamples();
  member = await createMember(handle.db, "diffuser");
  postingId = (await createPosting(handle.db, member)).id;
});
beforeEach(() => setKvForTests(createMemoryKv()));
afterAll(async () => {
  setKvForTests(undefined);
  await handle?.close();
  await rm(mediaRoot, { recursive: true, force: true });
});

/** Every file under MEDIA_ROOT, hidden temp files included. */
async function mediaFiles(): Promise<string[]> {
  const entries = await readdir(mediaRoot, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => `${e.parentPath}/${e.name}`).sort();
}

/** The upload as a browser sends it, read back by the multipart parser the route uses. */
async function parsedUpload(file: MalformedFile, maxBytes: number): Promise<{ file?: MultipartFile; fields: Record<string, string | string[]> }> {
  const form = new FormData();
  form.append("title", "Fuzzed upload");
  form.append("tags", "fuzz");
  form.append("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
  const request = new Request("http://127.0.0.1/upload", { method: "POST", body: form });
  const { files, fields } = await readMultipart(request, maxBytes);
  return { file: files.file, fields };
}

type UploadPath = {
  target: Target;
  maxBytes: number;
  /** Runs the service as the route does. */
  send: (upload: Awaited<ReturnType<typeof parsedUpload>>) => Promise<unknown>;
  /** What a successful upload would change. */
  rows: () => Promise<unknown>;
};

const paths: Record<string, () => UploadPath> = {
  "POST /api/v1/artworks": () => ({
    target: "image",
    maxBytes: MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES,
    send: ({ file, fields }) => createArtwork(handle.db, member, { file, fields }),
    rows: async () => (await handle.db.select({ n: count() }).from(kreativeArtwork))[0]!.n,
  }),
  "POST /api/v1/profiles/me/avatar": () => ({
    target: "image",
    maxBytes: MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES,
    send: ({ file }) => uploadAvatar(handle.db, member, file),
    rows: async () => (await handle.db.select({ file: profiles.avatarFile }).from(profiles).where(eq(profiles.userId, member.id)))[0]!.file,
  }),
  "POST /api/v1/opportunities/{id}/attachments": () => ({
    target: "attachment",
    maxBytes: ATTACHMENT_MAX_BYTES + MULTIPART_OVERHEAD_BYTES,
    send: ({ file }) => addAttachment(handle.db, member, postingId, file),
    rows: async () => (await handle.db.select({ n: count() }).from(opportunityAttachment))[0]!.n,
  }),
};

/** The family of a malformed file ("truncated png at 812" → "truncated"), for the tally. */
const family = (kind: string) => /^(bomb|oversize|truncated)/.exec(kind)?.[1] ?? (/^(png|jpeg|gif|webp) /.test(kind) ? "corrupt" : "foreign");

describe("upload fuzzing: malformed files are refused and leave nothing behind", () => {
  for (const [name, makePath] of Object.entries(paths)) {
    it(`${name}: ${RUNS} malformed files`, { timeout: 120_000 }, async () => {
      const path = makePath();
      const tally = new Map<string, number>();
      const startedAt = Date.now();
      await fc.assert(
        fc.asyncProperty(malformedFile(samples, path.target), async (file) => {
          setKvForTests(createMemoryKv()); // the per-user upload limit would otherwise answer 429 after 60
          const [rowsBefore, filesBefore] = [await path.rows(), await mediaFiles()];
          const outcome = await parsedUpload(file, path.maxBytes).then(path.send).then(
            () => "accepted",
            (error: unknown) => error,
          );
          expect(outcome, `${file.kind} was accepted`).toBeInstanceOf(AppError);
          expect(REFUSAL_STATUSES, `${file.kind}: ${(outcome as AppError).code}`).toContain((outcome as AppError).status);
          expect(await path.rows(), `${file.kind} changed the database`).toEqual(rowsBefore);
          expect(await mediaFiles(), `${file.kind} left a file`).toEqual(filesBefore);
          tally.set(family(file.kind), (tally.get(family(file.kind)) ?? 0) + 1);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // The generator really produced every family (a broken generator would make this test pass for nothing).
      expect([...tally.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
      for (const kind of ["foreign", "truncated", "corrupt", "bomb", "oversize"]) expect(tally.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(10);
      console.info(`${name}: ${RUNS} malformed files refused in ${Date.now() - startedAt} ms`, Object.fromEntries(tally));
    });
  }
});

/** Every name under MEDIA_ROOT is the server's: a folder we chose, 32 random hex digits, our extension. */
const SERVER_MADE = /^(artworks|artworks\/thumbs|avatars|opportunities)\/[0-9a-f]{32}\.(webp|png|jpg|pdf)$/;
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069/\\"<>:|?*]/;

describe("hostile file names on valid files: accepted, and the name never reaches the disk", () => {
  const NAME_RUNS = 40;
  const valid = (name: string): MalformedFile => ({ kind: "valid png", bytes: samples.png, name });
  // A part with filename="" is a text field in multipart/form-data (what a browser sends for an empty input).
  const named = hostileName.filter((name) => name.length > 0);

  it(`artworks and avatars: ${NAME_RUNS} names each`, { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(named, async (name) => {
        setKvForTests(createMemoryKv());
        const { file, fields } = await parsedUpload(valid(name), MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES);
        await createArtwork(handle.db, member, { file, fields });
        await uploadAvatar(handle.db, member, file);
        for (const stored of await mediaFiles()) expect(relative(mediaRoot, stored)).toMatch(SERVER_MADE);
      }),
      { numRuns: NAME_RUNS, seed: SEED },
    );
    expect(await readdir(`${mediaRoot}/avatars`)).toHaveLength(1); // each new avatar replaced the last
  });

  it(`attachments: ${NAME_RUNS} names, shown without path, control or direction characters`, { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(named, async (name) => {
        const { file } = await parsedUpload(valid(name), ATTACHMENT_MAX_BYTES + MULTIPART_OVERHEAD_BYTES);
        const attachment = await addAttachment(handle.db, member, postingId, file);
        try {
          expect(attachment.filename).toMatch(/\.png$/);
          expect(attachment.filename).not.toMatch(UNSAFE_IN_NAME);
          expect(() => encodeURIComponent(attachment.filename)).not.toThrow(); // the download's content-disposition
          for (const stored of await mediaFiles()) expect(relative(mediaRoot, stored)).toMatch(SERVER_MADE);
        } finally {
          await deleteAttachment(handle.db, member, postingId, attachment.id);
        }
      }),
      { numRuns: NAME_RUNS, seed: SEED },
    );
  });

  it("cuts a long name between characters, never inside one", async () => {
    const { file } = await parsedUpload(valid(`a${"😀".repeat(200)}.pdf`), ATTACHMENT_MAX_BYTES + MULTIPART_OVERHEAD_BYTES);
    const attachment = await addAttachment(handle.db, member, postingId, file);
    expect(attachment.filename).toBe(`a${"😀".repeat(179)}.png`);
    expect(() => encodeURIComponent(attachment.filename)).not.toThrow();
    await deleteAttachment(handle.db, member, postingId, attachment.id);
  });
});
