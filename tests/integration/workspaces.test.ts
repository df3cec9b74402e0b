import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { collabSession } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { verifyRoomToken } from "@/lib/realtime/token";
import { createWorkspace, getWorkspace, issueRoomToken, listWorkspaces } from "@/lib/services/collaboration_workspace";
import { block } from "@/lib/services/professional_profile";
import { createTestDb } from "../support/db";
import { createUser } from "../support/factories";

let handle: DbHandle;
const realtime = { baseUrl: "ws://127.0.0.1:8787", secret: "s".repeat(40) };

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const sessionCount = async () => (await handle.db.select({ n: count() }).from(collabSession))[0]!.n;

describe("workspaces", () => {
  it("creates a group with the caller as host and lists it for every participant", async () => {
    const host = await createUser(handle.db);
    const guest = await createUser(handle.db);
    const ws = await createWorkspace(handle.db, host, { name: "Harbour mural", sessionType: "group", invite: [guest.handle] });
    expect(ws).toMatchObject({ name: "Harbour mural", sessionType: "group", host: host.handle, status: "live", endedAt: null, maxEditors: 6, finalArtwork: null });
    expect(ws.participants.sort()).toEqual([host.handle, guest.handle].sort());
    expect((await listWorkspaces(handle.db, guest)).map((w) => w.id)).toContain(ws.id);
    expect((await getWorkspace(handle.db, guest, ws.id)).id).toBe(ws.id);
  });

  it("requires exactly one other person in a dm and known handles, storing nothing otherwise", async () => {
    const host = await createUser(handle.db);
    const a = await createUser(handle.db);
    const b = await createUser(handle.db);
    const before = await sessionCount();
    expect((await refusal(createWorkspace(handle.db, host, { name: "x", sessionType: "dm", invite: [a.handle, b.handle] }))).fields).toHaveProperty("invite");
    expect((await refusal(createWorkspace(handle.db, host, { name: "x", sessionType: "dm", invite: [host.handle] }))).fields).toHaveProperty("invite");
    expect((await refusal(createWorkspace(handle.db, host, { name: "x", sessionType: "group", invite: ["no-such-person"] }))).fields).toHaveProperty("invite");
    expect((await refusal(createWorkspace(handle.db, host, { name: "", sessionType: "party" }))).fields).toHaveProperty("sessionType");
    expect(await sessionCount()).toBe(before);
    const dm = await createWorkspace(handle.db, host, { name: "Studio chat", sessionType: "dm", invite: [a.handle] });
    expect(dm.participants).toHaveLength(2);
  });

  it("refuses invitees in a block with the host, whoever blocked whom, storing nothing", async () => {
    const host = await createUser(handle.db);
    const blockedByHost = await createUser(handle.db);
    const blocksHost = await createUser(handle.db);
    const friend = await createUser(handle.db);
    await block(handle.db, host, blockedByHost.handle);
    await block(handle.db, blocksHost, host.handle);
    const before = await sessionCount();
    expect((await refusal(createWorkspace(handle.db, host, { name: "x", sessionType: "group", invite: [friend.handle, blockedByHost.handle] }))).code).toBe("forbidden");
    expect((await refusal(createWorkspace(handle.db, host, { name: "x", sessionType: "dm", invite: [blocksHost.handle] }))).code).toBe("forbidden");
    expect(await sessionCount()).toBe(before);
    expect((await createWorkspace(handle.db, host, { name: "Fine", sessionType: "dm", invite: [friend.handle] })).participants).toHaveLength(2);
  });

  it("hides a workspace from outsiders and refuses them a room token", async () => {
    const host = await createUser(handle.db);
    const outsider = await createUser(handle.db);
    const ws = await createWorkspace(handle.db, host, { name: "Private", sessionType: "group" });
    expect((await refusal(getWorkspace(handle.db, outsider, ws.id))).code).toBe("not_found");
    expect((await refusal(issueRoomToken(handle.db, outsider, ws.id, {}, realtime))).code).toBe("forbidden");
    expect((await refusal(issueRoomToken(handle.db, host, "missing-id", {}, realtime))).code).toBe("not_found");
  });

  it("issues a short-lived token bound to the room, the user and the mode", async () => {
    const host = await createUser(handle.db);
    const ws = await createWorkspace(handle.db, host, { name: "Tokens", sessionType: "group" });
    const issued = await issueRoomToken(handle.db, host, ws.id, { mode: "spectate" }, realtime);
    expect(issued.url.startsWith(`${realtime.baseUrl}/parties/`)).toBe(true);
    expect(issued.url).toContain(encodeURIComponent(ws.id));
    const ttl = Date.parse(issued.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5 * 60 * 1000);
    const claims = await verifyRoomToken(issued.token, realtime.secret, ws.id);
    expect(claims).toMatchObject({ userId: host.id, handle: host.handle, room: ws.id, mode: "spectate" });
    expect((await refusal(issueRoomToken(handle.db, host, ws.id, { mode: "write" }, realtime))).code).toBe("validation_failed");
  });

  it("answers 410 for a token once the session has ended", async () => {
    const host = await createUser(handle.db);
    const ws = await createWorkspace(handle.db, host, { name: "Ended", sessionType: "group" });
    const { eq } = await import("drizzle-orm");
    await handle.db.update(collabSession).set({ endedAt: new Date() }).where(eq(collabSession.id, ws.id));
    expect((await refusal(issueRoomToken(handle.db, host, ws.id, {}, realtime))).code).toBe("gone");
  });
});
