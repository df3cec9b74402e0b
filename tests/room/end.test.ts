import { afterEach, describe, expect, it } from "vitest";
import { roomArchiveSchema, type RoomArchive } from "@/lib/realtime/archive";
import { endRoom, roomHttpBase, roomPresence } from "@/lib/realtime/room-admin";
import { signServiceToken } from "@/lib/realtime/service-token";
import { callbackServer, closeCallbackServers } from "./archive-callback";
import { connect, eventually, httpBase, newRoom, opened, roomClient, secret, withTimeout, wsBase } from "./helpers";

afterEach(closeCallbackServers);

const endUrl = (room: string) => `${httpBase}/parties/workspace/${room}/end`;

async function postEnd(room: string, authorization: string | null, body: unknown = { callbackUrl: "http://127.0.0.1:9/x" }) {
  const response = await fetch(endUrl(room), {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("ending a session", () => {
  it("refuses the end call without a valid room-admin token for that room", async () => {
    const room = newRoom();
    const other = newRoom();
    const tokens = [
      null,
      "Bearer garbage",
      `Bearer ${await signServiceToken("room-admin", room, "x".repeat(40))}`,
      `Bearer ${await signServiceToken("room-archive", room, secret)}`,
      `Bearer ${await signServiceToken("room-admin", other, secret)}`,
    ];
    for (const token of tokens) expect((await postEnd(room, token)).status, String(token).slice(0, 30)).toBe(401);
    const get = await fetch(`${httpBase}/parties/workspace/${room}`, { signal: AbortSignal.timeout(5_000) });
    expect(get.status).toBe(404);
    await get.body?.cancel();
    const admin = `Bearer ${await signServiceToken("room-admin", room, secret)}`;
    expect((await postEnd(room, admin, { callbackUrl: "not a url" })).status).toBe(422);

    // Nothing was ended by the refused calls.
    const alice = await connect(room, "alice");
    await alice.next("welcome");
  });

  it("answers refused calls with their refusal, never a dropped connection, while the body is still arriving", async () => {
    // Refusing before reading the body used to make wrangler dev's proxy answer ~0.5 % of such
    // calls with 503 "Your worker restarted mid-request".
    const room = newRoom();
    const statuses = new Map<number, number>();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 200; i++) {
          const { status } = await postEnd(room, "Bearer garbage", { callbackUrl: `http://127.0.0.1:9/${"x".repeat(i * 20)}` });
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    expect(Object.fromEntries(statuses)).toEqual({ 401: 800 });
  });

  it("closes every socket with 4410, refuses newcomers and posts the archive, retrying", async () => {
    const room = newRoom();
    const callback = await callbackServer(room, 1);
    const host = roomClient(room, "host", { host: true });
    const guest = roomClient(room, "guest");
    host.connect();
    guest.connect();
    await Promise.all([opened(host), opened(guest)]);
    const spectator = await connect(room, "fan", "spectate");
    const raw = await connect(room, "raw");
    await Promise.all([spectator.next("welcome"), raw.next("welcome")]);

    const first = host.addStroke({ color: "#aa0000", width: 3, points: [1, 1, 2, 2] });
    const erased = guest.addStroke({ color: "#00aa00", width: 5, points: [5, 5, 6, 6] });
    host.notes.insert(0, "final notes");
    host.sendChat("good session");
    await eventually(() => guest.strokes.has(first) && host.strokes.has(erased) && guest.notes.length > 0, "the work to spread");
    const second = guest.addStroke({ color: "#0000aa", width: 7, points: [8, 8, 9, 9] });
    await eventually(() => host.strokes.has(second), "the second guest stroke");
    host.erase(erased); // erased strokes still count as contributions
    await eventually(() => !guest.strokes.has(erased), "the erase to spread");
    await raw.next("chat");

    await endRoom({ httpBaseUrl: roomHttpBase(wsBase), roomId: room, secret, callbackUrl: callback.url });
    expect(await withTimeout(raw.closed, "raw socket close")).toEqual({ code: 4410, reason: "session_ended" });
    expect(await withTimeout(spectator.closed, "spectator close")).toEqual({ code: 4410, reason: "session_ended" });
    await eventually(() => host.status === "ended" && guest.status === "ended", "both clients to stop as ended");

    const late = await connect(room, "late");
    expect(await withTimeout(late.closed, "late socket close")).toEqual({ code: 4410, reason: "session_ended" });
    expect(late.messages).toEqual([]);

    await eventually(() => callback.received.length === 2, "the archive to be delivered after one failure", 10_000);
    expect(callback.received.every((r) => r.authorized)).toBe(true);
    const archive: RoomArchive = roomArchiveSchema.parse(callback.received[1]?.body);
    expect(archive.notes).toBe("final notes");
    expect(archive.transcript).toEqual([
      { id: expect.any(String), authorId: "user-host", author: "host", text: "good session", at: expect.any(String) },
    ]);
    expect(archive.strokes.map((s) => [s.id, s.author, s.authorId])).toEqual([
      [first, "host", "user-host"],
      [second, "guest", "user-guest"],
    ]);
    expect(archive.contributions.sort((a, b) => a.handle.localeCompare(b.handle))).toEqual([
      { userId: "user-guest", handle: "guest", strokes: 2 },
      { userId: "user-host", handle: "host", strokes: 1 },
    ]);

    // Ending again is fine, and hands the archive over once more (the app may have missed it).
    await endRoom({ httpBaseUrl: httpBase, roomId: room, secret, callbackUrl: callback.url });
    await eventually(() => callback.received.length === 3, "the archive again");
    expect(callback.received[2]?.body).toEqual(callback.received[1]?.body);
  });

  it("turns ws URLs into http ones", () => {
    expect(roomHttpBase("ws://127.0.0.1:8787")).toBe("http://127.0.0.1:8787");
    expect(roomHttpBase("wss://rooms.example.com/")).toBe("https://rooms.example.com");
  });
});

describe("presence for the app", () => {
  it("tells the app who is in the room, with a room-admin token for that room only", async () => {
    const room = newRoom();
    const url = `${httpBase}/parties/workspace/${room}/presence`;
    const get = async (authorization: string | null) =>
      (await fetch(url, { headers: authorization ? { authorization } : {}, signal: AbortSignal.timeout(5_000) })).status;
    expect(await get(null)).toBe(401);
    expect(await get(`Bearer ${await signServiceToken("room-admin", newRoom(), secret)}`)).toBe(401);
    expect(await get(`Bearer ${await signServiceToken("room-archive", room, secret)}`)).toBe(401);

    expect(await roomPresence({ httpBaseUrl: roomHttpBase(wsBase), roomId: room, secret })).toEqual([]);
    const alice = await connect(room, "alice");
    const fan = await connect(room, "fan", "spectate");
    await Promise.all([alice.next("welcome"), fan.next("welcome")]);
    const present = await roomPresence({ httpBaseUrl: roomHttpBase(wsBase), roomId: room, secret });
    expect(present.sort((a, b) => a.handle.localeCompare(b.handle))).toEqual([
      { handle: "alice", role: "editor" },
      { handle: "fan", role: "spectator" },
    ]);
  });
});
