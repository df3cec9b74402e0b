import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { artworkTag, kreativeArtwork, profiles, tag } from "@/db/schema";
import { MEDIA_ROOT } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { setKvForTests } from "@/lib/kv";
import { createMemoryKv } from "@/lib/kv/memory";
import * as service from "@/lib/services/professional_profile";
import { createTestDb } from "../support/db";
import { createUser } from "../support/factories";

// lib/config reads MEDIA_ROOT when first imported: point it at a fresh folder before any import runs.
const mediaRoot = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/kontact-artwork-owners-test-${process.pid}-${Date.now()}`;
  process.env.MEDIA_ROOT = dir;
  return dir;
});

let handle: DbHandle;
let db: DbHandle["db"];
let artist: Awaited<ReturnType<typeof createUser>>;
let other: Awaited<ReturnType<typeof createUser>>;
let png: Buffer;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  [artist, other] = await Promise.all([createUser(db), createUser(db)]);
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#246" } }).png().toBuffer();
});
beforeEach(() => setKvForTests(createMemoryKv()));
afterAll(async () => {
  setKvForTests(undefined);
  await handle?.close();
  await rm(mediaRoot, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
const fileOf = (rel: string) => path.join(MEDIA_ROOT, ...rel.split("/"));
const rowOf = async (id: string) => (await db.select().from(kreativeArtwork).where(eq(kreativeArtwork.id, id)))[0];
const upload = (fields: Record<string, unknown> = {}) => service.createArtwork(db, artist, { file: { bytes: png }, fields: { title: "Study", ...fields } });
const setVisibility = (userId: string, visibility: "public" | "members" | "hidden") =>
  db.update(profiles).set({ visibility }).where(eq(profiles.userId, userId));

describe("deleteArtwork", () => {
  it("lets only the artist delete: 401 anonymous, 403 others, 404 unknown, and nothing removed", async () => {
    const artwork = await upload({ tags: ["keep"] });
    const row = (await rowOf(artwork.id))!;
    expect((await refusal(service.deleteArtwork(db, other, artwork.id))).code).toBe("forbidden");
    expect((await refusal(service.deleteArtwork(db, null, artwork.id))).code).toBe("unauthorized");
    expect((await refusal(service.deleteArtwork(db, artist, "no-such-artwork"))).code).toBe("not_found");
    expect(await rowOf(artwork.id)).toBeDefined();
    expect(existsSync(fileOf(row.mediaFile))).toBe(true);
    expect(existsSync(fileOf(row.thumbnailFile!))).toBe(true);
  });

  it("removes the row, its tag links and both files, but keeps the shared tag", async () => {
    const artwork = await upload({ tags: ["ephemeral"] });
    const row = (await rowOf(artwork.id))!;
    await service.deleteArtwork(db, artist, artwork.id);
    expect(await rowOf(artwork.id)).toBeUndefined();
    expect(await db.select().from(artworkTag).where(eq(artworkTag.artworkId, artwork.id))).toEqual([]);
    expect(existsSync(fileOf(row.mediaFile))).toBe(false);
    expect(existsSync(fileOf(row.thumbnailFile!))).toBe(false);
    expect(await db.select().from(tag).where(eq(tag.name, "ephemeral"))).toHaveLength(1);
    expect((await refusal(service.deleteArtwork(db, artist, artwork.id))).code).toBe("not_found");
  });

  it("still deletes the row when a file is already gone", async () => {
    const artwork = await upload();
    await rm(fileOf((await rowOf(artwork.id))!.thumbnailFile!));
    await service.deleteArtwork(db, artist, artwork.id);
    expect(await rowOf(artwork.id)).toBeUndefined();
  });
});

describe("updateArtwork", () => {
  it("changes the given fields and replaces the tags, for the artist only", async () => {
    const artwork = await upload({ style: "Ink", tags: ["old"] });
    expect((await refusal(service.updateArtwork(db, other, artwork.id, { title: "Mine now" }))).code).toBe("forbidden");
    expect((await rowOf(artwork.id))!.title).toBe("Study");
    const updated = await service.updateArtwork(db, artist, artwork.id, { title: "Study II", tags: ["New", "more"], aiTrainingConsent: true });
    expect(updated).toMatchObject({ id: artwork.id, title: "Study II", style: "Ink", tags: ["more", "new"], aiTrainingConsent: true, downloadable: false });
    expect(updated.mediaUrl).toBe(artwork.mediaUrl);
  });

  it("refuses invalid or unknown fields and changes nothing", async () => {
    const artwork = await upload({ tags: ["stay"] });
    const error = await refusal(service.updateArtwork(db, artist, artwork.id, { title: "", tags: ["stay", "x".repeat(41)], mediaFile: "../../etc/passwd" }));
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["mediaFile", "tags.1", "title"]);
    expect(await service.getArtwork(db, artist, artwork.id)).toEqual(artwork);
  });
});

describe("getArtwork", () => {
  it("follows the artist's profile visibility", async () => {
    const owner = await createUser(db);
    const artwork = await service.createArtwork(db, owner, { file: { bytes: png }, fields: { title: "Private study" } });
    expect((await service.getArtwork(db, null, artwork.id)).id).toBe(artwork.id);
    await setVisibility(owner.id, "members");
    expect((await refusal(service.getArtwork(db, null, artwork.id))).code).toBe("not_found");
    expect((await service.getArtwork(db, other, artwork.id)).id).toBe(artwork.id);
    await setVisibility(owner.id, "hidden");
    expect((await refusal(service.getArtwork(db, other, artwork.id))).code).toBe("not_found");
    expect((await service.getArtwork(db, owner, artwork.id)).title).toBe("Private study");
    expect((await refusal(service.getArtwork(db, owner, "missing"))).code).toBe("not_found");
  });
});

describe("avatars", () => {
  const avatarFile = async (userId: string) => (await db.select({ f: profiles.avatarFile }).from(profiles).where(eq(profiles.userId, userId)))[0]!.f;

  it("stores a 256×256 WebP, replaces the previous file and removes it on delete", async () => {
    const first = await service.uploadAvatar(db, artist, { bytes: png, name: "me.png" });
    const firstFile = (await avatarFile(artist.id))!;
    expect(firstFile).toMatch(/^avatars\/[0-9a-f]{32}\.webp$/);
    expect(first.avatarUrl).toBe(`/api/media/${firstFile}`);
    expect(await sharp(fileOf(firstFile)).metadata()).toMatchObject({ format: "webp", width: 256, height: 256 });

    await service.uploadAvatar(db, artist, { bytes: png });
    const secondFile = (await avatarFile(artist.id))!;
    expect(secondFile).not.toBe(firstFile);
    expect(existsSync(fileOf(firstFile))).toBe(false);
    expect(existsSync(fileOf(secondFile))).toBe(true);

    await service.removeAvatar(db, artist);
    expect(await avatarFile(artist.id)).toBeNull();
    expect(existsSync(fileOf(secondFile))).toBe(false);
  });

  it("refuses non-images and anonymous callers, keeping the current avatar", async () => {
    await service.uploadAvatar(db, other, { bytes: png });
    const current = await avatarFile(other.id);
    const script = new TextEncoder().encode("<script>alert(1)</script>");
    expect((await refusal(service.uploadAvatar(db, other, { bytes: script, name: "a.png" }))).code).toBe("unsupported_media_type");
    expect((await refusal(service.uploadAvatar(db, null, { bytes: png }))).code).toBe("unauthorized");
    expect(await avatarFile(other.id)).toBe(current);
    expect(existsSync(fileOf(current!))).toBe(true);
  });
});
