import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { artworkContributor, collabCanvas, collabContribution, collabMessage, collabSession, kreativeArtwork } from "@/db/schema";
import { MEDIA_ROOT } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { RoomArchive } from "@/lib/realtime/archive";
import { verifyServiceToken } from "@/lib/realtime/service-token";
import * as service from "@/lib/services/collaboration_workspace";
import { getProfile, listPortfolio } from "@/lib/services/professional_profile";
import { createTestDb } from "../support/db";
import { createUser } from "../support/factories";

// lib/config reads MEDIA_ROOT when first imported: point it at a fresh folder before any import runs.
const mediaRoot = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/kontact-workspaces-test-${process.pid}-${Date.now()}`;
  process.env.MEDIA_ROOT = dir;
  return dir;
});

const secret = "r".repeat(40);
const appUrl = "http://app.example:3000";

/** A stand-in room server that records each end request and answers as the real one does (202). */
type EndCall = { path: string; authorization: string | undefined; body: { callbackUrl?: string } };
let roomServer: Server;
let roomPort: number;
const endCalls: EndCall[] = [];

let handle: DbHandle;
let db: DbHandle["db"];

beforeAll(async () => {
  roomServer = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      endCalls.push({ path: request.url ?? "", authorization: request.headers.authorization, body: JSON.parse(body || "{}") });
      response.writeHead(202, { "content-type": "application/json" }).end('{"status":"ended"}');
    });
  });
  await new Promise<void>((resolve) => roomServer.listen(0, "127.0.0.1", resolve));
  roomPort = (roomServer.address() as AddressInfo).port;
  handle = await createTestDb();
  db = handle.db;
});

afterAll(async () => {
  await handle?.close();
  await new Promise((resolve) => roomServer?.close(resolve));
  await rm(mediaRoot, { recursive: true, force: true });
});

const realtime = () => ({ baseUrl: `ws://127.0.0.1:${roomPort}`, secret, appUrl });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

type User = Awaited<ReturnType<typeof createUser>>;

function archiveOf(people: { user: User; strokes: number }[], extra: Partial<RoomArchive> = {}): RoomArchive {
  const strokes = people.flatMap(({ user, strokes: n }) =>
    Array.from({ length: n }, (_, i) => ({ id: `${user.handle}-${i}`, color: "#1a2b3c", width: 6, points: [100 + i * 40, 100, 400, 300 + i * 20], authorId: user.id, author: user.handle })),
  );
  return {
    transcript: people.map(({ user }, i) => ({ id: `m${i}`, authorId: user.id, author: user.handle, text: `hello from ${user.handle}`, at: new Date(Date.UTC(2026, 0, 1, 10, i)).toISOString() })),
    notes: "Palette: ochre and teal.",
    strokes,
    contributions: people.map(({ user, strokes: n }) => ({ userId: user.id, handle: user.handle, strokes: n })),
    ...extra,
  };
}

/** A group of host + two guests, ended (room call recorded) but not yet archived. */
async function endedGroup() {
  const [host, drawer, watcher] = await Promise.all([createUser(db), createUser(db), createUser(db)]);
  const ws = await service.createWorkspace(db, host, { name: "Harbour mural", sessionType: "group", invite: [drawer.handle, watcher.handle] });
  await service.endWorkspace(db, host, ws.id, realtime());
  return { host, drawer, watcher, ws };
}

