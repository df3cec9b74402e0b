import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import sharp from "sharp";
import WebSocket from "ws";
import * as Y from "yjs";
import { signedInClient } from "./api";

/**
 * The people and things the server-action matrix acts on, all made through the JSON API: an
 * owner (who blocked `blocked`), another user (with a posting of their own), a participant, someone
 * to invite, someone whose profile is hidden; the
 * owner's two artworks; an open posting (with an attachment and the participant's application)
 * and a filled one (participant selected); a live and an ended workspace (the owner and the
 * participant both joined each; the room has archived the ended one), a third one the
 * participant drew on before it ended; and the participant's pending endorsement of the owner
 * for the ended workspace.
 */

export type Actor = "anonymous" | "other" | "blocked" | "participant" | "owner";
export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function png(color: string): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).png().toBuffer();
}

export function pngFile(bytes: Buffer, name = "a.png"): File {
  return new File([new Uint8Array(bytes)], name, { type: "image/png" });
}

function upload(bytes: Buffer, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append("file", pngFile(bytes));
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

async function created(response: APIResponse, status = 201): Promise<{ id: string }> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as { id: string };
}

/** The room posts the ended session's archive back on its own; publishing waits for it, so the world does too. */
async function waitForArchive(api: APIRequestContext, id: string): Promise<void> {
  await expect
    .poll(async () => ((await (await api.get(`/api/v1/workspaces/${id}`)).json()) as { notes: string | null }).notes, { timeout: 20_000 })
    .not.toBeNull();
}

/** A room socket that keeps every frame it receives. */
async function joinRoom(api: APIRequestContext, id: string) {
  const response = await api.post(`/api/v1/workspaces/${id}/token`, { data: { mode: "edit" } });
  expect(response.status()).toBe(200);
  const socket = new WebSocket(((await response.json()) as { url: string }).url);
  const syncs: string[] = [];
  socket.on("message", (data) => {
    const frame = JSON.parse(String(data)) as { type: string; update?: string };
    if (frame.type === "sync" && frame.update) syncs.push(frame.update);
  });
  await expect.poll(() => syncs.length, { timeout: 10_000 }).toBeGreaterThan(0);
  return { socket, syncs, closed: new Promise<void>((resolve) => socket.once("close", () => resolve())) };
}

/**
 * A workspace the participant drew one stroke in (a Yjs update on the room's state, as the
 * canvas sends it) before the owner ended it, so its final artwork can be published.
 */
async function drawnWorkspace(owner: APIRequestContext, participant: APIRequestContext, participantHandle: string): Promise<{ id: string }> {
  const workspace = await created(await owner.post("/api/v1/workspaces", { data: { name: "Actions drawn room", sessionType: "group", invite: [participantHandle] } }));
  const [host, guest] = [await joinRoom(owner, workspace.id), await joinRoom(participant, workspace.id)];
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(guest.syncs[0]!, "base64"));
  const before = Y.encodeStateVector(doc);
  doc.getMap("strokes").set("matrix-stroke", { id: "matrix-stroke", color: "#222222", width: 8, points: [100, 100, 600, 400] });
  guest.socket.send(JSON.stringify({ type: "sync", update: Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString("base64") }));
  const seenByHost = host.syncs.length;
  await expect.poll(() => host.syncs.length, { timeout: 10_000 }).toBeGreaterThan(seenByHost);
  await created(await owner.post(`/api/v1/workspaces/${workspace.id}/end`), 200);
  await Promise.all([host.closed, guest.closed]);
  await waitForArchive(owner, workspace.id);
  return workspace;
}

