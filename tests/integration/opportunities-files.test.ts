import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { opportunityAttachment } from "@/db/schema";
import {
  addAttachment, applyToOpportunity, calendarFeed, deleteOpportunity, getAttachmentDownload, getCalendarUrl, getOpportunity, rotateCalendarUrl,
  saveOpportunity, unsaveOpportunity, updateOpportunity,
} from "@/lib/services/opportunity_announcement";
import { createTestDb } from "../support/db";
import { createMember, createPosting, expireDeadline, refusal } from "../support/opportunities";

// lib/config reads MEDIA_ROOT when first imported: point it at a temp folder before any import runs.
const mediaRoot = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "kontact-opps-"));
  process.env.MEDIA_ROOT = dir;
  return dir;
});

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
  await rm(mediaRoot, { recursive: true, force: true });
});

const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), Buffer.alloc(2000, 0x20), Buffer.from("\n%%EOF\n")]);
const PNG = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#a53" } }).png().toBuffer();
const storedFiles = async () => (await readdir(path.join(mediaRoot, "opportunities")).catch(() => [] as string[])).filter((f) => !f.startsWith("."));
const attachmentRows = async (id: string) =>
  (await handle.db.select({ n: count() }).from(opportunityAttachment).where(eq(opportunityAttachment.opportunityId, id)))[0]!.n;

describe("attachments", () => {
  it("stores a PDF by its bytes under MEDIA_ROOT with a server-made name, and serves it back", async () => {
    const owner = await createMember(handle.db, "diffuser");
    const posting = await createPosting(handle.db, owner);
    const attachment = await addAttachment(handle.db, owner, posting.id, { bytes: PDF, name: "../../etc/Call brief.PDF" });
    expect(attachment).toMatchObject({ filename: "Call brief.pdf", contentType: "application/pdf", size: PDF.length });
    expect(attachment.url).toBe(`/api/v1/opportunities/${posting.id}/attachments/${attachment.id}`);
    const download = await getAttachmentDownload(handle.db, posting.id, attachment.id);
    expect(download.file).toMatch(/^opportunities\/[0-9a-f]{32}\.pdf$/);
    expect(await readFile(path.join(mediaRoot, download.file))).toEqual(PDF);
    expect((await getOpportunity(handle.db, null, posting.id)).attachments).toEqual([attachment]);
    // A PNG named .pdf is offered as what it is.
    expect((await addAttachment(handle.db, owner, posting.id, { bytes: PNG, name: "poster.pdf" })).filename).toBe("poster.png");
    expect((await refusal(getAttachmentDownload(handle.db, posting.id, "nope"))).code).toBe("not_found");
  });

  it("refuses by bytes (a script named .pdf), over 10 MB, empty, and non-owners; nothing is stored", async () => {
    const owner = await createMember(handle.db);
    const other = await createMember(handle.db);
    const posting = await createPosting(handle.db, owner);
    const before = await storedFiles();
    const script = Buffer.from("#!/bin/sh\nrm -rf /\n");
    expect((await refusal(addAttachment(handle.db, owner, posting.id, { bytes: script, name: "brief.pdf" }))).code).toBe("unsupported_media_type");
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    expect((await refusal(addAttachment(handle.db, owner, posting.id, { bytes: html, name: "brief.pdf" }))).code).toBe("unsupported_media_type");
    // Kept as uploaded, so checked in full: a PNG signature on junk, a cut-off PNG, a PDF without its end.
    const fakePng = Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(100, 1)]);
    expect((await refusal(addAttachment(handle.db, owner, posting.id, { bytes: fakePng, name: "poster.png" }))).fields).toHaveProperty("file");
    expect((await refusal(addAttachment(handle.db, owner, posting.id, { bytes: PNG.subarray(0, PNG.length - 20), name: "poster.png" }))).code).toBe("validation_failed");
    expect((await refusal(addAttachment(handle.db, owner, posting.id, { bytes: PDF.subarray(0, 1000), name: "brief.pdf" }))).fields).toHaveProperty("file");
    const huge = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]);
    expect((await refusal(addAttachment(handle.db, owner, posting.id, { bytes: huge, name: "big.pdf" }))).code).toBe("payload_too_large");
    expect((await refusal(addAttachment(handle.db, owner, posting.id, { bytes: Buffer.alloc(0), name: "x.pdf" }))).fields).toHaveProperty("file");
    expect((await refusal(addAttachment(handle.db, owner, posting.id, undefined))).fields).toHaveProperty("file");
    expect((await refusal(addAttachment(handle.db, other, posting.id, { bytes: PDF, name: "x.pdf" }))).code).toBe("forbidden");
    expect((await refusal(addAttachment(handle.db, null, posting.id, { bytes: PDF, name: "x.pdf" }))).code).toBe("unauthorized");
    expect(await attachmentRows(posting.id)).toBe(0);
    expect(await storedFiles()).toEqual(before);
  });

  it("removes the files when the posting is deleted", async () => {
    const owner = await createMember(handle.db);
    const posting = await createPosting(handle.db, owner);
    await addAttachment(handle.db, owner, posting.id, { bytes: PDF, name: "a.pdf" });
    const { file } = (await handle.db.select({ file: opportunityAttachment.file }).from(opportunityAttachment).where(eq(opportunityAttachment.opportunityId, posting.id)))[0]!;
    expect(await storedFiles()).toContain(path.basename(file));
    await deleteOpportunity(handle.db, owner, posting.id);
    expect(await storedFiles()).not.toContain(path.basename(file));
  });
});

