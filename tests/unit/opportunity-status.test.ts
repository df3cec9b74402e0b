import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkStatusMove, effectiveOf } from "@/lib/services/opportunity_announcement/status";

const NOW = new Date("2027-01-10T12:00:00Z");
const past = new Date("2027-01-09T00:00:00Z");
const future = new Date("2027-02-01T00:00:00Z");

function code(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
}

describe("effective status", () => {
  it("reads an open posting past its deadline as closed, and nothing else changes", () => {
    expect(effectiveOf("open", past, NOW)).toBe("closed");
    expect(effectiveOf("open", future, NOW)).toBe("open");
    expect(effectiveOf("open", null, NOW)).toBe("open");
    expect(effectiveOf("filled", past, NOW)).toBe("filled");
    expect(effectiveOf("closed", future, NOW)).toBe("closed");
  });
});

describe("status moves", () => {
  it("allows open → closed, closed → open, open|closed → filled", () => {
    expect(checkStatusMove("open", "closed", future, NOW)).toBe("move");
    expect(checkStatusMove("closed", "open", future, NOW)).toBe("move");
    expect(checkStatusMove("closed", "open", null, NOW)).toBe("move");
    expect(checkStatusMove("open", "filled", future, NOW)).toBe("move");
    expect(checkStatusMove("closed", "filled", past, NOW)).toBe("move");
  });

  it("treats asking for the current status as no move", () => {
    expect(checkStatusMove("open", "open", future, NOW)).toBe("none");
    expect(checkStatusMove("closed", "closed", past, NOW)).toBe("none");
  });

  it("refuses every move out of filled, and reopening with a past deadline, with 409", () => {
    for (const wanted of ["open", "closed", "filled"] as const) expect(code(() => checkStatusMove("filled", wanted, future, NOW))).toBe("conflict");
    expect(code(() => checkStatusMove("closed", "open", past, NOW))).toBe("conflict");
  });
});