export async function buildWorld(baseURL: string) {
  const [owner, other, participant, blocked, invitee, hidden] = await Promise.all([
    signedInClient(baseURL, { kind: "diffuser", displayName: "Owner Actions" }),
    signedInClient(baseURL, { displayName: "Other Actions" }),
    signedInClient(baseURL, { displayName: "Participant Actions" }),
    signedInClient(baseURL, { displayName: "Blocked Actions" }),
    signedInClient(baseURL, { displayName: "Invitee Actions" }), // only ever invited, so the actors' roles stay as they are
    signedInClient(baseURL, { displayName: "Hidden Actions" }),
  ]);
  expect((await hidden.api.patch("/api/v1/profiles/me", { data: { visibility: "hidden" } })).status()).toBe(200);
  await invitee.api.dispose();
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const o = owner.api;
  const handles = { owner: owner.account.handle, other: other.account.handle, participant: participant.account.handle, blocked: blocked.account.handle, invitee: invitee.account.handle, hidden: hidden.account.handle };

  await created(await o.post("/api/v1/blocks", { data: { handle: handles.blocked } }));
  const artwork = await created(await o.post("/api/v1/artworks", { multipart: upload(await png("#a33"), { title: "Owned" }) }));
  const keptArtwork = await created(await o.post("/api/v1/artworks", { multipart: upload(await png("#a3a"), { title: "Kept" }) }));
  const otherPosting = await created(await other.api.post("/api/v1/opportunities", { data: { title: "Other's call", kind: "job", region: "Berlin, DE", compensation: { paid: true } } }));

  const posting = await created(await o.post("/api/v1/opportunities", { data: { title: "Actions call", kind: "open_call", region: "Lisbon, PT", compensation: { paid: false } } }));
  const attachment = await created(await o.post(`/api/v1/opportunities/${posting.id}/attachments`, { multipart: upload(await png("#3a3")) }));
  await created(await participant.api.post(`/api/v1/opportunities/${posting.id}/applications`, { data: { message: "Hello" } }));

  const filled = await created(await o.post("/api/v1/opportunities", { data: { title: "Actions residency", kind: "residency", region: "Porto, PT", compensation: { paid: true } } }));
  await created(await participant.api.post(`/api/v1/opportunities/${filled.id}/applications`, { data: { message: "Pick me" } }));
  await created(await o.patch(`/api/v1/opportunities/${filled.id}`, { data: { status: "filled", filledBy: [handles.participant] } }), 200);

  const room = { name: "Actions room", sessionType: "group", invite: [handles.participant] };
  const live = await created(await o.post("/api/v1/workspaces", { data: room }));
  const ended = await created(await o.post("/api/v1/workspaces", { data: { ...room, name: "Actions finished room" } }));
  // Asking for a room token is what counts as joining, which an endorsement needs from both.
  for (const id of [live.id, ended.id]) {
    for (const api of [o, participant.api]) await created(await api.post(`/api/v1/workspaces/${id}/token`, { data: { mode: "edit" } }), 200);
  }
  await created(await o.post(`/api/v1/workspaces/${ended.id}/end`), 200);
  await waitForArchive(o, ended.id);
  const drawn = await drawnWorkspace(o, participant.api, handles.participant);
  const endorsement = await created(
    await participant.api.post("/api/v1/endorsements", { data: { subject: handles.owner, context: { type: "workspace", id: ended.id }, rating: 5, text: "A generous host." } }),
  );

  const clients: Record<Actor, APIRequestContext> = { anonymous, other: other.api, blocked: blocked.api, participant: participant.api, owner: o };
  const read = (client: APIRequestContext, url: string) => client.get(url).then(async (r) => ({ status: r.status(), body: (await r.json()) as unknown }));
  /** Reads of what each action could change, through the JSON API. */
  const snapshots = {
    ownerProfile: () => read(o, `/api/v1/profiles/${handles.owner}`),
    /** The block as the blocked person meets it: the owner's profile stays hidden from them (404). */
    ownerSeenByBlocked: () => read(blocked.api, `/api/v1/profiles/${handles.owner}`),
    artwork: () => read(o, `/api/v1/artworks/${artwork.id}`),
    posting: () => read(o, `/api/v1/opportunities/${posting.id}`),
    filled: () => read(o, `/api/v1/opportunities/${filled.id}`),
    applications: (id: string) => () => read(o, `/api/v1/opportunities/${id}/applications`),
    otherPostingApplications: () => read(other.api, `/api/v1/opportunities/${otherPosting.id}/applications`),
    ownerCalendar: () => read(o, "/api/v1/calendar"),
    workspace: (id: string) => () => read(o, `/api/v1/workspaces/${id}`),
    ownerWorkspaces: () => read(o, "/api/v1/workspaces"),
    hiddenWorkspaces: () => read(hidden.api, "/api/v1/workspaces"),
    hiddenProfile: () => read(hidden.api, `/api/v1/profiles/${handles.hidden}`),
    /** The endorsement as its author sees it (also while pending), and the subject's published list. */
    endorsement: async () => ({ item: await read(participant.api, `/api/v1/endorsements/${endorsement.id}`), published: await read(o, `/api/v1/profiles/${handles.participant}/endorsements`) }),
  };
  return { baseURL, handles, clients, hiddenClient: hidden.api, artwork, keptArtwork, posting, otherPosting, attachment, filled, live, ended, drawn, endorsement, snapshots };
}
