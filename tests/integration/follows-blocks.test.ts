import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { blocks, follows } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  block,
  blockedUserIds,
  follow,
  getProfile,
  getProfileByHandle,
  getRelationship,
  isBlockedEitherWay,
  unblock,
  unfollow,
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

const followExists = async (from: string, to: string) =>
  (await handle.db.select().from(follows).where(and(eq(follows.followerId, from), eq(follows.followeeId, to)))).length === 1;

describe("follows and blocks", () => {
  it("follows once, counts it, and unfollows idempotently", async () => {
    const fan = await createUser(handle.db);
    const artist = await createUser(handle.db);
    expect(await follow(handle.db, fan, artist.handle)).toEqual({ created: true });
    expect(await follow(handle.db, fan, artist.handle.toUpperCase())).toEqual({ created: false });
    expect((await getProfile(handle.db, null, artist.handle)).stats).toMatchObject({ followers: 1, following: 0 });
    expect((await getProfile(handle.db, null, fan.handle)).stats).toMatchObject({ followers: 0, following: 1 });
    expect(await getRelationship(handle.db, fan, artist.id)).toEqual({ isSelf: false, following: true, followsYou: false, blockedByYou: false });
    expect(await getRelationship(handle.db, artist, artist.id)).toMatchObject({ isSelf: true });
    expect(await getRelationship(handle.db, null, artist.id)).toEqual({ isSelf: false, following: false, followsYou: false, blockedByYou: false });
    await unfollow(handle.db, fan, artist.handle);
    await unfollow(handle.db, fan, artist.handle);
    expect(await followExists(fan.id, artist.id)).toBe(false);
  });

  it("refuses self-follows, anonymous follows and unknown handles", async () => {
    const me = await createUser(handle.db);
    const error = await refusal(follow(handle.db, me, me.handle));
    expect([error.code, Object.keys(error.fields ?? {})]).toEqual(["validation_failed", ["handle"]]);
    expect((await refusal(follow(handle.db, null, me.handle))).code).toBe("unauthorized");
    expect((await refusal(follow(handle.db, me, "nobody-here"))).code).toBe("not_found");
    expect((await refusal(unfollow(handle.db, me, "nobody-here"))).code).toBe("not_found");
    expect((await refusal(block(handle.db, me, me.handle))).code).toBe("validation_failed");
    expect(await followExists(me.id, me.id)).toBe(false);
  });

  it("a block hides both people from each other, removes follows both ways and stops new ones", async () => {
    const a = await createUser(handle.db);
    const b = await createUser(handle.db);
    await follow(handle.db, a, b.handle);
    await follow(handle.db, b, a.handle);
    expect(await block(handle.db, a, b.handle)).toEqual({ created: true });
    expect(await block(handle.db, a, b.handle)).toEqual({ created: false });
    expect(await followExists(a.id, b.id)).toBe(false);
    expect(await followExists(b.id, a.id)).toBe(false);
    for (const [viewer, target] of [[a, b], [b, a]] as const) {
      expect((await refusal(getProfile(handle.db, viewer, target.handle))).code).toBe("not_found");
      expect((await refusal(getProfileByHandle(handle.db, viewer, target.handle))).code).toBe("not_found");
      expect((await refusal(follow(handle.db, viewer, target.handle))).code).toBe("not_found");
    }
    expect(await followExists(b.id, a.id)).toBe(false);
    expect(await isBlockedEitherWay(handle.db, a.id, b.id)).toBe(true);
    expect(await isBlockedEitherWay(handle.db, b.id, a.id)).toBe(true);
    expect(await blockedUserIds(handle.db, a.id)).toEqual([b.id]);
    expect(await blockedUserIds(handle.db, b.id)).toEqual([a.id]);
    expect(await getRelationship(handle.db, a, b.id)).toMatchObject({ blockedByYou: true, following: false, followsYou: false });
    // Others still see both.
    expect((await getProfile(handle.db, null, a.handle)).id).toBe(a.id);
  });

  it("lets the blocked person block back, and each unblock lifts only the unblocker's own block", async () => {
    const a = await createUser(handle.db);
    const b = await createUser(handle.db);
    await block(handle.db, a, b.handle);
    expect(await block(handle.db, b, a.handle)).toEqual({ created: true });
    // b cannot lift a's block: unblocking someone b never blocked, who hides from b, is a 404.
    await unblock(handle.db, b, a.handle);
    expect((await refusal(unblock(handle.db, b, a.handle))).code).toBe("not_found");
    expect(await isBlockedEitherWay(handle.db, a.id, b.id)).toBe(true);
    await unblock(handle.db, a, b.handle);
    expect(await isBlockedEitherWay(handle.db, a.id, b.id)).toBe(false);
    expect((await getProfile(handle.db, b, a.handle)).id).toBe(a.id);
    expect(await follow(handle.db, b, a.handle)).toEqual({ created: true });
    expect(await handle.db.select().from(blocks).where(eq(blocks.blockerId, a.id))).toEqual([]);
  });
});
