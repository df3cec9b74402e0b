import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { collabJoin, collabParticipant, collabSession } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { verifyRoomToken } from "@/lib/realtime/token";
import { createWorkspace, getWorkspace, inviteParticipant, inviteToWorkspace, issueRoomToken, listWorkspaces } from "@/lib/services/collaboration_workspace";
import { block, updateProfile } from "@/lib/services/professional_profile";
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
    await handle.db.update(collabSession).set({ endedAt: new Date() }).where(eq(collabSession.id, ws.id));
    expect((await refusal(issueRoomToken(handle.db, host, ws.id, {}, realtime))).code).toBe("gone");
  });

  it("records each token as a join with its mode, and marks the host's token", async () => {
    const host = await createUser(handle.db);
    const guest = await createUser(handle.db);
    const ws = await createWorkspace(handle.db, host, { name: "Joins", sessionType: "dm", invite: [guest.handle] });
    const hostToken = await issueRoomToken(handle.db, host, ws.id, {}, realtime);
    const guestToken = await issueRoomToken(handle.db, guest, ws.id, { mode: "spectate" }, realtime);
    expect((await verifyRoomToken(hostToken.token, realtime.secret, ws.id)).host).toBe(true);
    expect((await verifyRoomToken(guestToken.token, realtime.secret, ws.id)).host).toBeUndefined();
    const joins = await handle.db.select().from(collabJoin).where(eq(collabJoin.sessionId, ws.id)).orderBy(collabJoin.id);
    expect(joins.map((j) => [j.userId, j.mode])).toEqual([
      [host.id, "edit"],
      [guest.id, "spectate"],
    ]);
  });

  it("lists live workspaces first, then ended ones, newest first", async () => {
    const me = await createUser(handle.db);
    const make = (name: string) => createWorkspace(handle.db, me, { name, sessionType: "group" });
    const oldLive = await make("old live");
    const oldEnded = await make("old ended");
    const newLive = await make("new live");
    const newEnded = await make("new ended");
    const end = (id: string, minutesAgo: number) =>
      handle.db.update(collabSession).set({ endedAt: new Date(Date.now() - minutesAgo * 60_000), startedAt: new Date(Date.now() - 600 * 60_000) }).where(eq(collabSession.id, id));
    await end(oldEnded.id, 120);
    await end(newEnded.id, 5);
    expect((await listWorkspaces(handle.db, me)).map((w) => w.name)).toEqual(["new live", "old live", "new ended", "old ended"]);
    expect(newLive.status).toBe("live");
    expect(oldLive.notes).toBeNull();
  });
});

