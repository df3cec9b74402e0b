import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { signedInClient } from "./support/api";
import { mutatingRoutes } from "./support/routes";

/**
 * Every mutating API route × actor: who may do what, and that a refused request changes nothing.
 * Actors: anonymous, another signed-in user, a participant (workspaces), someone the owner
 * blocked, and the owner or host. A cell names the expected status; after every refusal the
 * resource is read back and must equal what it was before. A route file that exports a write
 * without a row here fails the first test, so new routes cannot skip the matrix.
 * (Endorsement rules by actor are proven in tests/integration/endorsements*.test.ts, since their
 * contexts need ended sessions; here they get the anonymous column.)
 * Server actions, which anyone can call over HTTP too, have their own matrix in
 * tests/e2e/authorization-actions.spec.ts.
 */

type Actor = "anonymous" | "other" | "participant" | "blocked" | "owner";
type World = Awaited<ReturnType<typeof buildWorld>>;
type Row = {
  route: string; // "METHOD /api/…/[param]" as the file system names it
  path: (w: World) => string;
  body?: (w: World) => unknown;
  multipart?: boolean;
  /** Expected status per actor; actors left out are not tried (the owner's success is tried last). */
  cells: Partial<Record<Actor, number>>;
  /** Reads the resource the route would change, to prove a refusal changed nothing. */
  snapshot?: (w: World) => Promise<unknown>;
};

async function png(color: string): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).png().toBuffer();
}

function imageForm(bytes: Buffer, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], "a.png", { type: "image/png" }));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

async function buildWorld(baseURL: string) {
  const [owner, other, participant, blocked] = await Promise.all([
    signedInClient(baseURL, { kind: "diffuser", displayName: "Owner Matrix" }),
    signedInClient(baseURL, { displayName: "Other Matrix" }),
    signedInClient(baseURL, { displayName: "Participant Matrix" }),
    signedInClient(baseURL, { displayName: "Blocked Matrix" }),
  ]);
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const ok = async (response: Awaited<ReturnType<APIRequestContext["post"]>>, status: number): Promise<{ id: string }> => {
    expect(response.status(), await response.text()).toBe(status);
    return (await response.json()) as { id: string };
  };
  expect((await owner.api.post("/api/v1/blocks", { data: { handle: blocked.account.handle } })).status()).toBe(201);
  const artwork = await ok(await owner.api.post("/api/v1/artworks", { multipart: imageForm(await png("#a33"), { title: "Owned" }) }), 201);
  const posting = await ok(await owner.api.post("/api/v1/opportunities", { data: { title: "Matrix call", kind: "open_call", region: "Lisbon, PT", compensation: { paid: false } } }), 201);
  const attachment = await ok(await owner.api.post(`/api/v1/opportunities/${posting.id}/attachments`, { multipart: imageForm(await png("#3a3")) }), 201);
  await ok(await participant.api.post(`/api/v1/opportunities/${posting.id}/applications`, { data: { message: "Hello" } }), 201);
  const workspace = await ok(await owner.api.post("/api/v1/workspaces", { data: { name: "Matrix room", sessionType: "group", invite: [participant.account.handle] } }), 201);
  const clients: Record<Actor, APIRequestContext> = { anonymous, other: other.api, participant: participant.api, blocked: blocked.api, owner: owner.api };
  return { owner, other, participant, blocked, clients, artwork, posting, attachment, workspace };
}

const snapshots = {
  artwork: (w: World) => w.owner.api.get(`/api/v1/artworks/${w.artwork.id}`).then((r) => r.json()),
  posting: (w: World) => w.owner.api.get(`/api/v1/opportunities/${w.posting.id}`).then((r) => r.json()),
  applications: (w: World) => w.owner.api.get(`/api/v1/opportunities/${w.posting.id}/applications`).then((r) => r.json()),
  workspace: (w: World) => w.owner.api.get(`/api/v1/workspaces/${w.workspace.id}`).then((r) => r.json()),
  ownerProfile: (w: World) => w.owner.api.get(`/api/v1/profiles/${w.owner.account.handle}`).then((r) => r.json()),
};

