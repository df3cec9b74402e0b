import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { signServiceToken } from "../../../lib/realtime/service-token";
import { newAccount, signedInClient } from "./api";
import type { Input, Json } from "./hostile";

/**
 * What tests/e2e/hostile-http.spec.ts needs per mutating route: who may call it, the path, a body
 * it accepts, and a read-back of what it would change (through GET endpoints).
 */

export type Target = {
  client: APIRequestContext;
  path: string;
  /** A body the route accepts as to form (JSON, or multipart text fields besides `file`). */
  body?: Json;
  headers?: () => Promise<Record<string, string>>;
  snapshot: () => Promise<unknown>;
};
/** `fresh`: after a 2xx, set up anew (the route can succeed once per resource) instead of re-reading. */
export type Row = { input: Input; setup: (pool: Pool) => Promise<Target>; fresh?: boolean; /** when the route reads more JSON than MAX_JSON_BYTES */ maxJsonBytes?: number };

/** A setup step refused with 429: the people in the pool have used up a rate limit. */
export class RateLimited extends Error {}
type SignedIn = Awaited<ReturnType<typeof signedInClient>>;

/** Signed-in people by role, made on first use; `retire()` starts over with new ones (after a 429). */
export class Pool {
  private users = new Map<string, Promise<SignedIn>>();
  private contexts: APIRequestContext[] = [];
  image: Promise<Buffer> = sharp({ create: { width: 48, height: 32, channels: 3, background: "#c63" } }).png().toBuffer();
  constructor(readonly baseURL: string) {}

  user(role: string): Promise<SignedIn> {
    if (!this.users.has(role)) {
      const made = signedInClient(this.baseURL, { displayName: `Hostile ${role}` });
      made.then((u) => this.contexts.push(u.api), () => undefined);
      this.users.set(role, made);
    }
    return this.users.get(role)!;
  }

  async anonymous(): Promise<APIRequestContext> {
    const context = await playwrightRequest.newContext({ baseURL: this.baseURL });
    this.contexts.push(context);
    return context;
  }

  retire(): void {
    this.users.clear();
  }

  async dispose(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.dispose()));
  }
}

async function read(client: APIRequestContext, url: string): Promise<{ status: number; body: unknown }> {
  const response = await client.get(url);
  const text = await response.text();
  return { status: response.status(), body: text ? (JSON.parse(text) as unknown) : null };
}

async function created(response: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<{ id: string }> {
  if (response.status() === 429) throw new RateLimited(response.url());
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

async function artwork(pool: Pool, owner: SignedIn) {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(await pool.image)], "a.png", { type: "image/png" }));
  form.append("title", "Hostile target");
  return created(await owner.api.post("/api/v1/artworks", { multipart: form }));
}

const posting = async (owner: SignedIn) => created(await owner.api.post("/api/v1/opportunities", { data: { title: "Hostile call", kind: "open_call", compensation: { paid: false } } }));
const workspace = async (owner: SignedIn, guest: SignedIn) => created(await owner.api.post("/api/v1/workspaces", { data: { name: "Hostile room", sessionType: "group", invite: [guest.account.handle] } }));

