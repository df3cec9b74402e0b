import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { profiles, profileTag, tag } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  block,
  buildSearchDocument,
  canView,
  follow,
  getProfile,
  getProfileByHandle,
  setAvatarFile,
  updateProfile,
  viewableProfileCondition,
  type Actor,
} from "@/lib/services/professional_profile";
import { createTestDb } from "../support/db";
import { createUser } from "../support/factories";

let handle: DbHandle;

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

/** Everything an update may touch for one user: the row, its tag links and the shared tag table. */
async function snapshot(userId: string) {
  const [row] = await handle.db.select().from(profiles).where(eq(profiles.userId, userId));
  const links = await handle.db.select().from(profileTag).where(eq(profileTag.userId, userId)).orderBy(profileTag.tagId);
  const [tags] = await handle.db.select({ n: count() }).from(tag);
  return { row, links, tags: tags!.n };
}

describe("reading profiles", () => {
  it("returns the API.md Profile shape to anyone for a public profile", async () => {
    const owner = await createUser(handle.db, { kind: "diffuser" });
    const profile = await getProfile(handle.db, null, owner.handle.toUpperCase());
    expect(profile).toEqual({
      id: owner.id,
      handle: owner.handle,
      displayName: expect.any(String),
      kind: "diffuser",
      headline: "",
      bio: "",
      skills: [],
      tags: [],
      region: "",
      links: [],
      openToCollaboration: false,
      avatarUrl: null,
      visibility: "public",
      artworks: [],
      stats: { followers: 0, following: 0, endorsements: 0, averageRating: null, verifiedCoCreations: 0 },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
    });
    expect((await refusal(getProfile(handle.db, null, "no-such-person"))).code).toBe("not_found");
    expect((await refusal(getProfile(handle.db, null, "../etc"))).code).toBe("not_found");
  });

  it("hides a hidden profile from everyone but its owner, in every reader", async () => {
    const owner = await createUser(handle.db);
    const other = await createUser(handle.db);
    await updateProfile(handle.db, owner, { visibility: "hidden" });
    expect((await getProfile(handle.db, owner, owner.handle)).visibility).toBe("hidden");
    expect((await getProfileByHandle(handle.db, owner, owner.handle)).id).toBe(owner.id);
    for (const viewer of [null, other]) {
      expect((await refusal(getProfile(handle.db, viewer, owner.handle))).code).toBe("not_found");
      expect((await refusal(getProfileByHandle(handle.db, viewer, owner.handle))).code).toBe("not_found");
    }
    expect((await refusal(follow(handle.db, other, owner.handle))).code).toBe("not_found");
    expect((await refusal(block(handle.db, other, owner.handle))).code).toBe("not_found");
  });

  it("shows a members-only profile to signed-in people only", async () => {
    const owner = await createUser(handle.db);
    const member = await createUser(handle.db);
    await updateProfile(handle.db, owner, { visibility: "members" });
    expect((await refusal(getProfile(handle.db, null, owner.handle))).code).toBe("not_found");
    expect((await getProfile(handle.db, member, owner.handle)).id).toBe(owner.id);
  });

  it("applies one rule in canView and in the list condition", async () => {
    const viewer = await createUser(handle.db);
    const pub = await createUser(handle.db);
    const members = await createUser(handle.db);
    const hidden = await createUser(handle.db);
    const blocker = await createUser(handle.db);
    await updateProfile(handle.db, members, { visibility: "members" });
    await updateProfile(handle.db, hidden, { visibility: "hidden" });
    await block(handle.db, blocker, viewer.handle);
    const ids = [viewer, pub, members, hidden, blocker].map((u) => u.id);
    const listed = async (actor: Actor) =>
      (await handle.db.select({ id: profiles.userId }).from(profiles).where(viewableProfileCondition(actor)))
        .map((r) => r.id)
        .filter((id) => ids.includes(id))
        .sort();
    expect(await listed(null)).toEqual([viewer.id, pub.id, blocker.id].sort());
    expect(await listed(viewer)).toEqual([viewer.id, pub.id, members.id].sort());
    expect(await listed(hidden)).toEqual([viewer.id, pub.id, members.id, hidden.id, blocker.id].sort());
    expect(canView(null, pub.id, "public", false)).toBe(true);
    expect(canView(null, pub.id, "members", false)).toBe(false);
    expect(canView(viewer, pub.id, "members", false)).toBe(true);
    expect(canView(viewer, pub.id, "public", true)).toBe(false);
    expect(canView(viewer, pub.id, "hidden", false)).toBe(false);
    expect(canView(pub, pub.id, "hidden", true)).toBe(true);
  });
});

