/**
 * A small RFC 5545 writer for the deadlines feed: CRLF line endings, lines folded at 75 octets
 * (never inside a UTF-8 sequence), TEXT values escaped. Pure, so it is unit-tested on its own.
 */

export type DeadlineEvent = {
  /** Stable across fetches, so calendar apps update an event instead of adding another. */
  uid: string;
  summary: string;
  description: string;
  url: string;
  /** The deadline itself. */
  at: Date;
  /** When the posting last changed (DTSTAMP). */
  stamp: Date;
  cancelled: boolean;
};

const CRLF = "\r\n";
const encoder = new TextEncoder();

/** Escapes a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds one content line into chunks of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > limit) {
      parts.push(current);
      current = "";
      size = 0;
      limit = 74; // the leading space counts
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 20270301T235959Z */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function eventLines(event: DeadlineEvent): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    // No DTEND: a date-time DTSTART alone is an instant (RFC 5545 3.6.1), which a deadline is.
    `DTSTART:${formatUtc(event.at)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL:${event.url}`,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:TRANSPARENT",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${escapeText(`Closes in 3 days: ${event.summary}`)}`,
    "TRIGGER:-P3D",
    "END:VALARM",
    "END:VEVENT",
  ];
}

/** A whole VCALENDAR document with one VEVENT per deadline. */
export function buildCalendar(name: string, events: DeadlineEvent[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Kreative//Kontact opportunities//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
    "X-PUBLISHED-TTL:PT6H",
    ...events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
