import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { roomArchiveSchema } from "@/lib/realtime/archive";
import { CHAT_FLUSH_MS } from "@/lib/realtime/protocol";
import { endRoom } from "@/lib/realtime/room-admin";
import { callbackServer, closeCallbackServers } from "./archive-callback";
import { freePort, startRoomServer, type RoomServer } from "@/scripts/lib/room-server";
import { connect, eventually, newRoom, opened, roomClient, secret, snapshot, withTimeout } from "./helpers";

/** Its own room server, so stopping it does not disturb the other test files. */
let server: RoomServer | undefined;
let persistTo = "";
afterAll(async () => {
  await closeCallbackServers();
  await server?.stop();
  if (persistTo) await rm(persistTo, { recursive: true, force: true });
});

describe("a restart of the room server", () => {
  it("keeps notes, canvas, chat and the ended flag, and reconnecting clients reconverge", { timeout: 60_000 }, async () => {
    persistTo = await mkdtemp(path.join(os.tmpdir(), "kontact-restart-"));
    const port = await freePort();
    server = await startRoomServer({ secret, port, persistTo });
    const base = server.url;
    const room = newRoom();
    const endedRoom = newRoom();

    const alice = roomClient(room, "alice", { base, host: true });
    const bob = roomClient(room, "bob", { base });
    alice.connect();
    bob.connect();
    await Promise.all([opened(alice), opened(bob)]);
    alice.notes.insert(0, "before the restart");
    const s1 = alice.addStroke({ color: "#111111", width: 2, points: [1, 2, 3, 4] });
    const s2 = bob.addStroke({ color: "#222222", width: 3, points: [5, 6, 7, 8] });
    const chats: string[] = [];
    bob.on("chat", (m) => chats.push(m.text));
    alice.sendChat("said before the restart");
    await eventually(() => alice.strokes.has(s2) && bob.strokes.has(s1) && bob.notes.length > 0 && chats.length === 1, "the work to spread");
    // Chat is written in batches: once a batch window has passed, it is on disk.
    await new Promise((resolve) => setTimeout(resolve, CHAT_FLUSH_MS * 2));
    await endRoom({ httpBaseUrl: server.httpUrl, roomId: endedRoom, secret, callbackUrl: "http://127.0.0.1:9/unused" });

    await server.stop();
    await eventually(() => alice.status === "reconnecting" && bob.status === "reconnecting", "both clients to notice");
    // Offline edits while the server is down.
    alice.notes.insert(alice.notes.length, ", and after");
    const s3 = alice.addStroke({ color: "#333333", width: 4, points: [9, 9, 10, 10] });
    bob.erase(s1);

    server = await startRoomServer({ secret, port, persistTo });
    await Promise.all([opened(alice, "alice to reconnect"), opened(bob, "bob to reconnect")]);
    const carol = roomClient(room, "carol", { base, mode: "spectate" });
    carol.connect();
    await opened(carol);
    const expected = { notes: "before the restart, and after", strokes: [s2, s3].sort() };
    await eventually(
      () =>
        [alice, bob, carol].every(
          (c) => c.notes.toString() === expected.notes && JSON.stringify([...c.strokes.keys()].sort()) === JSON.stringify(expected.strokes),
        ),
      "everyone to reconverge",
      10_000,
    );
    expect(snapshot(alice)).toEqual(snapshot(carol));
    expect(snapshot(bob)).toEqual(snapshot(carol));

    const callback = await callbackServer(room, 0);
    await endRoom({ httpBaseUrl: server.httpUrl, roomId: room, secret, callbackUrl: callback.url });
    await eventually(() => callback.received.length === 1, "the archive of the restarted room", 10_000);
    const archive = roomArchiveSchema.parse(callback.received[0]?.body);
    expect(archive.transcript.map((entry) => [entry.author, entry.text])).toEqual([["alice", "said before the restart"]]);

    const late = await connect(endedRoom, "late", { base });
    expect(await withTimeout(late.closed, "the ended room to refuse")).toEqual({ code: 4410, reason: "session_ended" });
  });
});