describe("ending a session", () => {
  it("is for the host only, ends once, and asks the room to close with the archive callback", async () => {
    const [host, guest, outsider] = await Promise.all([createUser(db), createUser(db), createUser(db)]);
    const ws = await service.createWorkspace(db, host, { name: "Ending", sessionType: "group", invite: [guest.handle] });
    expect((await refusal(service.endWorkspace(db, guest, ws.id, realtime()))).code).toBe("forbidden");
    expect((await refusal(service.endWorkspace(db, outsider, ws.id, realtime()))).code).toBe("not_found");
    expect((await service.getWorkspace(db, host, ws.id)).status).toBe("live");

    endCalls.length = 0;
    const ended = await service.endWorkspace(db, host, ws.id, realtime());
    expect(ended).toMatchObject({ id: ws.id, status: "ended", notes: null });
    expect(Date.parse(ended.endedAt!)).toBeGreaterThanOrEqual(Date.parse(ended.startedAt));
    expect(endCalls).toHaveLength(1);
    const [call] = endCalls;
    expect(call!.path).toBe(`/parties/workspace/${encodeURIComponent(ws.id)}/end`);
    expect(await verifyServiceToken(call!.authorization ?? null, "room-admin", ws.id, secret)).toBe(true);
    expect(call!.body.callbackUrl).toBe(`${appUrl}/api/internal/workspaces/${ws.id}/archive`);

    // Ending again returns it unchanged; until the archive arrives it asks the room again.
    const again = await service.endWorkspace(db, host, ws.id, realtime());
    expect(again).toEqual(ended);
    expect(endCalls).toHaveLength(2);
    await service.archiveRoom(db, ws.id, archiveOf([{ user: host, strokes: 1 }]));
    expect((await service.endWorkspace(db, host, ws.id, realtime())).endedAt).toBe(ended.endedAt);
    expect(endCalls).toHaveLength(2);

    expect((await refusal(service.issueRoomToken(db, guest, ws.id, {}, realtime()))).code).toBe("gone");
    expect((await refusal(service.inviteToWorkspace(db, host, ws.id, { handle: outsider.handle }))).code).toBe("conflict");
  });

  it("stands when the room server cannot be reached", async () => {
    const host = await createUser(db);
    const ws = await service.createWorkspace(db, host, { name: "Offline rooms", sessionType: "group" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const closed = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, "127.0.0.1", () => {
          const port = (probe.address() as AddressInfo).port;
          probe.close(() => resolve(port));
        });
      });
      const ended = await service.endWorkspace(db, host, ws.id, { ...realtime(), baseUrl: `ws://127.0.0.1:${closed}`, timeoutMs: 2_000 });
      expect(ended.status).toBe("ended");
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain(ws.id);
    } finally {
      warn.mockRestore();
    }
    expect((await service.getWorkspace(db, host, ws.id)).status).toBe("ended");
  });
});

