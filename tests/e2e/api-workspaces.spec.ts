import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import WebSocket from "ws";
import * as Y from "yjs";
import { signServiceToken } from "../../lib/realtime/service-token";
import { signedInClient } from "./support/api";

type Frame = { type: string; [key: string]: unknown };

/** Opens the socket URL as an outside client would and collects frames. */
function openRoom(url: string) {
  const socket = new WebSocket(url);
  const frames: Frame[] = [];
  socket.on("message", (data) => frames.push(JSON.parse(String(data)) as Frame));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: String(reason) })));
  const next = async (type: string) => {
    await expect.poll(() => frames.some((f) => f.type === type), { timeout: 10_000 }).toBe(true);
    return frames.find((f) => f.type === type)!;
  };
  return { socket, frames, opened, closed, next };
}

test("workspaces: create, read, authorise and join the room through the token URL", async ({ baseURL, playwright }) => {
  const host = await signedInClient(baseURL!);
  const guest = await signedInClient(baseURL!);
  const outsider = await signedInClient(baseURL!);
  const anonymous = await playwright.request.newContext({ baseURL });

  const invalid = await host.api.post("/api/v1/workspaces", { data: { name: "", sessionType: "party" } });
  expect(invalid.status()).toBe(422);
  expect(Object.keys((await invalid.json()).error.fields).sort()).toEqual(["name", "sessionType"]);
  expect((await anonymous.post("/api/v1/workspaces", { data: { name: "x", sessionType: "group" } })).status()).toBe(401);

  const created = await host.api.post("/api/v1/workspaces", { data: { name: "Harbour mural", sessionType: "group", invite: [guest.account.handle] } });
  expect(created.status()).toBe(201);
  const workspace = await created.json();
  expect(workspace).toMatchObject({ name: "Harbour mural", sessionType: "group", host: host.account.handle, status: "live", maxEditors: 6, finalArtwork: null, endedAt: null });
  expect(workspace.participants.sort()).toEqual([host.account.handle, guest.account.handle].sort());

  expect((await guest.api.get(`/api/v1/workspaces/${workspace.id}`)).status()).toBe(200);
  expect((await outsider.api.get(`/api/v1/workspaces/${workspace.id}`)).status()).toBe(404);
  expect((await anonymous.get(`/api/v1/workspaces/${workspace.id}`)).status()).toBe(401);
  expect((await outsider.api.post(`/api/v1/workspaces/${workspace.id}/token`, { data: {} })).status()).toBe(403);
  const mine = await (await guest.api.get("/api/v1/workspaces")).json();
  expect(mine.items.map((w: { id: string }) => w.id)).toContain(workspace.id);

  const tokenResponse = await host.api.post(`/api/v1/workspaces/${workspace.id}/token`, { data: { mode: "edit" } });
  expect(tokenResponse.status()).toBe(200);
  const { url, expiresAt, token } = await tokenResponse.json();
  expect(typeof token).toBe("string");
  expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());

  const room = openRoom(url);
  await room.opened;
  const welcome = await room.next("welcome");
  expect(welcome).toMatchObject({ you: { handle: host.account.handle, role: "editor" }, maxEditors: 6 });
  room.socket.send(JSON.stringify({ type: "chat", text: "hello from the API" }));
  const chat = await room.next("chat");
  expect(chat).toMatchObject({ author: host.account.handle, text: "hello from the API" });
  room.socket.close();

  // A forged token is refused before the upgrade.
  const forged = new WebSocket(url.replace(/token=[^&]+/, "token=forged"));
  const refusal = await new Promise<string>((resolve) => forged.once("error", (error) => resolve(error.message)));
  expect(refusal).toContain("401");

  for (const client of [host, guest, outsider]) await client.api.dispose();
  await anonymous.dispose();
});