describe("saves and the calendar feed", () => {
  const appUrl = "https://kontact.example";

  it("lists deadlines of saved and applied postings at a private URL that rotates", async () => {
    const owner = await createMember(handle.db, "diffuser");
    const artist = await createMember(handle.db);
    const saved = await createPosting(handle.db, owner, { title: "Saved, with comma; and semicolon" });
    const applied = await createPosting(handle.db, owner, { title: "Applied residency" });
    const ignored = await createPosting(handle.db, owner, { title: "Never touched" });
    const undated = await createPosting(handle.db, owner, { title: "No deadline", deadline: null });
    await saveOpportunity(handle.db, artist, saved.id);
    await saveOpportunity(handle.db, artist, saved.id); // idempotent
    await saveOpportunity(handle.db, artist, undated.id);
    await applyToOpportunity(handle.db, artist, applied.id, { message: "Hello" });

    const { url } = await getCalendarUrl(handle.db, artist, appUrl);
    expect(url).toMatch(/^https:\/\/kontact\.example\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await getCalendarUrl(handle.db, artist, appUrl)).url).toBe(url);
    const token = url.split("/").pop()!;
    const feed = await calendarFeed(handle.db, token, appUrl);
    const unfolded = feed.replace(/\r\n /g, "");
    expect(unfolded).toContain(`UID:opportunity-${saved.id}-deadline@kontact`);
    expect(unfolded).toContain(`UID:opportunity-${applied.id}-deadline@kontact`);
    expect(unfolded).not.toContain(ignored.id);
    expect(unfolded).not.toContain(undated.id);
    expect(unfolded).toContain("SUMMARY:Deadline: Saved\\, with comma\\; and semicolon");
    const appliedEvent = unfolded.split("BEGIN:VEVENT").find((e) => e.includes(applied.id))!;
    expect(appliedEvent).toContain("You applied.");
    expect(unfolded.split("BEGIN:VEVENT").find((e) => e.includes(saved.id))).toContain("You saved this opportunity.");
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(2);

    // Unsave drops the event; a closed-early posting shows as cancelled.
    await unsaveOpportunity(handle.db, artist, saved.id);
    await updateOpportunity(handle.db, owner, applied.id, { status: "closed" });
    const after = await calendarFeed(handle.db, token.replace(/\.ics$/, ""), appUrl);
    expect(after).not.toContain(saved.id);
    expect(after).toContain("STATUS:CANCELLED");

    const rotated = await rotateCalendarUrl(handle.db, artist, appUrl);
    expect(rotated.url).not.toBe(url);
    expect((await refusal(calendarFeed(handle.db, token, appUrl))).code).toBe("not_found");
    expect(await calendarFeed(handle.db, rotated.url.split("/").pop()!, appUrl)).toContain(applied.id);
    expect((await refusal(calendarFeed(handle.db, "../etc/passwd", appUrl))).code).toBe("not_found");
    expect((await refusal(getCalendarUrl(handle.db, null, appUrl))).code).toBe("unauthorized");
  });

  it("keeps a past deadline in the feed as it was (not cancelled), and refuses saves of unknown postings", async () => {
    const owner = await createMember(handle.db);
    const artist = await createMember(handle.db);
    const posting = await createPosting(handle.db, owner);
    await saveOpportunity(handle.db, artist, posting.id);
    await expireDeadline(handle.db, posting.id);
    const { url } = await getCalendarUrl(handle.db, artist, appUrl);
    const feed = await calendarFeed(handle.db, url.split("/").pop()!, appUrl);
    expect(feed).toContain(posting.id);
    expect(feed).toContain("STATUS:CONFIRMED");
    expect((await refusal(saveOpportunity(handle.db, artist, "missing"))).code).toBe("not_found");
    expect((await refusal(saveOpportunity(handle.db, null, posting.id))).code).toBe("unauthorized");
  });
});
