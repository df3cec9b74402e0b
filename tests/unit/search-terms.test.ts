import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeCursor, editVariants, encodeCursor, plainTerms, queryKey, queryWords } from "@/lib/services/professional_profile/search-terms";
import { searchProfilesSchema } from "@/lib/validation/search";

describe("people search terms", () => {
  it("splits the query like the 'simple' parser, keeps 8 distinct words and prefixes the last", () => {
    expect(queryWords("  Mira-Lane, @mira_lane's  studio! ")).toEqual(["Mira", "Lane", "mira", "lane", "s", "studio"]);
    expect(queryWords("a b c d e f g h i j")).toHaveLength(8);
    expect(plainTerms(["ceramics", "li"])).toEqual(["'ceramics'", "'li'"]);
    expect(plainTerms(["ceramics", "lis"])).toEqual(["'ceramics'", "'lis':*"]);
  });

  it("spells every one-edit variant: deletion, transposition, substitution, insertion", () => {
    const variants = editVariants("ceramcs");
    expect(variants).toEqual(expect.arrayContaining(["ceramics", "eramcs", "cearmcs", "ceramcz"]));
    expect(editVariants("Lnae")).toContain("lane");
    expect(variants).not.toContain("ceramcs");
    expect(variants.every((v) => /^[a-z]{3,}$/.test(v))).toBe(true);
    expect(editVariants("mansour5").some((v) => v === "mansour6")).toBe(true);
  });

  it("round-trips a cursor for its own search and refuses it for another, or when forged", () => {
    const input = searchProfilesSchema.parse({ q: "ceramics" });
    const key = queryKey(input);
    const cursor = encodeCursor({ k: key, r: "1.234567", h: "mira-lane" });
    expect(decodeCursor(cursor, key, "rank")).toEqual({ k: key, r: "1.234567", h: "mira-lane" });
    const other = queryKey(searchProfilesSchema.parse({ q: "ceramics", kind: "creator" }));
    for (const [raw, k, mode] of [
      [cursor, other, "rank"],
      [cursor, key, "time"],
      ["%%%", key, "rank"],
      [encodeCursor({ k: key, r: "1; drop table x", h: "mira" }), key, "rank"],
      [encodeCursor({ k: key, r: "1", h: "Not A Handle" }), key, "rank"],
    ] as const) {
      const error = (() => {
        try {
          decodeCursor(raw, k, mode);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toEqual({ cursor: [expect.any(String)] });
    }
  });
});
