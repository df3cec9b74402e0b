import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { MAX_STROKE_POINTS } from "@/lib/realtime/archive";
import { RoomClient, type RoomStatus } from "@/lib/realtime/room-client";
import { MAX_EDITORS } from "@/lib/realtime/protocol";
import { connect, eventually, newRoom, opened, roomClient, sleep, snapshot, urlFor } from "./helpers";

const WS = WebSocket as unknown as typeof globalThis.WebSocket;

describe("RoomClient", () => {
  it("stops for good as \"full\" after 4429, without asking for another URL", async () => {
    const room = newRoom();
    const seated = await Promise.all(Array.from({ length: MAX_EDITORS }, (_, i) => connect(room, `seat${i}`)));
    await Promise.all(seated.map((c) => c.next("welcome")));
    let urls = 0;
    const statuses: RoomStatus[] = [];
    const client = new RoomClient({ getUrl: () => (urls++, urlFor(room, "seventh")), WebSocket: WS, minReconnectDelayMs: 20, maxReconnectDelayMs: 50 });
    client.on("status", (s) => statuses.push(s));
    client.connect();
    await eventually(() => client.status === "full", "the client to be told the room is full");
    await sleep(300);
    expect(statuses).toEqual(["connecting", "full"]);
    expect(urls).toBe(1);
  });

  it("stops as \"unauthorized\" or \"ended\" when getUrl fails with 403 or 410, and retries other failures", async () => {
    for (const [status, expected] of [[403, "unauthorized"], [410, "ended"]] as const) {
      const client = new RoomClient({ getUrl: () => Promise.reject(Object.assign(new Error("no"), { status })), WebSocket: WS });
      client.connect();
      await eventually(() => client.status === expected, `status ${expected}`);
      client.close();
    }
    const room = newRoom();
    let calls = 0;
    const flaky = new RoomClient({
      getUrl: () => (++calls < 3 ? Promise.reject(new Error("network down")) : urlFor(room, "patient")),
      WebSocket: WS,
      minReconnectDelayMs: 20,
      maxReconnectDelayMs: 50,
    });
    flaky.connect();
    await opened(flaky, "the client to get through on the third try");
    flaky.close();
    expect(flaky.status).toBe("closed");
  });

  it("reports presence, chat and awareness, throttling its own awareness", async () => {
    const room = newRoom();
    const alice = roomClient(room, "alice");
    const bob = roomClient(room, "bob");
    alice.connect();
    await opened(alice);
    const seen: string[][] = [];
    alice.on("presence", (participants) => seen.push(participants.map((p) => p.handle).sort()));
    bob.connect();
    await opened(bob);
    await eventually(() => seen.some((p) => p.join() === "alice,bob"), "alice to see bob arrive");

    const chats: string[] = [];
    alice.on("chat", (m) => chats.push(`${m.author}: ${m.text}`));
    bob.sendChat("hi alice");
    await eventually(() => chats.length === 1, "the chat");
    expect(chats).toEqual(["bob: hi alice"]);

    const cursors: number[] = [];
    alice.on("awareness", (a) => a.cursor && cursors.push(a.cursor.x));
    for (let x = 0; x < 60; x++) {
      bob.setAwareness({ cursor: { x, y: 1 }, typing: x % 2 === 0 });
      await sleep(5);
    }
    await eventually(() => cursors.at(-1) === 59, "the last cursor position");
    expect(cursors.length).toBeLessThan(30); // ~15 Hz, not one frame per call
    expect(alice.awareness.get("bob")?.cursor).toEqual({ x: 59, y: 1 });
  });

  it("sends a large offline backlog in frames the room accepts", async () => {
    const room = newRoom();
    const alice = roomClient(room, "alice");
    const bob = roomClient(room, "bob");
    alice.connect();
    bob.connect();
    await Promise.all([opened(alice), opened(bob)]);
    alice.notes.insert(0, "shared text");
    const early = alice.addStroke({ color: "#010101", width: 2, points: [1, 1, 2, 2] });
    await eventually(() => bob.strokes.has(early) && bob.notes.length > 0, "the first edits");

    alice.close();
    const errors: string[] = [];
    alice.on("error", (e) => errors.push(`${e.code}: ${e.message}`));
    const offline: string[] = [];
    for (let i = 0; i < 5; i++) {
      const points = Array.from({ length: MAX_STROKE_POINTS * 2 }, (_, k) => 0.1234567 * k + i);
      offline.push(alice.addStroke({ color: "#0a0b0c", width: 6, points }));
    }
    alice.erase(early);
    alice.notes.delete(0, 7); // "text"
    alice.connect();
    await opened(alice, "alice to come back");
    await eventually(() => offline.every((id) => bob.strokes.has(id)) && !bob.strokes.has(early) && bob.notes.toString() === "text", "bob to get the whole backlog", 10_000);
    expect(snapshot(bob)).toEqual(snapshot(alice));
    expect(errors).toEqual([]);
  });
});
