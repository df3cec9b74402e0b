import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The cached anonymous profile page is only right if every change goes through expireProfiles
 * (lib/profile-cache.ts), which also notes the change for renders under way. Expiring the tag
 * directly would skip that note.
 */

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

describe("profile cache expiry", () => {
  const files = [...sourceFiles("app"), ...sourceFiles("lib")];

  it("finds the sources it checks", () => {
    expect(files).toContain(path.join("lib", "profile-cache.ts"));
    expect(files.length).toBeGreaterThan(50);
  });

  it("expires a profile's tag only through expireProfiles", () => {
    const direct = files.filter((file) => /(revalidateTag|updateTag)\(\s*profileCacheTag/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(direct).toEqual([path.join("lib", "profile-cache.ts")]);
  });

  it("awaits every expireProfiles call, so the change is noted before the answer", () => {
    const unawaited = files.flatMap((file) =>
      readFileSync(path.join(ROOT, file), "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => /\bexpireProfiles\(/.test(line) && !/await expireProfiles\(|function expireProfiles\(/.test(line))
        .map(({ at }) => at),
    );
    expect(unawaited).toEqual([]);
  });
});
