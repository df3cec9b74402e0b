import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_MS, endorsementWindow, revealAt, roundAverage, statusOf, visibleSince } from "@/lib/services/partner_recommendation/rules";
import { endorseSchema, replySchema } from "@/lib/validation/endorsements";

const DAY = 24 * 60 * 60 * 1000;
const ended = new Date("2026-03-10T12:00:00.000Z");
const at = (ms: number) => new Date(ended.getTime() + ms);

describe("double-blind rule", () => {
  it("publishes 14 days after the context concluded, to the millisecond", () => {
    expect(revealAt(ended).toISOString()).toBe("2026-03-24T12:00:00.000Z");
    expect(statusOf({ publishedAt: null, concludedAt: ended }, at(14 * DAY - 1))).toBe("pending");
    expect(statusOf({ publishedAt: null, concludedAt: ended }, at(14 * DAY))).toBe("published");
    expect(visibleSince({ publishedAt: null, concludedAt: ended }, at(13 * DAY))).toBeNull();
    expect(visibleSince({ publishedAt: null, concludedAt: ended }, at(20 * DAY))).toEqual(at(14 * DAY));
  });

  it("publishes at once when the reciprocal arrived", () => {
    const publishedAt = at(DAY);
    expect(statusOf({ publishedAt, concludedAt: ended }, at(DAY))).toBe("published");
    expect(visibleSince({ publishedAt, concludedAt: ended }, at(2 * DAY))).toEqual(publishedAt);
  });

  it("opens endorsing at the end (allowing for clock skew) and closes it when pending ones publish", () => {
    expect(endorsementWindow(null, at(0))).toBe("not_concluded");
    expect(endorsementWindow(ended, at(-CLOCK_SKEW_MS - 1))).toBe("not_concluded");
    expect(endorsementWindow(ended, at(-CLOCK_SKEW_MS))).toBe("open");
    expect(endorsementWindow(ended, at(14 * DAY - 1))).toBe("open");
    expect(endorsementWindow(ended, at(14 * DAY))).toBe("closed");
  });

  it("rounds averages to two decimals and keeps null for none", () => {
    expect(roundAverage("4.3333333333")).toBe(4.33);
    expect(roundAverage(4.666666)).toBe(4.67);
    expect(roundAverage(null)).toBeNull();
  });
});

describe("endorsement input", () => {
  const valid = { subject: "@Ana", context: { type: "workspace", id: "s1" }, rating: 5, text: "  Great.\r\n\r\nAgain!  " };

  it("normalises the subject and text, defaults skills, and empties a blank private note to null", () => {
    expect(endorseSchema.parse({ ...valid, privateNote: "" })).toEqual({ subject: "ana", context: { type: "workspace", id: "s1" }, rating: 5, skills: [], text: "Great.\n\nAgain!", privateNote: null });
  });

  it("names each field at fault", () => {
    const result = endorseSchema.safeParse({ ...valid, rating: "5", text: "x".repeat(2001), skills: [{ skill: "Ink", score: 6 }, { skill: "ink", score: 2 }] });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["rating", "text", "skills.0.score", "skills.1.skill"]));
  });

  it("takes a reply of 1 to 2000 characters and nothing else", () => {
    expect(replySchema.safeParse({ text: "Thanks" }).success).toBe(true);
    expect(replySchema.safeParse({ text: "" }).success).toBe(false);
    expect(replySchema.safeParse({ text: "Thanks", extra: 1 }).success).toBe(false);
  });
});
