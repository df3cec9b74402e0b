import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { endorseSchema, endorsementListQuerySchema, replySchema, reportSchema } from "@/lib/validation/endorsements";
import { parseInput } from "@/lib/validation/parse";

// The endorsement schemas fed hostile input: parsed, or a 422 naming fields; never another error.

const nasty = fc.constantFrom("' OR 1=1 --", "<script>alert(1)</script>", "\u0000", "\uD800", "👩🏽‍🎨".repeat(500), "a".repeat(3000), "__proto__", "constructor", " ", "", "@", "@@ana");
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nasty,
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1, 5, 6, 2.5),
  fc.array(fc.record({ skill: fc.oneof(nasty, fc.jsonValue({ maxDepth: 1 })), score: fc.oneof(fc.integer({ min: -2, max: 7 }), nasty) }, { requiredKeys: [] }), { maxLength: 35 }),
  fc.record({ type: fc.oneof(fc.constantFrom("workspace", "opportunity"), nasty), id: fc.oneof(nasty, fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }),
);
const input = (keys: string[]) =>
  fc.oneof(fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }), fc.dictionary(fc.oneof(fc.string(), nasty), value, { maxKeys: 6 }), value);

const schemas: [string, z.ZodType, string[]][] = [
  ["endorseSchema", endorseSchema, ["subject", "context", "rating", "skills", "text", "privateNote"]],
  ["replySchema", replySchema, ["text"]],
  ["reportSchema", reportSchema, ["reason"]],
  ["endorsementListQuerySchema", endorsementListQuerySchema, ["limit", "cursor"]],
];

describe("hostile input to the endorsement schemas", () => {
  for (const [name, schema, keys] of schemas) {
    it(`${name}: parsed or refused with 422 and fields`, () => {
      fc.assert(
        fc.property(input(keys), (raw) => {
          try {
            parseInput(schema, raw);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe("validation_failed");
            expect(Object.keys((error as AppError).fields ?? {}).length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 1_000 },
      );
    });
  }
});
