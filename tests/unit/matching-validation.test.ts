import { describe, expect, it } from "vitest";
import { dismissMatchSchema, matchesQuerySchema } from "@/lib/validation/matching";

describe("matching input", () => {
  it("defaults to 20 people to follow and reads query strings", () => {
    expect(matchesQuerySchema.parse({})).toEqual({ limit: 20, intent: "follow" });
    expect(matchesQuerySchema.parse({ limit: "", intent: "" })).toEqual({ limit: 20, intent: "follow" });
    expect(matchesQuerySchema.parse({ limit: "7", intent: "contact", utm: "x" })).toEqual({ limit: 7, intent: "contact" });
  });

  it("refuses limits outside 1-100 and unknown intents, naming each field", () => {
    for (const limit of ["0", "101", "2.5", "ten"]) expect(matchesQuerySchema.safeParse({ limit }).success).toBe(false);
    const bad = matchesQuerySchema.safeParse({ limit: "0", intent: "marry" });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join(".")).sort()).toEqual(["intent", "limit"]);
  });

  it("dismissals take a handle and one of three reasons, not_relevant by default", () => {
    expect(dismissMatchSchema.parse({ handle: " Mira-Lane " })).toEqual({ handle: "mira-lane", reason: "not_relevant" });
    expect(dismissMatchSchema.parse({ handle: "mira", reason: "not_now" }).reason).toBe("not_now");
    expect(dismissMatchSchema.safeParse({ handle: "mira", reason: "bored" }).success).toBe(false);
    expect(dismissMatchSchema.safeParse({ handle: "mira", note: "x" }).success).toBe(false);
    expect(dismissMatchSchema.safeParse({}).success).toBe(false);
  });
});
