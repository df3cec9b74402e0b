import { expect, test } from "@playwright/test";
import WebSocket from "ws";
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
  const next = async (type: string) => {
    await expect.poll(() => frames.some((f) => f.type === type), { timeout: 10_000 }).toBe(true);
    return frames.find((f) => f.type === type)!;
  };
  return { socket, frames, opened, next };
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