const anyone = { anonymous: 401 };

const matrix: Row[] = [
  { route: "POST /api/v1/auth/signup", path: () => "/api/v1/auth/signup", body: () => ({ email: "x" }), cells: { anonymous: 422 } },
  { route: "POST /api/internal/workspaces/[id]/archive", path: (w) => `/api/internal/workspaces/${w.workspace.id}/archive`, body: () => ({}), cells: { anonymous: 401, owner: 401, participant: 401 }, snapshot: snapshots.workspace },
  { route: "POST /api/v1/artworks", path: () => "/api/v1/artworks", body: () => ({}), cells: anyone },
  { route: "PATCH /api/v1/artworks/[id]", path: (w) => `/api/v1/artworks/${w.artwork.id}`, body: () => ({ title: "Taken" }), cells: { anonymous: 401, other: 403, blocked: 403, owner: 200 }, snapshot: snapshots.artwork },
  { route: "DELETE /api/v1/artworks/[id]", path: (w) => `/api/v1/artworks/${w.artwork.id}`, cells: { anonymous: 401, other: 403, blocked: 403 }, snapshot: snapshots.artwork },
  { route: "POST /api/v1/blocks", path: () => "/api/v1/blocks", body: (w) => ({ handle: w.other.account.handle }), cells: anyone },
  { route: "DELETE /api/v1/blocks/[handle]", path: (w) => `/api/v1/blocks/${w.blocked.account.handle}`, cells: anyone, snapshot: snapshots.ownerProfile },
  { route: "POST /api/v1/calendar", path: () => "/api/v1/calendar", cells: anyone },
  { route: "POST /api/v1/endorsements", path: () => "/api/v1/endorsements", body: () => ({}), cells: anyone },
  { route: "POST /api/v1/endorsements/[id]/reply", path: () => "/api/v1/endorsements/none/reply", body: () => ({ text: "x" }), cells: anyone },
  { route: "POST /api/v1/endorsements/[id]/report", path: () => "/api/v1/endorsements/none/report", body: () => ({ reason: "x" }), cells: anyone },
  { route: "POST /api/v1/follows", path: () => "/api/v1/follows", body: (w) => ({ handle: w.owner.account.handle }), cells: { anonymous: 401, blocked: 404 }, snapshot: snapshots.ownerProfile },
  { route: "DELETE /api/v1/follows/[handle]", path: (w) => `/api/v1/follows/${w.owner.account.handle}`, cells: anyone, snapshot: snapshots.ownerProfile },
  { route: "POST /api/v1/matches/dismiss", path: () => "/api/v1/matches/dismiss", body: (w) => ({ handle: w.other.account.handle }), cells: anyone },
  { route: "POST /api/v1/opportunities", path: () => "/api/v1/opportunities", body: () => ({ title: "x", kind: "job" }), cells: anyone },
  { route: "PATCH /api/v1/opportunities/[id]", path: (w) => `/api/v1/opportunities/${w.posting.id}`, body: () => ({ title: "Taken over" }), cells: { anonymous: 401, other: 403, participant: 403, blocked: 403, owner: 200 }, snapshot: snapshots.posting },
  { route: "DELETE /api/v1/opportunities/[id]", path: (w) => `/api/v1/opportunities/${w.posting.id}`, cells: { anonymous: 401, other: 403, participant: 403, blocked: 403 }, snapshot: snapshots.posting },
  { route: "POST /api/v1/opportunities/[id]/applications", path: (w) => `/api/v1/opportunities/${w.posting.id}/applications`, body: () => ({ message: "Me" }), cells: { anonymous: 401, owner: 403, blocked: 403, participant: 409 }, snapshot: snapshots.applications },
  { route: "DELETE /api/v1/opportunities/[id]/applications/me", path: (w) => `/api/v1/opportunities/${w.posting.id}/applications/me`, cells: { anonymous: 401, other: 404, owner: 404 }, snapshot: snapshots.applications },
  { route: "POST /api/v1/opportunities/[id]/attachments", path: (w) => `/api/v1/opportunities/${w.posting.id}/attachments`, multipart: true, cells: { anonymous: 401, other: 403, participant: 403 }, snapshot: snapshots.posting },
  { route: "DELETE /api/v1/opportunities/[id]/attachments/[attachmentId]", path: (w) => `/api/v1/opportunities/${w.posting.id}/attachments/${w.attachment.id}`, cells: { anonymous: 401, other: 403, participant: 403, blocked: 403 }, snapshot: snapshots.posting },
  { route: "PUT /api/v1/opportunities/[id]/save", path: (w) => `/api/v1/opportunities/${w.posting.id}/save`, cells: anyone },
  { route: "DELETE /api/v1/opportunities/[id]/save", path: (w) => `/api/v1/opportunities/${w.posting.id}/save`, cells: anyone },
  { route: "POST /api/v1/profiles/me/avatar", path: () => "/api/v1/profiles/me/avatar", multipart: true, cells: anyone },
  { route: "DELETE /api/v1/profiles/me/avatar", path: () => "/api/v1/profiles/me/avatar", cells: anyone },
  { route: "PATCH /api/v1/profiles/me", path: () => "/api/v1/profiles/me", body: () => ({ headline: "x" }), cells: anyone },
  { route: "POST /api/v1/workspaces", path: () => "/api/v1/workspaces", body: () => ({ name: "x", sessionType: "group" }), cells: anyone },
  { route: "POST /api/v1/workspaces/[id]/invitations", path: (w) => `/api/v1/workspaces/${w.workspace.id}/invitations`, body: (w) => ({ handle: w.other.account.handle }), cells: { anonymous: 401, other: 404, participant: 403, blocked: 404 }, snapshot: snapshots.workspace },
  { route: "POST /api/v1/workspaces/[id]/token", path: (w) => `/api/v1/workspaces/${w.workspace.id}/token`, body: () => ({ mode: "edit" }), cells: { anonymous: 401, other: 403, blocked: 403, participant: 200, owner: 200 }, snapshot: snapshots.workspace },
  { route: "POST /api/v1/workspaces/[id]/final-artwork", path: (w) => `/api/v1/workspaces/${w.workspace.id}/final-artwork`, body: () => ({ title: "Mine" }), cells: { anonymous: 401, other: 404, participant: 403, owner: 409 }, snapshot: snapshots.workspace },
  { route: "POST /api/v1/workspaces/[id]/end", path: (w) => `/api/v1/workspaces/${w.workspace.id}/end`, cells: { anonymous: 401, other: 404, blocked: 404, participant: 403, owner: 200 }, snapshot: snapshots.workspace },
];

