import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { signedInClient } from "./support/api";

// The Artwork shape of API.md, with Kontact's documented additions (lib/services/professional_profile/types.ts).
const ARTWORK_KEYS = [
  "aiTrainingConsent",
  "altText",
  "artist",
  "createdAt",
  "downloadable",
  "height",
  "id",
  "mediaType",
  "mediaUrl",
  "style",
  "tags",
  "thumbnailUrl",
  "title",
  "width",
].sort();

let png: Buffer;
test.beforeAll(async () => {
  png = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#c84" } }).png().toBuffer();
});

/** A multipart upload; `tags` is sent as repeated fields. */
function uploadForm(file: { bytes: Buffer; name: string; type?: string } | null, fields: Record<string, string | string[]>) {
  const form = new FormData();
  if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "image/png" }));
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
  return form;
}

const upload = (api: APIRequestContext, file: Parameters<typeof uploadForm>[0], fields: Record<string, string | string[]>) =>
  api.post("/api/v1/artworks", { multipart: uploadForm(file, fields) });

test.describe("artworks API", () => {
  test("uploads an artwork (201, exact shape) and serves its WebP renditions with long cache headers", async ({ baseURL }) => {
    const { api, account } = await signedInClient(baseURL!);
    const response = await upload(api, { bytes: png, name: "../../etc/passwd.png" }, { title: "Dune study", style: "Gouache", tags: ["Desert", "study"], altText: "Orange dunes." });
    expect(response.status()).toBe(201);
    const artwork = await response.json();
    expect(Object.keys(artwork).sort()).toEqual(ARTWORK_KEYS);
    expect(artwork).toMatchObject({
      title: "Dune study",
      style: "Gouache",
      mediaType: "image/webp",
      tags: ["desert", "study"],
      artist: account.handle,
      altText: "Orange dunes.",
      width: 900,
      height: 600,
      downloadable: false,
      aiTrainingConsent: false,
    });
    expect(typeof artwork.id).toBe("string");
    expect(new Date(artwork.createdAt).toISOString()).toBe(artwork.createdAt);
    expect(artwork.mediaUrl).toMatch(/^\/api\/media\/artworks\/[0-9a-f]{32}\.webp$/);
    expect(artwork.thumbnailUrl).toMatch(/^\/api\/media\/artworks\/thumbs\/[0-9a-f]{32}\.webp$/);

    for (const url of [artwork.mediaUrl, artwork.thumbnailUrl]) {
      const media = await api.get(url);
      expect(media.status()).toBe(200);
      expect(media.headers()["content-type"]).toBe("image/webp");
      expect(media.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(media.headers()["x-content-type-options"]).toBe("nosniff");
      const body = await media.body();
      expect(body.subarray(0, 4).toString("latin1")).toBe("RIFF");
      expect(body.subarray(8, 12).toString("latin1")).toBe("WEBP");
      const head = await api.head(url);
      expect(head.status()).toBe(200);
      expect(head.headers()).toMatchObject({ "content-type": "image/webp", "cache-control": "public, max-age=31536000, immutable" });
      expect((await head.body()).length).toBe(0);
    }
    const fetched = await api.get(`/api/v1/artworks/${artwork.id}`);
    expect(fetched.status()).toBe(200);
    expect(await fetched.json()).toEqual(artwork);
    await api.dispose();
  });

  test("refuses anonymous (401), wrong content type (415), scripts named .png (415), missing titles (422), 11 MB (413)", async ({ baseURL, playwright }) => {
    const { api } = await signedInClient(baseURL!);
    const anonymous = await playwright.request.newContext({ baseURL });
    const anon = await upload(anonymous, { bytes: png, name: "a.png" }, { title: "x" });
    expect(anon.status()).toBe(401);
    expect((await anon.json()).error.code).toBe("unauthorized");

    const json = await api.post("/api/v1/artworks", { data: { title: "x" } });
    expect(json.status()).toBe(415);

    const script = await upload(api, { bytes: Buffer.from("#!/bin/sh\nrm -rf ~\n"), name: "x.png" }, { title: "Not an image" });
    expect(script.status()).toBe(415);
    expect((await script.json()).error.code).toBe("unsupported_media_type");

    const untitled = await upload(api, { bytes: png, name: "a.png" }, { style: "Ink" });
    expect(untitled.status()).toBe(422);
    const error = (await untitled.json()).error;
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields)).toEqual(["title"]);

    const big = Buffer.alloc(11 * 1024 * 1024);
    png.copy(big);
    const tooLarge = await upload(api, { bytes: big, name: "big.png" }, { title: "Huge" });
    expect(tooLarge.status()).toBe(413);
    expect((await tooLarge.json()).error.code).toBe("payload_too_large");
    await Promise.all([api.dispose(), anonymous.dispose()]);
  });

  test("media paths that escape MEDIA_ROOT are 404, plain or URL-encoded", async ({ request }) => {
    // The server's generated secrets sit in KONTACT_DATA_DIR, next to MEDIA_ROOT in these runs.
    const secretsFile = path.join(process.env.KONTACT_DATA_DIR ?? ".data", "secrets.json");
    const secrets = Object.values(JSON.parse(await readFile(secretsFile, "utf8")) as Record<string, string>);
    expect(secrets.length).toBeGreaterThan(0);
    const attempts = [
      "/api/media/../.data/secrets.json",
      "/api/media/%2e%2e/.data/secrets.json",
      "/api/media/..%2f.data%2fsecrets.json",
      "/api/media/..%2fdata%2fsecrets.json", // the e2e data folder sits next to the media folder
      "/api/media/%2e%2e%2fdata%2fsecrets.json",
      "/api/media/artworks/..%2f..%2fdata%2fsecrets.json",
      "/api/media/..%5cdata%5csecrets.json",
      "/api/media/%252e%252e%252fdata%252fsecrets.json",
      "/api/media/%2fetc%2fpasswd",
      "/api/media/artworks/x.webp%00.png",
      "/api/media/.tmp-1",
      "/api/media/",
    ];
    for (const url of attempts) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      const body = await response.text();
      for (const secret of secrets) expect(body, url).not.toContain(secret);
    }
  });

  test("only the artist edits or deletes (403 for others); after the delete the files are gone", async ({ baseURL, playwright }) => {
    const artist = await signedInClient(baseURL!);
    const other = await signedInClient(baseURL!);
    const anonymous = await playwright.request.newContext({ baseURL });
    const artwork = await (await upload(artist.api, { bytes: png, name: "a.png" }, { title: "Keep me", tags: "ink" })).json();

    expect((await other.api.patch(`/api/v1/artworks/${artwork.id}`, { data: { title: "Stolen" } })).status()).toBe(403);
    expect((await other.api.delete(`/api/v1/artworks/${artwork.id}`)).status()).toBe(403);
    expect((await anonymous.delete(`/api/v1/artworks/${artwork.id}`)).status()).toBe(401);
    expect((await artist.api.delete("/api/v1/artworks/no-such-artwork")).status()).toBe(404);
    expect((await artist.api.get(artwork.mediaUrl)).status()).toBe(200);

    const patched = await artist.api.patch(`/api/v1/artworks/${artwork.id}`, { data: { title: "Kept", aiTrainingConsent: true } });
    expect(patched.status()).toBe(200);
    expect(await patched.json()).toMatchObject({ id: artwork.id, title: "Kept", aiTrainingConsent: true, tags: ["ink"] });

    const deleted = await artist.api.delete(`/api/v1/artworks/${artwork.id}`);
    expect(deleted.status()).toBe(204);
    expect((await anonymous.get(`/api/v1/artworks/${artwork.id}`)).status()).toBe(404);
    expect((await anonymous.get(artwork.mediaUrl)).status()).toBe(404);
    expect((await anonymous.get(artwork.thumbnailUrl)).status()).toBe(404);
    await Promise.all([artist.api.dispose(), other.api.dispose(), anonymous.dispose()]);
  });

  test("avatar: upload (200 { avatarUrl }), replace, delete (204)", async ({ baseURL }) => {
    const { api } = await signedInClient(baseURL!);
    const first = await api.post("/api/v1/profiles/me/avatar", { multipart: uploadForm({ bytes: png, name: "me.png" }, {}) });
    expect(first.status()).toBe(200);
    const { avatarUrl } = await first.json();
    expect(avatarUrl).toMatch(/^\/api\/media\/avatars\/[0-9a-f]{32}\.webp$/);
    const image = await api.get(avatarUrl);
    expect(image.status()).toBe(200);
    expect(await sharp(await image.body()).metadata()).toMatchObject({ format: "webp", width: 256, height: 256 });

    const second = await (await api.post("/api/v1/profiles/me/avatar", { multipart: uploadForm({ bytes: png, name: "me.png" }, {}) })).json();
    expect(second.avatarUrl).not.toBe(avatarUrl);
    expect((await api.get(avatarUrl)).status()).toBe(404);

    expect((await api.delete("/api/v1/profiles/me/avatar")).status()).toBe(204);
    expect((await api.get(second.avatarUrl)).status()).toBe(404);
    await api.dispose();
  });
});