describe("invitations", () => {
  const members = async (id: string) => handle.db.select().from(collabParticipant).where(eq(collabParticipant.sessionId, id));

  it("lets the host add someone once, records who invited them, and is idempotent", async () => {
    const host = await createUser(handle.db);
    const guest = await createUser(handle.db);
    const ws = await createWorkspace(handle.db, host, { name: "Invites", sessionType: "group" });
    const first = await inviteParticipant(handle.db, host, ws.id, { handle: guest.handle.toUpperCase() });
    expect(first.added).toBe(true);
    expect(first.workspace.participants).toEqual([host.handle, guest.handle]);
    const again = await inviteParticipant(handle.db, host, ws.id, { handle: guest.handle });
    expect(again.added).toBe(false);
    expect(await inviteToWorkspace(handle.db, host, ws.id, { handle: host.handle })).toMatchObject({ participants: [host.handle, guest.handle] });
    const rows = await members(ws.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.userId === guest.id)?.invitedBy).toBe(host.id);
    expect(rows.find((r) => r.userId === host.id)?.invitedBy).toBeNull();
    expect((await getWorkspace(handle.db, guest, ws.id)).participants).toContain(guest.handle);
  });

  it("answers 403 to participants, 404 to outsiders and 422 to bad input, changing nothing", async () => {
    const host = await createUser(handle.db);
    const guest = await createUser(handle.db);
    const outsider = await createUser(handle.db);
    const ws = await createWorkspace(handle.db, host, { name: "Host only", sessionType: "group", invite: [guest.handle] });
    expect((await refusal(inviteToWorkspace(handle.db, guest, ws.id, { handle: outsider.handle }))).code).toBe("forbidden");
    expect((await refusal(inviteToWorkspace(handle.db, outsider, ws.id, { handle: outsider.handle }))).code).toBe("not_found");
    expect((await refusal(inviteToWorkspace(handle.db, host, "no-such-session", { handle: outsider.handle }))).code).toBe("not_found");
    expect((await refusal(inviteToWorkspace(handle.db, host, ws.id, { handle: "no-such-person" }))).fields).toHaveProperty("handle");
    expect((await refusal(inviteToWorkspace(handle.db, host, ws.id, { handle: "x" }))).fields).toHaveProperty("handle");
    expect((await refusal(inviteToWorkspace(handle.db, host, ws.id, null))).code).toBe("validation_failed");
    expect(await members(ws.id)).toHaveLength(2);
  });

  it("refuses people in a block with the host, whoever blocked whom", async () => {
    const host = await createUser(handle.db);
    const blockedByHost = await createUser(handle.db);
    const blocksHost = await createUser(handle.db);
    const ws = await createWorkspace(handle.db, host, { name: "Blocks", sessionType: "group" });
    await block(handle.db, host, blockedByHost.handle);
    await block(handle.db, blocksHost, host.handle);
    expect((await refusal(inviteToWorkspace(handle.db, host, ws.id, { handle: blockedByHost.handle }))).code).toBe("forbidden");
    expect((await refusal(inviteToWorkspace(handle.db, host, ws.id, { handle: blocksHost.handle }))).code).toBe("forbidden");
    expect(await members(ws.id)).toHaveLength(1);
  });

  it("answers for a hidden profile as for a handle that does not exist, storing nothing", async () => {
    const host = await createUser(handle.db);
    const hidden = await createUser(handle.db);
    await updateProfile(handle.db, hidden, { visibility: "hidden" });
    const before = await sessionCount();
    const direct = await refusal(createWorkspace(handle.db, host, { name: "Uninvited", sessionType: "dm", invite: [hidden.handle] }));
    expect(direct.fields).toEqual({ invite: [`No one is called ${hidden.handle}.`] });
    expect(await sessionCount()).toBe(before);
    const ws = await createWorkspace(handle.db, host, { name: "Open group", sessionType: "group" });
    const invited = await refusal(inviteToWorkspace(handle.db, host, ws.id, { handle: hidden.handle }));
    expect(invited.fields).toEqual({ handle: [`No one is called ${hidden.handle}.`] });
    expect(await members(ws.id)).toHaveLength(1);
    // Hidden people still start sessions themselves, with whom they choose.
    const theirs = await createWorkspace(handle.db, hidden, { name: "Mine", sessionType: "dm", invite: [host.handle] });
    expect(theirs.participants.sort()).toEqual([host.handle, hidden.handle].sort());
  });

  it("keeps a dm to its two people, also in the database", async () => {
    const host = await createUser(handle.db);
    const partner = await createUser(handle.db);
    const third = await createUser(handle.db);
    const dm = await createWorkspace(handle.db, host, { name: "Pair", sessionType: "dm", invite: [partner.handle] });
    const full = await refusal(inviteToWorkspace(handle.db, host, dm.id, { handle: third.handle }));
    expect(full.code).toBe("conflict");
    expect(full.fields).toHaveProperty("handle");
    expect((await inviteParticipant(handle.db, host, dm.id, { handle: partner.handle })).added).toBe(false);
    const direct = await handle.db.insert(collabParticipant).values({ sessionId: dm.id, userId: third.id }).then(() => null, (e: unknown) => e);
    expect(direct).toBeInstanceOf(Error); // the database refuses a third member of a one-to-one session
    expect(await members(dm.id)).toHaveLength(2);
  });

  it("takes no invitations once ended", async () => {
    const host = await createUser(handle.db);
    const late = await createUser(handle.db);
    const ws = await createWorkspace(handle.db, host, { name: "Over", sessionType: "group" });
    await handle.db.update(collabSession).set({ endedAt: new Date() }).where(eq(collabSession.id, ws.id));
    expect((await refusal(inviteToWorkspace(handle.db, host, ws.id, { handle: late.handle }))).code).toBe("conflict");
    expect(await handle.db.select().from(collabParticipant).where(and(eq(collabParticipant.sessionId, ws.id), eq(collabParticipant.userId, late.id)))).toHaveLength(0);
  });

  it("adds each of many simultaneous invitations once", async () => {
    const host = await createUser(handle.db);
    const guest = await createUser(handle.db);
    const ws = await createWorkspace(handle.db, host, { name: "Race", sessionType: "group" });
    const results = await Promise.all(Array.from({ length: 8 }, () => inviteParticipant(handle.db, host, ws.id, { handle: guest.handle })));
    expect(results.filter((r) => r.added)).toHaveLength(1);
    expect(await members(ws.id)).toHaveLength(2);
  });
});