describe("the room's archive", () => {
  it("is taken only for an ended session, validated, and stored once", async () => {
    const [host, guest] = await Promise.all([createUser(db), createUser(db)]);
    const ws = await service.createWorkspace(db, host, { name: "Archive", sessionType: "dm", invite: [guest.handle] });
    const archive = archiveOf([
      { user: host, strokes: 2 },
      { user: guest, strokes: 1 },
    ]);
    expect((await refusal(service.archiveRoom(db, ws.id, archive))).code).toBe("conflict");
    expect((await refusal(service.archiveRoom(db, "no-such-session", archive))).code).toBe("not_found");
    expect(await service.getTranscript(db, guest, ws.id)).toEqual([]); // live: nothing archived yet

    await service.endWorkspace(db, host, ws.id, realtime());
    const bad = await refusal(service.archiveRoom(db, ws.id, { ...archive, strokes: [{ id: "x", color: "red", width: 0, points: [1] }] }));
    expect(bad.code).toBe("validation_failed");
    expect(await db.select().from(collabMessage).where(eq(collabMessage.sessionId, ws.id))).toHaveLength(0);
    expect((await service.getWorkspace(db, host, ws.id)).notes).toBeNull();

    const first = await service.archiveRoom(db, ws.id, archive);
    expect(first.created).toBe(true);
    const retried = await service.archiveRoom(db, ws.id, { ...archive, notes: "something else", transcript: [] });
    expect(retried).toEqual({ ...first, created: false });

    const transcript = await service.getTranscript(db, guest, ws.id);
    expect(transcript).toEqual(archive.transcript.map(({ id, author, text, at }) => ({ id, author, text, at })));
    expect((await service.getWorkspace(db, guest, ws.id)).notes).toBe("Palette: ochre and teal.");
    const [canvas] = await db.select().from(collabCanvas).where(eq(collabCanvas.sessionId, ws.id));
    expect(canvas!.strokes).toHaveLength(3);
    const ledger = await db.select().from(collabContribution).where(eq(collabContribution.sessionId, ws.id));
    expect(Object.fromEntries(ledger.map((l) => [l.userId, l.strokes]))).toEqual({ [host.id]: 2, [guest.id]: 1 });
    // The archived canvas, for export: strokes in drawing order, without who drew them.
    expect(await service.getCanvas(db, guest, ws.id)).toEqual(archive.strokes.map(({ id, color, width, points }) => ({ id, color, width, points })));
    const outsider = await createUser(db);
    expect((await refusal(service.getCanvas(db, outsider, ws.id))).code).toBe("not_found");
  });

  it("keeps strangers' lines unlinked and drops their ledger entries", async () => {
    const { host, ws } = await endedGroup();
    const stranger = await createUser(db);
    await service.archiveRoom(db, ws.id, archiveOf([{ user: host, strokes: 1 }, { user: stranger, strokes: 3 }], { notes: "nul\u0000byte" }));
    const lines = await db.select().from(collabMessage).where(eq(collabMessage.sessionId, ws.id)).orderBy(collabMessage.position);
    expect(lines.map((l) => l.authorId)).toEqual([host.id, null]);
    expect((await db.select().from(collabContribution).where(eq(collabContribution.sessionId, ws.id))).map((l) => l.userId)).toEqual([host.id]);
    expect((await service.getWorkspace(db, host, ws.id)).notes).toBe("nul\uFFFDbyte");
  });

  it("serves the transcript to participants only, a page at a time", async () => {
    const { host, drawer, ws } = await endedGroup();
    const outsider = await createUser(db);
    const transcript = Array.from({ length: 5 }, (_, i) => ({ id: `line-${i}`, authorId: drawer.id, author: drawer.handle, text: `line ${i}`, at: new Date(Date.UTC(2026, 1, 1, 9, i)).toISOString() }));
    await service.archiveRoom(db, ws.id, { transcript, notes: "", strokes: [], contributions: [] });
    expect((await refusal(service.getTranscript(db, outsider, ws.id))).code).toBe("not_found");
    expect((await refusal(service.listTranscript(db, outsider, ws.id, {}))).code).toBe("not_found");
    const page1 = await service.listTranscript(db, host, ws.id, { limit: "2" });
    expect(page1.items.map((m) => m.id)).toEqual(["line-0", "line-1"]);
    const page2 = await service.listTranscript(db, host, ws.id, { limit: "2", cursor: page1.nextCursor });
    const page3 = await service.listTranscript(db, host, ws.id, { limit: "2", cursor: page2.nextCursor });
    expect([...page2.items, ...page3.items].map((m) => m.id)).toEqual(["line-2", "line-3", "line-4"]);
    expect(page3.nextCursor).toBeNull();
    expect((await refusal(service.listTranscript(db, host, ws.id, { limit: "500" }))).fields).toHaveProperty("limit");
    expect((await refusal(service.listTranscript(db, host, ws.id, { cursor: "abc" }))).fields).toHaveProperty("cursor");
    expect((await service.getWorkspace(db, host, ws.id)).notes).toBe("");
  });
});