/** The room server's shared secret: from the environment, or the one the start script generated in the data folder. */
function realtimeSecret(): string {
  if (process.env.REALTIME_SECRET) return process.env.REALTIME_SECRET;
  const dir = path.resolve(process.env.KONTACT_DATA_DIR ?? ".data");
  return (JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8")) as { realtimeSecret: string }).realtimeSecret;
}

const opportunityBody = {
  title: "Print residency", kind: "residency", description: "Two months\nwith a press.", tags: ["print", "ink"], region: "Lisbon, PT",
  location: "Studio 4", startsAt: "2027-03-01", endsAt: "2027-04-30", deadline: "2027-02-01",
  compensation: { paid: true, amount: 1500, currency: "EUR" }, entryFee: null, url: "https://example.test/call",
};
const profileBody = {
  displayName: "Hostile Owner", headline: "Printmaker", bio: "Ink and paper.", skills: ["etching"], tags: ["print"], region: "Porto",
  links: [{ label: "Site", url: "https://example.test" }], openToCollaboration: true,
};

/** On the owner's posting, as `actor` (the owner unless said otherwise). */
async function onPosting(pool: Pool, suffix: string, body?: Json, actorRole = "owner"): Promise<Target> {
  const owner = await pool.user("owner");
  const { id } = await posting(owner);
  const actor = await pool.user(actorRole);
  return { client: actor.api, path: `/api/v1/opportunities/${id}${suffix}`, body, snapshot: () => Promise.all([read(owner.api, `/api/v1/opportunities/${id}`), read(owner.api, `/api/v1/opportunities/${id}/applications`)]) };
}

/** On a live workspace the owner hosts, with "other" invited. */
async function onWorkspace(pool: Pool, suffix: string, body?: Json): Promise<Target> {
  const owner = await pool.user("owner");
  const { id } = await workspace(owner, await pool.user("other"));
  return { client: owner.api, path: `/api/v1/workspaces/${id}${suffix}`, body, snapshot: () => Promise.all([read(owner.api, `/api/v1/workspaces/${id}`), read(owner.api, "/api/v1/profiles/me")]) };
}

async function onArtwork(pool: Pool, body?: Json): Promise<Target> {
  const owner = await pool.user("owner");
  const { id } = await artwork(pool, owner);
  return { client: owner.api, path: `/api/v1/artworks/${id}`, body, snapshot: () => read(owner.api, `/api/v1/artworks/${id}`) };
}

/** The owner's own profile and another person's, as the owner sees them (follow and block counts). */
async function aboutSomeone(pool: Pool, role: string, url: (handle: string) => string, body: (handle: string) => Json | undefined, before?: (owner: SignedIn, handle: string) => Promise<unknown>): Promise<Target> {
  const owner = await pool.user("owner");
  const { handle } = (await pool.user(role)).account;
  await before?.(owner, handle);
  return { client: owner.api, path: url(handle), body: body(handle), snapshot: () => Promise.all([read(owner.api, "/api/v1/profiles/me"), read(owner.api, `/api/v1/profiles/${handle}`)]) };
}

const mine = (url: string) => async (pool: Pool, body?: Json): Promise<Target> => {
  const owner = await pool.user("owner");
  return { client: owner.api, path: url, body, snapshot: () => read(owner.api, "/api/v1/profiles/me") };
};

export const rows: Record<string, Row> = {
  "POST /api/v1/auth/signup": { input: "json", fresh: true, setup: async (pool) => {
    const client = await pool.anonymous();
    const account = newAccount({ displayName: "Hostile Newcomer" });
    return { client, path: "/api/v1/auth/signup", body: account, snapshot: () => read(client, `/api/v1/profiles/${account.handle}`) };
  } },
  "POST /api/internal/workspaces/[id]/archive": { input: "json", maxJsonBytes: 32 * 1024 * 1024, setup: async (pool) => {
    const owner = await pool.user("owner");
    const { id } = await workspace(owner, await pool.user("other"));
    await created(await owner.api.post(`/api/v1/workspaces/${id}/end`));
    return {
      client: await pool.anonymous(),
      path: `/api/internal/workspaces/${id}/archive`,
      body: { transcript: [{ id: "m1", authorId: "someone", author: owner.account.handle, text: "hello", at: new Date().toISOString() }], notes: "Notes", strokes: [], contributions: [] },
      headers: async () => ({ authorization: `Bearer ${await signServiceToken("room-archive", id, realtimeSecret())}` }),
      snapshot: () => Promise.all([read(owner.api, `/api/v1/workspaces/${id}`), read(owner.api, `/api/v1/workspaces/${id}/transcript`)]),
    };
  } },
  "POST /api/v1/artworks": { input: "multipart", setup: (pool) => mine("/api/v1/artworks")(pool, { title: "Harbour at dusk", style: "ink", altText: "Boats.", tags: ["harbour", "night"] }) },
  "PATCH /api/v1/artworks/[id]": { input: "json", setup: (pool) => onArtwork(pool, { title: "Renamed", style: "ink", altText: "Boats.", tags: ["harbour"], downloadable: true }) },
  "DELETE /api/v1/artworks/[id]": { input: "none", setup: (pool) => onArtwork(pool) },
  "POST /api/v1/blocks": { input: "json", setup: (pool) => aboutSomeone(pool, "blockee", () => "/api/v1/blocks", (handle) => ({ handle })) },
  "DELETE /api/v1/blocks/[handle]": { input: "none", setup: (pool) => aboutSomeone(pool, "unblockee", (h) => `/api/v1/blocks/${h}`, () => undefined, async (o, handle) => created(await o.api.post("/api/v1/blocks", { data: { handle } }))) },
  "POST /api/v1/calendar": { input: "none", setup: async (pool) => {
    const owner = await pool.user("owner");
    return { client: owner.api, path: "/api/v1/calendar", snapshot: () => read(owner.api, "/api/v1/calendar") };
  } },
  "POST /api/v1/endorsements": { input: "json", setup: async (pool) => {
    const owner = await pool.user("owner");
    const other = await pool.user("other");
    const { id } = await workspace(owner, other);
    const body = { subject: other.account.handle, context: { type: "workspace", id }, rating: 4, skills: [{ skill: "etching", score: 5 }], text: "Generous and precise.", privateNote: "Would work again." };
    return { client: owner.api, path: "/api/v1/endorsements", body, snapshot: () => read(owner.api, `/api/v1/profiles/${other.account.handle}/endorsements`) };
  } },
  "POST /api/v1/endorsements/[id]/reply": { input: "json", setup: (pool) => mine("/api/v1/endorsements/no-such-endorsement/reply")(pool, { text: "Thank you." }) },
  "POST /api/v1/endorsements/[id]/report": { input: "json", setup: (pool) => mine("/api/v1/endorsements/no-such-endorsement/report")(pool, { reason: "Not true." }) },
  "POST /api/v1/follows": { input: "json", setup: (pool) => aboutSomeone(pool, "followee", () => "/api/v1/follows", (handle) => ({ handle })) },
  "DELETE /api/v1/follows/[handle]": { input: "none", setup: (pool) => aboutSomeone(pool, "unfollowee", (h) => `/api/v1/follows/${h}`, () => undefined, async (o, handle) => created(await o.api.post("/api/v1/follows", { data: { handle } }))) },
  "POST /api/v1/matches/dismiss": { input: "json", setup: async (pool) => {
    const owner = await pool.user("owner");
    const { handle } = (await pool.user("other")).account;
    const listed = async () => ((await read(owner.api, "/api/v1/matches?limit=100")).body as { items: { profile: { handle: string } }[] }).items.some((m) => m.profile.handle === handle);
    return { client: owner.api, path: "/api/v1/matches/dismiss", body: { handle, reason: "not_now" }, snapshot: async () => ({ listed: await listed() }) };
  } },
  "POST /api/v1/opportunities": { input: "json", setup: async (pool) => {
    const owner = await pool.user("owner");
    return { client: owner.api, path: "/api/v1/opportunities", body: opportunityBody, snapshot: () => read(owner.api, "/api/v1/opportunities?owner=me&status=any&limit=100") };
  } },
  "PATCH /api/v1/opportunities/[id]": { input: "json", setup: (pool) => onPosting(pool, "", { ...opportunityBody, title: "Renamed call" }) },
  "DELETE /api/v1/opportunities/[id]": { input: "none", setup: (pool) => onPosting(pool, "") },
  "POST /api/v1/opportunities/[id]/applications": { input: "json", fresh: true, setup: (pool) => onPosting(pool, "/applications", { message: "I would like to apply.", artworkIds: [] }, "other") },
  "DELETE /api/v1/opportunities/[id]/applications/me": { input: "none", setup: async (pool) => {
    const target = await onPosting(pool, "/applications/me", undefined, "other");
    await created(await target.client.post(target.path.replace(/\/me$/, ""), { data: { message: "Applying first." } }));
    return target;
  } },
  "POST /api/v1/opportunities/[id]/attachments": { input: "multipart", setup: (pool) => onPosting(pool, "/attachments", {}) },
  "DELETE /api/v1/opportunities/[id]/attachments/[attachmentId]": { input: "none", setup: async (pool) => {
    const target = await onPosting(pool, "/attachments");
    const form = new FormData();
    form.append("file", new File([new Uint8Array(await pool.image)], "a.png", { type: "image/png" }));
    const { id } = await created(await target.client.post(target.path, { multipart: form }));
    return { ...target, path: `${target.path}/${id}` };
  } },
  "PUT /api/v1/opportunities/[id]/save": { input: "none", setup: (pool) => onPosting(pool, "/save") },
  "DELETE /api/v1/opportunities/[id]/save": { input: "none", setup: (pool) => onPosting(pool, "/save") },
  "POST /api/v1/profiles/me/avatar": { input: "multipart", setup: (pool) => mine("/api/v1/profiles/me/avatar")(pool, {}) },
  "DELETE /api/v1/profiles/me/avatar": { input: "none", setup: async (pool) => {
    const target = await mine("/api/v1/profiles/me/avatar")(pool);
    const form = new FormData();
    form.append("file", new File([new Uint8Array(await pool.image)], "a.png", { type: "image/png" }));
    await created(await target.client.post(target.path, { multipart: form }));
    return target;
  } },
  "PATCH /api/v1/profiles/me": { input: "json", setup: (pool) => mine("/api/v1/profiles/me")(pool, profileBody) },
  "POST /api/v1/workspaces": { input: "json", setup: async (pool) => {
    const owner = await pool.user("owner");
    const { handle } = (await pool.user("other")).account;
    return { client: owner.api, path: "/api/v1/workspaces", body: { name: "Night drawing", sessionType: "group", invite: [handle] }, snapshot: () => read(owner.api, "/api/v1/workspaces") };
  } },
  "POST /api/v1/workspaces/[id]/invitations": { input: "json", setup: async (pool) => onWorkspace(pool, "/invitations", { handle: (await pool.user("invitee")).account.handle }) },
  "POST /api/v1/workspaces/[id]/token": { input: "json", setup: (pool) => onWorkspace(pool, "/token", { mode: "spectate" }) },
  "POST /api/v1/workspaces/[id]/final-artwork": { input: "json", setup: (pool) => onWorkspace(pool, "/final-artwork", { title: "Our harbour" }) },
  "POST /api/v1/workspaces/[id]/end": { input: "none", setup: (pool) => onWorkspace(pool, "/end") },
};