describe("updating profiles", () => {
  it("updates only the actor's own profile and answers the full profile", async () => {
    const owner = await createUser(handle.db);
    const other = await createUser(handle.db);
    const otherBefore = await snapshot(other.id);
    const updated = await updateProfile(handle.db, owner, {
      displayName: "  Ana   Ribeiro ",
      headline: "Ceramics\nand sound",
      bio: "First line\r\nSecond\u0007 line\twith tab\n\nThird",
      skills: [" Ceramics ", "sound art", "ceramics", "SOUND ART", "Kiln building"],
      tags: ["Clay", "clay", "field recording"],
      region: "Porto, PT",
      links: [{ label: "Site", url: "https://ana.example/work" }],
      openToCollaboration: true,
      kind: "diffuser",
    });
    expect(updated).toMatchObject({
      id: owner.id,
      displayName: "Ana Ribeiro",
      headline: "Ceramics and sound",
      bio: "First line\nSecond line\twith tab\n\nThird",
      skills: ["Ceramics", "sound art", "Kiln building"],
      tags: ["clay", "field recording"],
      region: "Porto, PT",
      links: [{ label: "Site", url: "https://ana.example/work" }],
      openToCollaboration: true,
      kind: "diffuser",
    });
    const otherAfter = await snapshot(other.id);
    expect([otherAfter.row, otherAfter.links]).toEqual([otherBefore.row, otherBefore.links]);
  });

  it("refuses anonymous updates and attempts to name another profile, changing nothing", async () => {
    const owner = await createUser(handle.db);
    const intruder = await createUser(handle.db);
    const before = await snapshot(owner.id);
    const intruderBefore = await snapshot(intruder.id);
    expect((await refusal(updateProfile(handle.db, null, { displayName: "Hijacked" }))).code).toBe("unauthorized");
    for (const body of [{ handle: owner.handle, displayName: "Hijacked" }, { userId: owner.id, displayName: "Hijacked" }]) {
      const error = await refusal(updateProfile(handle.db, intruder, body));
      expect(error.code).toBe("validation_failed");
      expect(Object.keys(error.fields ?? {})).toEqual([Object.keys(body)[0]]);
    }
    expect(await snapshot(owner.id)).toEqual(before);
    expect(await snapshot(intruder.id)).toEqual(intruderBefore);
  });

  const long = (n: number) => "x".repeat(n);
  const invalid: [string, Record<string, unknown>, string][] = [
    ["empty name", { displayName: "   " }, "displayName"],
    ["long name", { displayName: long(81) }, "displayName"],
    ["name not text", { displayName: 42 }, "displayName"],
    ["long headline", { headline: long(141) }, "headline"],
    ["long bio", { bio: long(4001) }, "bio"],
    ["too many skills", { skills: Array.from({ length: 31 }, (_, i) => `skill ${i}`) }, "skills"],
    ["empty skill", { skills: ["painting", " "] }, "skills.1"],
    ["long skill", { skills: [long(41)] }, "skills.0"],
    ["skills not a list", { skills: "painting" }, "skills"],
    ["too many tags", { tags: Array.from({ length: 21 }, (_, i) => `tag ${i}`) }, "tags"],
    ["tag with symbols", { tags: ["ok", "no_way!"] }, "tags.1"],
    ["long tag", { tags: [long(41)] }, "tags.0"],
    ["long region", { region: long(81) }, "region"],
    ["too many links", { links: Array.from({ length: 11 }, (_, i) => ({ label: `l${i}`, url: `https://e.example/${i}` })) }, "links"],
    ["javascript link", { links: [{ label: "x", url: "javascript:alert(1)" }] }, "links.0.url"],
    ["javascript link, mixed case", { links: [{ label: "x", url: " JavaScript:alert(document.cookie)" }] }, "links.0.url"],
    ["data link", { links: [{ label: "x", url: "data:text/html,<script>alert(1)</script>" }] }, "links.0.url"],
    ["ftp link", { links: [{ label: "x", url: "ftp://files.example/a" }] }, "links.0.url"],
    ["relative link", { links: [{ label: "x", url: "/profile/demo" }] }, "links.0.url"],
    ["long link", { links: [{ label: "x", url: `https://e.example/${long(2000)}` }] }, "links.0.url"],
    ["empty label", { links: [{ label: "", url: "https://e.example" }] }, "links.0.label"],
    ["extra link key", { links: [{ label: "x", url: "https://e.example", onclick: "x" }] }, "links.0.onclick"],
    ["flag not boolean", { openToCollaboration: "yes" }, "openToCollaboration"],
    ["unknown visibility", { visibility: "secret" }, "visibility"],
    ["unknown kind", { kind: "painter" }, "kind"],
    ["unknown field", { avatarFile: "../../etc/passwd" }, "avatarFile"],
  ];

  describe("every invalid field", () => {
    let owner: { id: string; handle: string };
    beforeAll(async () => {
      owner = await createUser(handle.db);
      await updateProfile(handle.db, owner, { displayName: "Before", tags: ["before"], links: [{ label: "Old", url: "https://old.example" }] });
    });

    it.each(invalid)("refuses %s with 422 naming the field, and changes nothing", async (_name, bad, field) => {
      const before = await snapshot(owner.id);
      // A valid change alongside the invalid one must not be applied either.
      const error = await refusal(updateProfile(handle.db, owner, { headline: "Should not be saved", tags: ["brand-new-tag"], ...bad }));
      expect(error.code).toBe("validation_failed");
      expect(error.status).toBe(422);
      expect(Object.keys(error.fields ?? {})).toContain(field);
      expect(await snapshot(owner.id)).toEqual(before);
    });
  });

  it("refuses a body that is not an object", async () => {
    const owner = await createUser(handle.db);
    for (const body of [null, [], "displayName", 3]) {
      expect((await refusal(updateProfile(handle.db, owner, body))).fields).toHaveProperty("_");
    }
  });

  it("shares tags through the tag table and replaces a person's links to them", async () => {
    const a = await createUser(handle.db);
    const b = await createUser(handle.db);
    await updateProfile(handle.db, a, { tags: ["shared-clay", "only a"] });
    await updateProfile(handle.db, b, { tags: ["Shared-Clay"] });
    const rows = await handle.db.select().from(tag).where(sql`${tag.name} in ('shared-clay', 'only a')`);
    expect(rows.map((r) => r.name).sort()).toEqual(["only a", "shared-clay"]);
    const clay = rows.find((r) => r.name === "shared-clay")!.id;
    const linked = await handle.db.select({ userId: profileTag.userId }).from(profileTag).where(eq(profileTag.tagId, clay));
    expect(linked.map((r) => r.userId).sort()).toEqual([a.id, b.id].sort());
    expect((await updateProfile(handle.db, a, { tags: ["other"] })).tags).toEqual(["other"]);
    expect((await getProfile(handle.db, null, b.handle)).tags).toEqual(["shared-clay"]);
    expect((await updateProfile(handle.db, a, { tags: [] })).tags).toEqual([]);
  });

  it("keeps search_document (and so search_vector) in step with every update", async () => {
    const owner = await createUser(handle.db, { displayName: "Mara Quill" });
    const doc = async () => (await handle.db.select({ d: profiles.searchDocument }).from(profiles).where(eq(profiles.userId, owner.id)))[0]!.d;
    await updateProfile(handle.db, owner, { headline: "Glass and light", skills: ["glassblowing"], tags: ["luminous"] });
    expect(await doc()).toBe(buildSearchDocument({ displayName: "Mara Quill", handle: owner.handle, headline: "Glass and light", bio: "", skills: ["glassblowing"], tags: ["luminous"] }));
    await updateProfile(handle.db, owner, { bio: "Works at night with neon." });
    const text = await doc();
    expect(text).toContain("luminous");
    expect(text).toContain("neon");
    const matches = await handle.db
      .select({ id: profiles.userId })
      .from(profiles)
      .where(sql`${profiles.searchVector} @@ to_tsquery('simple', 'neon & glassblowing & luminous')`);
    expect(matches.map((m) => m.id)).toEqual([owner.id]);
  });

  it("sets and clears the avatar, returning the previous file", async () => {
    const owner = await createUser(handle.db);
    expect(await setAvatarFile(handle.db, owner, "avatars/one.webp")).toBeNull();
    expect((await getProfile(handle.db, null, owner.handle)).avatarUrl).toBe("/api/media/avatars/one.webp");
    expect(await setAvatarFile(handle.db, owner, "avatars/two.webp")).toBe("avatars/one.webp");
    expect(await setAvatarFile(handle.db, owner, null)).toBe("avatars/two.webp");
    expect((await getProfile(handle.db, null, owner.handle)).avatarUrl).toBeNull();
    await expect(setAvatarFile(handle.db, owner, "../outside.webp")).rejects.toThrow(/relative to MEDIA_ROOT/);
    expect((await refusal(setAvatarFile(handle.db, null, "avatars/x.webp"))).code).toBe("unauthorized");
  });
});