describe("the final artwork", () => {
  it("is refused to others, before the end, before the archive and for an empty canvas", async () => {
    const [host, guest, outsider] = await Promise.all([createUser(db), createUser(db), createUser(db)]);
    const ws = await service.createWorkspace(db, host, { name: "Not yet", sessionType: "group", invite: [guest.handle] });
    const publish = (who: User, body: unknown = { title: "Harbour" }) => refusal(service.publishFinalArtwork(db, who, ws.id, body));
    expect((await publish(host)).message).toMatch(/end the session/i);
    expect((await publish(guest)).code).toBe("forbidden");
    expect((await publish(outsider)).code).toBe("not_found");
    await service.endWorkspace(db, host, ws.id, realtime());
    const early = await publish(host);
    expect(early.code).toBe("conflict");
    expect(early.message).toMatch(/not handed over/i);
    expect((await publish(host, { title: "  " })).fields).toHaveProperty("title");
    await service.archiveRoom(db, ws.id, { transcript: [], notes: "", strokes: [], contributions: [] });
    expect((await publish(host)).message).toMatch(/empty/i);
    expect(await db.select().from(kreativeArtwork).where(eq(kreativeArtwork.artistId, host.id))).toHaveLength(0);
  });

  it("renders the canvas, credits everyone who drew, links it and shows it on contributors' profiles", async () => {
    const { host, drawer, watcher, ws } = await endedGroup();
    await service.archiveRoom(db, ws.id, archiveOf([{ user: host, strokes: 2 }, { user: drawer, strokes: 3 }, { user: watcher, strokes: 0 }]));
    const artwork = await service.publishFinalArtwork(db, host, ws.id, { title: "  Harbour   at dusk " });
    expect(artwork).toMatchObject({ title: "Harbour at dusk", artist: host.handle, mediaType: "image/png", width: 1600, height: 1000, tags: [] });
    expect(artwork.altText).toContain(drawer.handle);

    const [row] = await db.select().from(kreativeArtwork).where(eq(kreativeArtwork.id, artwork.id));
    const png = await readFile(path.join(MEDIA_ROOT, row!.mediaFile));
    expect(await sharp(png).metadata()).toMatchObject({ format: "png", width: 1600, height: 1000 });
    expect((await sharp(await readFile(path.join(MEDIA_ROOT, row!.thumbnailFile!))).metadata()).format).toBe("webp");
    const { dominant } = await sharp(png).stats();
    expect(dominant).toMatchObject({ r: 248, g: 248, b: 248 }); // white paper, a few dark strokes

    const credits = await db.select().from(artworkContributor).where(eq(artworkContributor.artworkId, artwork.id));
    expect(Object.fromEntries(credits.map((c) => [c.userId, c.strokes]))).toEqual({ [host.id]: 2, [drawer.id]: 3 });
    expect((await service.artworkCredits(db, [artwork.id])).get(artwork.id)?.sort()).toEqual([host.handle, drawer.handle].sort());

    const workspace = await service.getWorkspace(db, watcher, ws.id);
    expect(workspace.finalArtwork).toEqual(artwork);
    expect((await listPortfolio(db, drawer.id)).map((a) => a.id)).toContain(artwork.id);
    expect((await getProfile(db, null, drawer.handle)).artworks.map((a) => a.id)).toContain(artwork.id);
    expect((await listPortfolio(db, host.id)).filter((a) => a.id === artwork.id)).toHaveLength(1);
    expect((await listPortfolio(db, watcher.id)).map((a) => a.id)).not.toContain(artwork.id);

    expect((await refusal(service.publishFinalArtwork(db, host, ws.id, { title: "Again" }))).code).toBe("conflict");
  });

  it("makes exactly one artwork out of 20 simultaneous publications, leaving no stray files", async () => {
    const { host, drawer, ws } = await endedGroup();
    await service.archiveRoom(db, ws.id, archiveOf([{ user: drawer, strokes: 4 }]));
    const before = await mediaFiles();
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => service.publishFinalArtwork(db, host, ws.id, { title: `Take ${i}` })));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    const artworks = await db.select().from(kreativeArtwork).where(eq(kreativeArtwork.artistId, host.id));
    expect(artworks).toHaveLength(1);
    const [session] = await db.select().from(collabSession).where(eq(collabSession.id, ws.id));
    expect(session!.finalArtworkId).toBe(artworks[0]!.id);
    expect((await mediaFiles()).length - before.length).toBe(2); // the winner's image and thumbnail
  });
});

async function mediaFiles(): Promise<string[]> {
  const list = async (dir: string): Promise<string[]> => (await readdir(path.join(MEDIA_ROOT, dir)).catch(() => [] as string[])).map((f) => `${dir}/${f}`);
  return [...(await list("artworks")), ...(await list("artworks/thumbs"))].filter((f) => !f.endsWith("/thumbs"));
}
