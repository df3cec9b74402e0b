import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInClient } from "./support/api";

// API.md's Profile fields, plus avatarUrl and visibility (added, nothing renamed).
const PROFILE_KEYS = [
  "artworks", "avatarUrl", "bio", "createdAt", "displayName", "handle", "headline", "id", "kind", "links",
  "openToCollaboration", "region", "skills", "stats", "tags", "visibility",
].sort();

const clients: APIRequestContext[] = [];
async function person(baseURL: string) {
  const client = await signedInClient(baseURL);
  clients.push(client.api);
  return client;
}
test.afterAll(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

test.describe("profiles API", () => {
  test("GET a profile: 200 with the Profile shape to anyone, 404 for unknown handles; /me needs a session", async ({ baseURL, request }) => {
    const owner = await person(baseURL!);
    const response = await request.get(`/api/v1/profiles/${owner.account.handle}`);
    expect(response.status()).toBe(200);
    const profile = await response.json();
    expect(Object.keys(profile).sort()).toEqual(PROFILE_KEYS);
    expect(profile).toMatchObject({
      handle: owner.account.handle,
      displayName: owner.account.displayName,
      kind: "creator",
      skills: [],
      tags: [],
      links: [],
      artworks: [],
      stats: { followers: 0, following: 0, endorsements: 0, averageRating: null },
    });
    expect(new Date(profile.createdAt).toISOString()).toBe(profile.createdAt);

    const unknown = await request.get("/api/v1/profiles/no-such-person-here");
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    expect((await request.get("/api/v1/profiles/me")).status()).toBe(401);
    const mine = await owner.api.get("/api/v1/profiles/me");
    expect(mine.status()).toBe(200);
    expect((await mine.json()).id).toBe(profile.id);
  });

  test("PATCH /me: 401 anonymous, 400 malformed, 415 not JSON, 422 naming fields with nothing changed, 200 Profile", async ({ baseURL, request }) => {
    const owner = await person(baseURL!);
    expect((await request.patch("/api/v1/profiles/me", { data: { headline: "x" } })).status()).toBe(401);

    const malformed = await owner.api.patch("/api/v1/profiles/me", { headers: { "content-type": "application/json" }, data: Buffer.from('{"headline": "x",') });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe("bad_request");
    expect((await owner.api.patch("/api/v1/profiles/me", { form: { headline: "x" } })).status()).toBe(415);

    const before = await (await owner.api.get("/api/v1/profiles/me")).json();
    const invalid = await owner.api.patch("/api/v1/profiles/me", {
      data: { headline: "Saved?", bio: "y".repeat(4001), links: [{ label: "Click", url: "javascript:alert(1)" }], handle: "new-handle" },
    });
    expect(invalid.status()).toBe(422);
    const error = (await invalid.json()).error;
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields).sort()).toEqual(["bio", "handle", "links.0.url"]);
    expect(await (await owner.api.get("/api/v1/profiles/me")).json()).toEqual(before);

    const patched = await owner.api.patch("/api/v1/profiles/me", {
      data: {
        displayName: "Iris Kessler",
        headline: "Cyanotypes and field notes",
        bio: "Line one\nLine two",
        skills: ["cyanotype", "Cyanotype", "bookbinding"],
        tags: ["Botany", "light"],
        region: "Ghent, BE",
        links: [{ label: "Portfolio", url: "https://iris.example/" }],
        openToCollaboration: true,
      },
    });
    expect(patched.status()).toBe(200);
    const profile = await patched.json();
    expect(Object.keys(profile).sort()).toEqual(PROFILE_KEYS);
    expect(profile).toMatchObject({
      id: before.id,
      handle: owner.account.handle,
      displayName: "Iris Kessler",
      headline: "Cyanotypes and field notes",
      bio: "Line one\nLine two",
      skills: ["cyanotype", "bookbinding"],
      tags: ["botany", "light"],
      region: "Ghent, BE",
      links: [{ label: "Portfolio", url: "https://iris.example/" }],
      openToCollaboration: true,
      avatarUrl: null,
      visibility: "public",
    });
    expect(await (await request.get(`/api/v1/profiles/${owner.account.handle}`)).json()).toEqual(profile);
  });

  test("a hidden profile is 404 to others and still the owner's own", async ({ baseURL, request }) => {
    const owner = await person(baseURL!);
    const other = await person(baseURL!);
    // The public page is cached across requests: the PATCH must expire it.
    expect((await request.get(`/profile/${owner.account.handle}`)).status()).toBe(200);
    expect((await owner.api.patch("/api/v1/profiles/me", { data: { visibility: "hidden" } })).status()).toBe(200);
    expect((await request.get(`/profile/${owner.account.handle}`)).status()).toBe(404);
    expect((await request.get(`/api/v1/profiles/${owner.account.handle}`)).status()).toBe(404);
    expect((await other.api.get(`/api/v1/profiles/${owner.account.handle}`)).status()).toBe(404);
    expect((await other.api.post("/api/v1/follows", { data: { handle: owner.account.handle } })).status()).toBe(404);
    expect((await owner.api.get(`/api/v1/profiles/${owner.account.handle}`)).status()).toBe(200);
  });

  test("follows: 201, then 200, counted on the profile; 204 to unfollow; 401, 404 and 422 refusals", async ({ baseURL, request }) => {
    const fan = await person(baseURL!);
    const artist = await person(baseURL!);
    const first = await fan.api.post("/api/v1/follows", { data: { handle: artist.account.handle } });
    expect(first.status()).toBe(201);
    expect(await first.json()).toEqual({ following: true });
    const again = await fan.api.post("/api/v1/follows", { data: { handle: artist.account.handle.toUpperCase() } });
    expect(again.status()).toBe(200);
    expect(await again.json()).toEqual({ following: true });
    expect((await (await request.get(`/api/v1/profiles/${artist.account.handle}`)).json()).stats.followers).toBe(1);

    expect((await request.post("/api/v1/follows", { data: { handle: artist.account.handle } })).status()).toBe(401);
    expect((await fan.api.post("/api/v1/follows", { data: { handle: "no-such-person-here" } })).status()).toBe(404);
    const self = await fan.api.post("/api/v1/follows", { data: { handle: fan.account.handle } });
    expect(self.status()).toBe(422);
    expect(Object.keys((await self.json()).error.fields)).toEqual(["handle"]);
    expect((await fan.api.post("/api/v1/follows", { data: { handle: "x" } })).status()).toBe(422);
    expect((await fan.api.post("/api/v1/follows", { headers: { "content-type": "application/json" }, data: Buffer.from("{") })).status()).toBe(400);

    expect((await fan.api.delete(`/api/v1/follows/${artist.account.handle}`)).status()).toBe(204);
    expect((await fan.api.delete(`/api/v1/follows/${artist.account.handle}`)).status()).toBe(204);
    expect((await (await request.get(`/api/v1/profiles/${artist.account.handle}`)).json()).stats.followers).toBe(0);
    expect((await request.delete(`/api/v1/follows/${artist.account.handle}`)).status()).toBe(401);
  });

  test("blocks: 201, hide both people from each other, remove follows both ways; 204 to unblock", async ({ baseURL }) => {
    const blocker = await person(baseURL!);
    const blocked = await person(baseURL!);
    expect((await blocker.api.post("/api/v1/follows", { data: { handle: blocked.account.handle } })).status()).toBe(201);
    expect((await blocked.api.post("/api/v1/follows", { data: { handle: blocker.account.handle } })).status()).toBe(201);

    const created = await blocker.api.post("/api/v1/blocks", { data: { handle: blocked.account.handle } });
    expect(created.status()).toBe(201);
    expect(await created.json()).toEqual({ blocking: true });
    expect((await blocked.api.get(`/api/v1/profiles/${blocker.account.handle}`)).status()).toBe(404);
    expect((await blocker.api.get(`/api/v1/profiles/${blocked.account.handle}`)).status()).toBe(404);
    expect((await blocked.api.post("/api/v1/follows", { data: { handle: blocker.account.handle } })).status()).toBe(404);
    expect((await (await blocker.api.get("/api/v1/profiles/me")).json()).stats).toMatchObject({ followers: 0, following: 0 });
    expect((await (await blocked.api.get("/api/v1/profiles/me")).json()).stats).toMatchObject({ followers: 0, following: 0 });
    expect((await blocker.api.post("/api/v1/blocks", { data: { handle: blocker.account.handle } })).status()).toBe(422);

    expect((await blocker.api.delete(`/api/v1/blocks/${blocked.account.handle}`)).status()).toBe(204);
    expect((await blocked.api.get(`/api/v1/profiles/${blocker.account.handle}`)).status()).toBe(200);
  });
});
