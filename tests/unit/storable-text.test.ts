import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput, unstorableTextAt } from "@/lib/validation/parse";

/** PostgreSQL stores neither NUL nor half a surrogate pair: parseInput answers 422 naming the field. */
describe("text PostgreSQL cannot store", () => {
  it("finds NUL and lone surrogates in values and keys, at any depth, and passes whole pairs", () => {
    expect(unstorableTextAt({ name: "ok 🎨", links: [{ label: "fine" }] })).toBeNull();
    expect(unstorableTextAt({ name: "nul\u0000" })).toBe("name");
    expect(unstorableTextAt({ links: [{ label: "half \uD800" }] })).toBe("links.0.label");
    expect(unstorableTextAt({ tail: "\uDC00 low first" })).toBe("tail");
    expect(unstorableTextAt({ ["key\u0000"]: 1 })).toBe("key\u0000");
    expect(unstorableTextAt("\u0000")).toBe("_");
    let deep: unknown = "\u0000";
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(unstorableTextAt(deep)).not.toBeNull(); // no recursion to overflow
  });

  it("parseInput refuses it with 422 and the field, unless the caller cleans it itself", () => {
    const schema = z.object({ name: z.string() });
    const refused = (() => {
      try {
        parseInput(schema, { name: "a\u0000b" });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(422);
    expect((refused as AppError).fields).toHaveProperty("name");
    expect(parseInput(schema, { name: "a\u0000b" }, { storableText: false })).toEqual({ name: "a\u0000b" });
  });
});
