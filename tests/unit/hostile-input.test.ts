import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseClientMessage } from "@/lib/realtime/protocol";
import { roomArchiveSchema } from "@/lib/realtime/archive";
import { signUpSchema } from "@/lib/validation/accounts";
import { createArtworkSchema, updateArtworkSchema } from "@/lib/validation/artworks";
import { applySchema, createOpportunitySchema, listOpportunitiesSchema, pageQuerySchema, updateOpportunitySchema } from "@/lib/validation/opportunities";
import { parseInput } from "@/lib/validation/parse";
import { followSchema, updateProfileSchema } from "@/lib/validation/profiles";
import { searchProfilesSchema } from "@/lib/validation/search";
import { createWorkspaceSchema, finalArtworkSchema, inviteSchema, roomTokenSchema, transcriptQuerySchema } from "@/lib/validation/workspaces";

/**
 * Every API input schema and the room's message parser, fed hostile input: the answer is the
 * parsed value or a 422 naming fields, never another error, and nothing leaks into
 * Object.prototype. 1,000 runs each; fast-check prints the seed and the shrunk input on failure.
 */

const RUNS = 1_000;

const nasty = fc.constantFrom(
  "' OR 1=1 --",
  "'; drop table users; --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "../../etc/passwd",
  "\u0000",
  "\uD800",
  "\u202E\u0041",
  "👩🏽‍🎨".repeat(500),
  "a".repeat(70_000),
  "__proto__",
  "constructor",
  "NaN",
  "-0",
  "1e309",
  " ",
  "",
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nasty,
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 2 ** 53, 1.5),
  fc.array(nasty, { maxLength: 40 }),
);

/** Objects with the schema's own keys (so validation goes deep), random extra keys and prototype-pollution keys. */
function hostileObject(keys: string[]): fc.Arbitrary<unknown> {
  const known = fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] });
  const polluted = fc.constantFrom(
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  );
  return fc.oneof(
    known,
    fc.tuple(known, polluted).map(([a, b]) => Object.assign(JSON.parse(JSON.stringify(a ?? {})), b)),
    fc.dictionary(fc.oneof(fc.string(), nasty), hostileValue, { maxKeys: 8 }),
    hostileValue,
  );
}

function keysOf(schema: z.ZodType): string[] {
  let inner: unknown = schema;
  for (let i = 0; i < 5 && inner; i++) {
    const def = (inner as { def?: { shape?: Record<string, unknown>; in?: unknown; innerType?: unknown; schema?: unknown } }).def;
    if (def?.shape) return Object.keys(def.shape);
    inner = def?.in ?? def?.innerType ?? def?.schema;
  }
  return [];
}

const schemas: Record<string, z.ZodType> = {
  signUpSchema, createArtworkSchema, updateArtworkSchema, createOpportunitySchema, updateOpportunitySchema,
  listOpportunitiesSchema, applySchema, pageQuerySchema, updateProfileSchema, followSchema, searchProfilesSchema,
  createWorkspaceSchema, inviteSchema, roomTokenSchema, finalArtworkSchema, transcriptQuerySchema, roomArchiveSchema,
};

describe("hostile input to every API schema", () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: parsed or refused with 422 and fields, nothing else`, () => {
      const keys = keysOf(schema);
      expect(keys.length, `${name} has an object shape`).toBeGreaterThan(0);
      fc.assert(
        fc.property(hostileObject(keys), (input) => {
          try {
            parseInput(schema, input);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe("validation_failed");
            expect(Object.keys((error as AppError).fields ?? {}).length).toBeGreaterThan(0);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe("hostile frames to the room's message parser", () => {
  const frame = fc.oneof(
    fc.string({ unit: "binary", maxLength: 500 }),
    hostileObject(["type", "text", "update", "cursor", "typing", "stroke"]).map((v) => JSON.stringify(v) ?? "null"),
    fc.record({ type: fc.constantFrom("chat", "sync", "awareness", "clear", "welcome", "__proto__"), text: hostileValue, update: hostileValue, cursor: hostileValue, stroke: hostileValue }).map((v) => JSON.stringify(v)),
  );
  it("never throws: a message or an error to send back", () => {
    fc.assert(
      fc.property(frame, (raw) => {
        const parsed = parseClientMessage(raw);
        expect(typeof parsed.ok).toBe("boolean");
        if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(0);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS * 3 },
    );
  });
});
