import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, formatUtc, type DeadlineEvent } from "@/lib/services/opportunity_announcement/ical";

const event = (overrides: Partial<DeadlineEvent> = {}): DeadlineEvent => ({
  uid: "opportunity-abc-deadline@kontact",
  summary: "Deadline: Residency, Porto; 2027",
  description: "Residency, Porto.\nYou applied.",
  url: "https://kontact.example/connect/opportunities/abc",
  at: new Date("2027-03-01T23:59:59Z"),
  stamp: new Date("2026-11-02T10:00:00.123Z"),
  cancelled: false,
  ...overrides,
});

/** Undoes folding (RFC 5545 3.1): a CRLF followed by one space is removed. */
const unfold = (text: string) => text.replace(/\r\n /g, "");

describe("iCalendar writer", () => {
  it("escapes backslash, semicolon, comma and newlines in TEXT", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("formats times as UTC basic format without fractions", () => {
    expect(formatUtc(new Date("2027-03-01T23:59:59.999Z"))).toBe("20270301T235959Z");
  });

  it("folds long lines at 75 octets, never splitting a UTF-8 character, and unfolds to the original", () => {
    const line = `SUMMARY:${"Résidence à Montréal — été ".repeat(8)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part), `line ${i}`).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(" ")).toBe(true);
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part); // whole characters only
    }
    expect(unfold(folded)).toBe(line);
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
  });

  it("writes a VCALENDAR with one VEVENT per deadline, CRLF everywhere, stable UID and DTSTAMP", () => {
    const text = buildCalendar("Kontact deadlines", [event(), event({ uid: "opportunity-def-deadline@kontact", cancelled: true })]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // no bare CR or LF
    const lines = unfold(text).split("\r\n").slice(0, -1);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.some((l) => l.startsWith("PRODID:"))).toBe(true);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    expect(lines.filter((l) => l === "END:VEVENT")).toHaveLength(2);
    expect(lines).toContain("UID:opportunity-abc-deadline@kontact");
    expect(lines).toContain("DTSTAMP:20261102T100000Z");
    expect(lines).toContain("DTSTART:20270301T235959Z");
    expect(lines).toContain("SUMMARY:Deadline: Residency\\, Porto\\; 2027");
    expect(lines).toContain("DESCRIPTION:Residency\\, Porto.\\nYou applied.");
    expect(lines).toContain("STATUS:CONFIRMED");
    expect(lines).toContain("STATUS:CANCELLED");
    expect(lines).toContain("TRIGGER:-P3D");
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("is deterministic: the same events give the same bytes", () => {
    expect(buildCalendar("x", [event()])).toBe(buildCalendar("x", [event()]));
  });

  it("writes a valid empty calendar", () => {
    const lines = buildCalendar("Empty", []).split("\r\n");
    expect(lines.filter((l) => l.startsWith("BEGIN:")).length).toBe(1);
  });
});
