import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contentTypeOfMediaPath,
  deleteMediaFile,
  isSafeMediaPath,
  mediaPathUnder,
  newMediaPath,
  openMediaFile,
  readMediaFile,
  resolvePathUnder,
  writeMediaFile,
} from "@/lib/storage/files";

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "kontact-storage-"));
  root = path.join(base, "media");
  await mkdir(path.join(root, "artworks"), { recursive: true });
  await writeFile(path.join(root, "artworks", "ok.webp"), "image");
  await writeFile(path.join(base, "secrets.json"), '{"secret":1}'); // outside the root
  await mkdir(path.join(base, "outside"));
  await writeFile(path.join(base, "outside", "x.webp"), "outside");
  await symlink(path.join(base, "secrets.json"), path.join(root, "artworks", "link.webp"));
  await symlink(path.join(base, "outside"), path.join(root, "escape"));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const attempts = [
  "../secrets.json",
  "artworks/../../secrets.json",
  "artworks/../ok.webp",
  "./artworks/ok.webp",
  "%2e%2e/secrets.json",
  "%2e%2e%2fsecrets.json",
  "..%2fsecrets.json",
  decodeURIComponent("%2e%2e/secrets.json"),
  "/etc/passwd",
  "//etc/passwd",
  "C:\\Windows\\win.ini",
  "artworks\\..\\..\\secrets.json",
  "..\\secrets.json",
  "artworks/ok.webp\0.png",
  "artworks/ok.webp\0",
  "artworks//ok.webp",
  "artworks/ok.webp/",
  "artworks/.hidden.webp",
  "",
  "artworks/ok webp",
];

describe("media paths", () => {
  it.each(attempts)("refuses %j by its text", async (attempt) => {
    expect(isSafeMediaPath(attempt)).toBe(false);
    expect(await resolvePathUnder(root, attempt)).toBeNull();
    expect(() => mediaPathUnder(root, attempt)).toThrow();
  });

  it("refuses non-strings", async () => {
    expect(isSafeMediaPath(undefined)).toBe(false);
    expect(isSafeMediaPath(["artworks", "ok.webp"])).toBe(false);
    expect(await resolvePathUnder(root, null)).toBeNull();
  });

  it("resolves a stored file to its real path under the root", async () => {
    expect(isSafeMediaPath("artworks/ok.webp")).toBe(true);
    expect(await resolvePathUnder(root, "artworks/ok.webp")).toBe(path.join(await realRoot(), "artworks", "ok.webp"));
    expect(await resolvePathUnder(root, "artworks/missing.webp")).toBeNull();
    expect(await resolvePathUnder(root, "artworks")).toBeNull(); // a folder is not a file to serve
  });

  it("refuses symlinks that lead outside the root, as a file or as a folder", async () => {
    expect(isSafeMediaPath("artworks/link.webp")).toBe(true); // the text is fine; realpath is what catches it
    expect(await resolvePathUnder(root, "artworks/link.webp")).toBeNull();
    expect(await resolvePathUnder(root, "escape/x.webp")).toBeNull();
    expect(await openMediaFile("artworks/link.webp", root)).toBeNull();
    expect(await readMediaFile("escape/x.webp", root)).toBeNull();
  });

  it("serves only the extensions the server gives, with their type", async () => {
    expect(contentTypeOfMediaPath("artworks/a.webp")).toBe("image/webp");
    expect(contentTypeOfMediaPath("attachments/a.pdf")).toBe("application/pdf");
    expect(contentTypeOfMediaPath("artworks/a.svg")).toBeNull();
    expect(contentTypeOfMediaPath("artworks/a.html")).toBeNull();
    expect(contentTypeOfMediaPath("artworks/a.WEBP")).toBeNull();
    await writeFile(path.join(root, "artworks", "page.html"), "<script>alert(1)</script>");
    expect(await openMediaFile("artworks/page.html", root)).toBeNull();
  });

  it("makes random names with the type's extension and refuses unsafe folders", () => {
    const a = newMediaPath("artworks", "image/webp");
    const b = newMediaPath("artworks", "image/webp");
    expect(a).toMatch(/^artworks\/[0-9a-f]{32}\.webp$/);
    expect(a).not.toBe(b);
    expect(newMediaPath("attachments", "application/pdf")).toMatch(/\.pdf$/);
    expect(() => newMediaPath("../outside", "image/png")).toThrow();
    expect(() => newMediaPath("/abs", "image/png")).toThrow();
  });
});

describe("writing and deleting", () => {
  it("writes atomically (no temp file left) and reads back", async () => {
    const rel = newMediaPath("artworks/thumbs", "image/webp");
    await writeMediaFile(rel, Buffer.from("hello"), root);
    expect(await readFile(path.join(root, ...rel.split("/")), "utf8")).toBe("hello");
    expect((await readMediaFile(rel, root))?.toString()).toBe("hello");
    expect((await readdir(path.join(root, "artworks", "thumbs"))).filter((f) => f.startsWith("."))).toEqual([]);
    const opened = await openMediaFile(rel, root);
    expect(opened).toMatchObject({ contentType: "image/webp", size: 5 });
    expect(await new Response(opened!.stream()).text()).toBe("hello");
  });

  it("refuses to write through a folder symlinked outside the root", async () => {
    await expect(writeMediaFile("escape/new.webp", Buffer.from("x"), root)).rejects.toThrow(/escapes/);
    expect(await readdir(path.join(base, "outside"))).toEqual(["x.webp"]);
  });

  it("deletes, tolerating a missing file, and never outside the root", async () => {
    const rel = newMediaPath("artworks", "image/webp");
    await writeMediaFile(rel, Buffer.from("bye"), root);
    expect(await deleteMediaFile(rel, root)).toBe(true);
    expect(await deleteMediaFile(rel, root)).toBe(false);
    expect(await deleteMediaFile(null, root)).toBe(false);
    await expect(deleteMediaFile("../secrets.json", root)).rejects.toThrow();
    expect(await readFile(path.join(base, "secrets.json"), "utf8")).toContain("secret");
  });
});

async function realRoot() {
  const { realpath } = await import("node:fs/promises");
  return realpath(root);
}