/** The secret the app shares with the room server: set in the environment, or generated in the data folder by the start script. */
function realtimeSecret(): string {
  if (process.env.REALTIME_SECRET) return process.env.REALTIME_SECRET;
  const dir = path.resolve(process.env.KONTACT_DATA_DIR ?? ".data");
  return (JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8")) as { realtimeSecret: string }).realtimeSecret;
}

/** Draws one stroke as a room client does: a Yjs update on top of the room's state, sent as a sync frame. */
async function drawStroke(room: ReturnType<typeof openRoom>, id: string) {
  const doc = new Y.Doc();
  const initial = (await room.next("sync")) as unknown as { update: string };
  Y.applyUpdate(doc, Buffer.from(initial.update, "base64"));
  const before = Y.encodeStateVector(doc);
  doc.getMap("strokes").set(id, { id, color: "#1d3557", width: 12, points: [200, 200, 800, 500, 1200, 300] });
  room.socket.send(JSON.stringify({ type: "sync", update: Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString("base64") }));
}

test("workspaces: invite, end (sockets close 4410), archive arrives, transcript, final artwork", async ({ baseURL, playwright }) => {
  const [host, guest, newcomer, outsider] = await Promise.all([signedInClient(baseURL!), signedInClient(baseURL!), signedInClient(baseURL!), signedInClient(baseURL!)]);
  const anonymous = await playwright.request.newContext({ baseURL });
  const ws = await (await host.api.post("/api/v1/workspaces", { data: { name: "Dock drawing", sessionType: "group", invite: [guest.account.handle] } })).json();
  const dm = await (await host.api.post("/api/v1/workspaces", { data: { name: "Pair", sessionType: "dm", invite: [guest.account.handle] } })).json();
  const at = (suffix: string, id = ws.id) => `/api/v1/workspaces/${id}/${suffix}`;

  // Invitations: host only, idempotent, dm stays two, blocked pairs refused.
  expect((await anonymous.post(at("invitations"), { data: { handle: newcomer.account.handle } })).status()).toBe(401);
  expect((await guest.api.post(at("invitations"), { data: { handle: newcomer.account.handle } })).status()).toBe(403);
  expect((await outsider.api.post(at("invitations"), { data: { handle: newcomer.account.handle } })).status()).toBe(404);
  const badHandle = await host.api.post(at("invitations"), { data: { handle: "no-such-person-here" } });
  expect(badHandle.status()).toBe(422);
  expect((await badHandle.json()).error.fields).toHaveProperty("handle");
  expect((await host.api.post(at("invitations"), { headers: { "content-type": "application/json" }, data: Buffer.from("{") })).status()).toBe(400);
  const invited = await host.api.post(at("invitations"), { data: { handle: newcomer.account.handle } });
  expect(invited.status()).toBe(201);
  expect((await invited.json()).participants).toContain(newcomer.account.handle);
  expect((await host.api.post(at("invitations"), { data: { handle: newcomer.account.handle } })).status()).toBe(200);
  const dmFull = await host.api.post(at("invitations", dm.id), { data: { handle: newcomer.account.handle } });
  expect(dmFull.status()).toBe(409);
  expect((await dmFull.json()).error.fields).toHaveProperty("handle");
  expect((await outsider.api.post("/api/v1/blocks", { data: { handle: host.account.handle } })).status()).toBe(201);
  expect((await host.api.post(at("invitations"), { data: { handle: outsider.account.handle } })).status()).toBe(403);

  // Before the end: an empty transcript, and no final artwork.
  expect(await (await guest.api.get(at("transcript"))).json()).toEqual({ items: [], nextCursor: null });
  expect((await outsider.api.get(at("transcript"))).status()).toBe(404);
  expect((await anonymous.get(at("transcript"))).status()).toBe(401);
  expect((await host.api.post(at("final-artwork"), { data: { title: "Too early" } })).status()).toBe(409);
  expect((await guest.api.post(at("final-artwork"), { data: { title: "Not mine" } })).status()).toBe(403);
  expect((await host.api.post(at("final-artwork"), { data: { title: "" } })).status()).toBe(422);

  // The internal archive callback: a room-archive token for this room, never a cookie.
  const archiveUrl = `/api/internal/workspaces/${ws.id}/archive`;
  const emptyArchive = { transcript: [], notes: "", strokes: [], contributions: [] };
  const bearer = async (purpose: "room-archive" | "room-admin", room: string) => ({ authorization: `Bearer ${await signServiceToken(purpose, room, realtimeSecret())}` });
  expect((await host.api.post(archiveUrl, { data: emptyArchive })).status()).toBe(401);
  expect((await anonymous.post(archiveUrl, { data: emptyArchive, headers: await bearer("room-admin", ws.id) })).status()).toBe(401);
  expect((await anonymous.post(archiveUrl, { data: emptyArchive, headers: await bearer("room-archive", dm.id) })).status()).toBe(401);
  expect((await anonymous.post(archiveUrl, { data: emptyArchive, headers: await bearer("room-archive", ws.id) })).status()).toBe(409); // still live
  expect((await anonymous.post(archiveUrl, { data: { notes: 3 }, headers: await bearer("room-archive", ws.id) })).status()).toBe(422);
  expect((await anonymous.post("/api/internal/workspaces/nope/archive", { data: emptyArchive, headers: await bearer("room-archive", "nope") })).status()).toBe(404);

  // In the room: the host chats, the guest draws.
  const hostRoom = openRoom((await (await host.api.post(at("token"), { data: {} })).json()).url);
  const guestRoom = openRoom((await (await guest.api.post(at("token"), { data: {} })).json()).url);
  await Promise.all([hostRoom.opened, guestRoom.opened]);
  await Promise.all([hostRoom.next("welcome"), guestRoom.next("welcome")]);
  await drawStroke(guestRoom, "guest-stroke-1");
  await expect.poll(() => hostRoom.frames.filter((f) => f.type === "sync").length, { timeout: 10_000 }).toBeGreaterThan(1);
  hostRoom.socket.send(JSON.stringify({ type: "chat", text: "ending soon, thanks all" }));
  await guestRoom.next("chat");

  // End: host only; every socket closes with 4410; tokens are gone, invitations refused.
  expect((await guest.api.post(at("end"))).status()).toBe(403);
  expect((await outsider.api.post(at("end"))).status()).toBe(404);
  const endedResponse = await host.api.post(at("end"));
  expect(endedResponse.status()).toBe(200);
  const ended = await endedResponse.json();
  expect(ended).toMatchObject({ id: ws.id, status: "ended" });
  expect(await hostRoom.closed).toEqual({ code: 4410, reason: "session_ended" });
  expect((await guestRoom.closed).code).toBe(4410);
  expect((await host.api.post(at("end"))).status()).toBe(200);
  expect((await guest.api.post(at("token"), { data: {} })).status()).toBe(410);
  expect((await host.api.post(at("invitations"), { data: { handle: "someone-else" } })).status()).toBe(409);

  // The room hands its archive to the app; the transcript then holds the chat.
  await expect
    .poll(async () => ((await (await guest.api.get(at("transcript"))).json()) as { items: { text: string }[] }).items.map((m) => m.text), { timeout: 20_000 })
    .toContain("ending soon, thanks all");
  const transcript = await (await guest.api.get(at("transcript"))).json();
  expect(transcript.items[0]).toMatchObject({ author: host.account.handle, text: "ending soon, thanks all" });
  expect(typeof transcript.items[0].id).toBe("string");
  expect((await (await host.api.get(`/api/v1/workspaces/${ws.id}`)).json()).endedAt).toBe(ended.endedAt);

  // The final artwork: once, by the host, credited to the guest who drew. The guest's public
  // page is in the cache before, and shows the artwork after.
  expect(await (await anonymous.get(`/profile/${guest.account.handle}`)).text()).not.toContain("Dock at dusk");
  const published = await host.api.post(at("final-artwork"), { data: { title: "Dock at dusk" } });
  expect(published.status()).toBe(201);
  const artwork = await published.json();
  expect(artwork).toMatchObject({ title: "Dock at dusk", artist: host.account.handle, mediaType: "image/png" });
  const image = await anonymous.get(artwork.mediaUrl);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect((await host.api.post(at("final-artwork"), { data: { title: "Again" } })).status()).toBe(409);
  expect((await (await guest.api.get(`/api/v1/workspaces/${ws.id}`)).json()).finalArtwork?.id).toBe(artwork.id);
  const guestProfile = await (await anonymous.get(`/api/v1/profiles/${guest.account.handle}`)).json();
  expect(guestProfile.artworks.map((a: { id: string }) => a.id)).toContain(artwork.id);
  expect(await (await anonymous.get(`/profile/${guest.account.handle}`)).text()).toContain("Dock at dusk");
  const newcomerProfile = await (await anonymous.get(`/api/v1/profiles/${newcomer.account.handle}`)).json();
  expect(newcomerProfile.artworks.map((a: { id: string }) => a.id)).not.toContain(artwork.id);

  for (const client of [host, guest, newcomer, outsider]) await client.api.dispose();
  await anonymous.dispose();
});
