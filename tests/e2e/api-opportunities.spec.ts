import { expect, request, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { signedInClient } from "./support/api";

const DAY = 24 * 60 * 60 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), Buffer.alloc(4000, 0x20), Buffer.from("\n%%EOF\n")]);

const OPPORTUNITY_KEYS = [
  "applicantCount", "attachments", "compensation", "createdAt", "deadline", "description", "endsAt", "entryFee", "fairCall", "id", "kind",
  "location", "owner", "region", "selected", "startsAt", "status", "tags", "title", "updatedAt", "url",
].sort();

const posting = (overrides: Record<string, unknown> = {}) => ({
  title: "Tidal printmaking residency",
  kind: "residency",
  description: "Six weeks by the estuary, with a press and a stipend.",
  tags: ["printmaking", "estuary"],
  region: "Aveiro, PT",
  location: null,
  startsAt: inDays(40),
  endsAt: inDays(82),
  deadline: inDays(14),
  compensation: { paid: true, amount: 1800, currency: "EUR" },
  entryFee: null,
  url: "https://example.org/tidal",
  ...overrides,
});

function fileForm(bytes: Buffer, name: string, type = "application/pdf") {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name, { type }));
  return form;
}

const uploadAttachment = (api: APIRequestContext, id: string, bytes: Buffer, name: string, type?: string) =>
  api.post(`/api/v1/opportunities/${id}/attachments`, { multipart: fileForm(bytes, name, type) });