test("every mutating API route has a row in the matrix", () => {
  const listed = new Set(matrix.map((r) => r.route));
  const missing = mutatingRoutes().filter((r) => !listed.has(r));
  expect(missing, "add a row to tests/e2e/authorization-matrix.spec.ts for each").toEqual([]);
  const stale = [...listed].filter((r) => !mutatingRoutes().includes(r));
  expect(stale, "rows for routes that no longer exist").toEqual([]);
});

test("each actor gets the answer the matrix states, and a refused request changes nothing", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const w = await buildWorld(baseURL!);
  const order: Actor[] = ["anonymous", "other", "blocked", "participant", "owner"];
  const image = await png("#33a");
  try {
    for (const row of matrix) {
      const method = row.route.split(" ")[0]!;
      for (const actor of order) {
        const expected = row.cells[actor];
        if (expected === undefined) continue;
        const before = row.snapshot ? await row.snapshot(w) : undefined;
        const options = row.multipart ? { multipart: imageForm(image) } : row.body ? { data: row.body(w) } : {};
        const response = await w.clients[actor].fetch(row.path(w), { method, ...options });
        expect(response.status(), `${row.route} as ${actor}: ${(await response.text()).slice(0, 200)}`).toBe(expected);
        if (expected >= 400 && row.snapshot) expect(await row.snapshot(w), `${row.route} as ${actor} changed the resource`).toEqual(before);
      }
    }
  } finally {
    for (const client of Object.values(w.clients)) await client.dispose();
  }
});