test.describe("opportunities API", () => {
  test("create, read, search, edit, delete: every documented answer", async ({ baseURL, playwright }) => {
    const owner = await signedInClient(baseURL!, { kind: "diffuser" });
    const other = await signedInClient(baseURL!);
    const anonymous = await playwright.request.newContext({ baseURL });

    expect((await anonymous.post("/api/v1/opportunities", { data: posting() })).status()).toBe(401);
    const invalid = await owner.api.post("/api/v1/opportunities", { data: posting({ startsAt: inDays(30), endsAt: inDays(10), kind: "gig" }) });
    expect(invalid.status()).toBe(422);
    const invalidBody = await invalid.json();
    expect(invalidBody.error.code).toBe("validation_failed");
    expect(Object.keys(invalidBody.error.fields).sort()).toEqual(["endsAt", "kind"]);
    const malformed = await owner.api.post("/api/v1/opportunities", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe("bad_request");
    expect((await owner.api.post("/api/v1/opportunities", { headers: { "content-type": "text/plain" }, data: "hello" })).status()).toBe(415);

    const created = await owner.api.post("/api/v1/opportunities", { data: posting() });
    expect(created.status()).toBe(201);
    const o = await created.json();
    expect(Object.keys(o).sort()).toEqual(OPPORTUNITY_KEYS);
    expect(o).toMatchObject({ status: "open", owner: owner.account.handle, tags: ["estuary", "printmaking"], entryFee: null, applicantCount: 0, fairCall: { level: "fair" } });
    expect(new Date(o.createdAt).toISOString()).toBe(o.createdAt);

    const read = await anonymous.get(`/api/v1/opportunities/${o.id}`);
    expect(read.status()).toBe(200);
    const publicView = await read.json();
    expect(publicView).not.toHaveProperty("applicantCount");
    expect(publicView.title).toBe(o.title);
    expect((await anonymous.get("/api/v1/opportunities/no-such-id")).status()).toBe(404);

    const search = await anonymous.get(`/api/v1/opportunities?q=printmkaing&kind=residency&tag=estuary&region=aveiro&from=${inDays(50).slice(0, 10)}&paid=true&noEntryFee=true&sort=deadline`);
    expect(search.status()).toBe(200);
    const found = await search.json();
    expect(found).toHaveProperty("nextCursor");
    expect(found.items.map((x: { id: string }) => x.id)).toContain(o.id);
    expect((await anonymous.get("/api/v1/opportunities?sort=popular")).status()).toBe(422);
    expect((await anonymous.get("/api/v1/opportunities?limit=0")).status()).toBe(422);

    expect((await other.api.patch(`/api/v1/opportunities/${o.id}`, { data: { title: "Hijacked" } })).status()).toBe(403);
    expect((await anonymous.patch(`/api/v1/opportunities/${o.id}`, { data: { title: "Hijacked" } })).status()).toBe(401);
    const edited = await owner.api.patch(`/api/v1/opportunities/${o.id}`, { data: { title: "Tidal print residency", entryFee: { amount: 20, currency: "EUR" } } });
    expect(edited.status()).toBe(200);
    expect(await edited.json()).toMatchObject({ title: "Tidal print residency", entryFee: { amount: 20, currency: "EUR" }, fairCall: { level: "caution" } });
    expect((await owner.api.patch(`/api/v1/opportunities/${o.id}`, { data: { endsAt: inDays(1) } })).status()).toBe(422);

    expect((await other.api.delete(`/api/v1/opportunities/${o.id}`)).status()).toBe(403);
    expect((await owner.api.delete(`/api/v1/opportunities/${o.id}`)).status()).toBe(204);
    expect((await anonymous.get(`/api/v1/opportunities/${o.id}`)).status()).toBe(404);

    for (const client of [owner.api, other.api, anonymous]) await client.dispose();
  });

  test("lifecycle and applications: transitions, 409s, owner-only lists, one application each", async ({ baseURL }) => {
    const owner = await signedInClient(baseURL!, { kind: "diffuser" });
    const artist = await signedInClient(baseURL!);
    const late = await signedInClient(baseURL!);
    const png = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#4a7" } }).png().toBuffer();
    const artwork = await (await artist.api.post("/api/v1/artworks", { multipart: (() => { const f = fileForm(png, "a.png", "image/png"); f.append("title", "Estuary"); return f; })() })).json();
    const o = await (await owner.api.post("/api/v1/opportunities", { data: posting() })).json();
    const patch = (data: unknown) => owner.api.patch(`/api/v1/opportunities/${o.id}`, { data });
    const apply = (api: APIRequestContext, data: unknown) => api.post(`/api/v1/opportunities/${o.id}/applications`, { data });

    expect((await apply(owner.api, { message: "Me" })).status()).toBe(403);
    expect((await apply(artist.api, { message: "" })).status()).toBe(422);
    const applied = await apply(artist.api, { message: "I print with river water.", artworkIds: [artwork.id] });
    expect(applied.status()).toBe(201);
    expect(await applied.json()).toMatchObject({ applicant: artist.account.handle, artworks: [{ id: artwork.id }] });
    expect((await apply(artist.api, { message: "Again" })).status()).toBe(409);
    // Withdrawing: only one's own, then applying again is possible.
    const withdraw = (api: APIRequestContext) => api.delete(`/api/v1/opportunities/${o.id}/applications/me`);
    expect((await withdraw(late.api)).status()).toBe(404);
    const anonymous = await request.newContext({ baseURL });
    expect((await withdraw(anonymous)).status()).toBe(401);
    await anonymous.dispose();
    expect((await withdraw(artist.api)).status()).toBe(204);
    expect((await apply(artist.api, { message: "I print with river water.", artworkIds: [artwork.id] })).status()).toBe(201);

    const listed = await owner.api.get(`/api/v1/opportunities/${o.id}/applications`);
    expect(listed.status()).toBe(200);
    expect((await listed.json()).items.map((a: { applicant: string }) => a.applicant)).toEqual([artist.account.handle]);
    expect((await artist.api.get(`/api/v1/opportunities/${o.id}/applications`)).status()).toBe(403);

    expect((await patch({ status: "closed" })).status()).toBe(200);
    expect((await apply(late.api, { message: "Too late?" })).status()).toBe(409);
    expect((await patch({ status: "open" })).status()).toBe(200);
    expect((await patch({ status: "filled" })).status()).toBe(422); // filledBy required
    expect((await patch({ status: "filled", filledBy: [late.account.handle] })).status()).toBe(422); // did not apply
    expect((await artist.api.patch(`/api/v1/opportunities/${o.id}`, { data: { status: "filled", filledBy: [artist.account.handle] } })).status()).toBe(403);
    const filled = await patch({ status: "filled", filledBy: [artist.account.handle] });
    expect(filled.status()).toBe(200);
    expect(await filled.json()).toMatchObject({ status: "filled", selected: [artist.account.handle] });
    for (const status of ["open", "closed"]) expect((await patch({ status })).status(), status).toBe(409);
    expect((await withdraw(artist.api)).status()).toBe(409); // the selection stands
    expect((await patch({ status: "filled", filledBy: [artist.account.handle] })).status()).toBe(409);
    expect((await artist.api.get(`/api/v1/opportunities/${o.id}`)).ok()).toBe(true);
    expect((await (await artist.api.get(`/api/v1/opportunities/${o.id}`)).json()).status).toBe("filled");

    const mine = await (await owner.api.get("/api/v1/opportunities?owner=me")).json();
    expect(mine.items.find((x: { id: string }) => x.id === o.id)).toMatchObject({ applicantCount: 1, status: "filled" });
    for (const client of [owner.api, artist.api, late.api]) await client.dispose();
  });

  test("a posting reads as closed once its deadline passes, with no job", async ({ baseURL }) => {
    const owner = await signedInClient(baseURL!);
    const artist = await signedInClient(baseURL!);
    const o = await (await owner.api.post("/api/v1/opportunities", { data: posting({ title: "Closes in seconds", deadline: new Date(Date.now() + 3000).toISOString() }) })).json();
    expect(o.status).toBe("open");
    await expect.poll(async () => (await (await artist.api.get(`/api/v1/opportunities/${o.id}`)).json()).status, { timeout: 15_000 }).toBe("closed");
    const openList = await (await artist.api.get("/api/v1/opportunities?q=closes+in+seconds&limit=100")).json();
    expect(openList.items.map((x: { id: string }) => x.id)).not.toContain(o.id);
    expect((await artist.api.post(`/api/v1/opportunities/${o.id}/applications`, { data: { message: "Hi" } })).status()).toBe(409);
    await owner.api.dispose();
    await artist.api.dispose();
  });

  test("attachments by bytes with size cap, downloads, saves and the calendar feed", async ({ baseURL, playwright }) => {
    const owner = await signedInClient(baseURL!);
    const other = await signedInClient(baseURL!);
    const anonymous = await playwright.request.newContext({ baseURL });
    const o = await (await owner.api.post("/api/v1/opportunities", { data: posting({ title: "Calendar; call, with \\ marks" }) })).json();

    const uploaded = await uploadAttachment(owner.api, o.id, PDF, "Brief 2027.pdf");
    expect(uploaded.status()).toBe(201);
    const attachment = await uploaded.json();
    expect(Object.keys(attachment).sort()).toEqual(["contentType", "filename", "id", "size", "url"]);
    expect(attachment).toMatchObject({ filename: "Brief 2027.pdf", contentType: "application/pdf", size: PDF.length });
    const download = await anonymous.get(attachment.url);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="Brief 2027\.pdf"/);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(Buffer.compare(await download.body(), PDF)).toBe(0);

    expect((await uploadAttachment(owner.api, o.id, Buffer.from("#!/bin/sh\necho pwned\n"), "brief.pdf")).status()).toBe(415);
    expect((await uploadAttachment(owner.api, o.id, Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]), "big.pdf")).status()).toBe(413);
    expect((await uploadAttachment(other.api, o.id, PDF, "x.pdf")).status()).toBe(403);
    expect((await uploadAttachment(anonymous, o.id, PDF, "x.pdf")).status()).toBe(401);
    expect((await (await anonymous.get(`/api/v1/opportunities/${o.id}`)).json()).attachments).toHaveLength(1);

    expect((await anonymous.put(`/api/v1/opportunities/${o.id}/save`)).status()).toBe(401);
    expect((await other.api.put(`/api/v1/opportunities/${o.id}/save`)).status()).toBe(204);
    expect((await other.api.put("/api/v1/opportunities/missing/save")).status()).toBe(404);
    expect((await anonymous.get("/api/v1/calendar")).status()).toBe(401);
    const { url } = await (await other.api.get("/api/v1/calendar")).json();
    expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await anonymous.get(new URL(url).pathname);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const text = await feed.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n /g, "")).toContain(`UID:opportunity-${o.id}-deadline@kontact`);
    expect(text.replace(/\r\n /g, "")).toContain("SUMMARY:Deadline: Calendar\\; call\\, with \\\\ marks");
    expect((await anonymous.get(new URL(url).pathname.replace(/\.ics$/, ""))).status()).toBe(200);

    expect((await other.api.delete(`/api/v1/opportunities/${o.id}/save`)).status()).toBe(204);
    expect(await (await anonymous.get(new URL(url).pathname)).text()).not.toContain("BEGIN:VEVENT");
    const rotated = await other.api.post("/api/v1/calendar");
    expect(rotated.status()).toBe(200);
    expect((await rotated.json()).url).not.toBe(url);
    expect((await anonymous.get(new URL(url).pathname)).status()).toBe(404);
    for (const client of [owner.api, other.api, anonymous]) await client.dispose();
  });

  test("writes are rate limited per user (429 with retry-after)", async ({ baseURL }) => {
    const { api } = await signedInClient(baseURL!);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await api.post("/api/v1/opportunities", { data: posting({ title: `Flood ${i}` }) })).status());
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(201));
    const refused = await api.post("/api/v1/opportunities", { data: posting({ title: "One too many" }) });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate_limited");
    await api.dispose();
  });
});
