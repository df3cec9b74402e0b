import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { MAX_EDITORS } from "@/lib/realtime/protocol";
import { roomUrl, signRoomToken } from "@/lib/realtime/token";
import { connect, names, newRoom, refusal, secret, withTimeout, wsBase, type Client } from "./helpers";

describe("the room socket", () => {
  it("refuses missing, forged, expired and other-room tokens with 401 before the upgrade", async () => {
    const room = newRoom();
    const claims = { userId: "user-x", handle: "x", room, mode: "edit" as const };
    const forged = await signRoomToken(claims, "not-the-room-secret-not-the-room-secret", 60);
    const expired = await signRoomToken(claims, secret, 60, new Date(Date.now() - 10 * 60_000));
    const otherRoom = await signRoomToken({ ...claims, room: newRoom() }, secret, 60);
    const urls = [
      `${wsBase}/parties/workspace/${room}`,
      roomUrl(wsBase, room, forged.token),
      roomUrl(wsBase, room, expired.token),
      roomUrl(wsBase, room, otherRoom.token),
      roomUrl(wsBase, room, "garbage"),
    ];
    for (const url of urls) {
      const { status, body } = await refusal(url);
      expect(status, url).toBe(401);
      expect(body).toMatchObject({ error: { code: "unauthorized", message: expect.any(String) } });
    }
  });

  it("welcomes the newcomer and tells everyone on join and leave", async () => {
    const room = newRoom();
    const alice = await connect(room, "alice");
    expect(await alice.next("welcome")).toEqual({
      type: "welcome",
      you: { handle: "alice", role: "editor" },
      participants: [{ handle: "alice", role: "editor" }],
      maxEditors: MAX_EDITORS,
      host: null,
    });
    expect(names(await alice.next("presence"))).toEqual(["alice:editor"]);

    const bob = await connect(room, "bob", "spectate");
    const welcome = await bob.next("welcome");
    expect(welcome.you).toEqual({ handle: "bob", role: "spectator" });
    expect(names(welcome)).toEqual(["alice:editor", "bob:spectator"]);
    expect(names(await alice.next("presence"))).toEqual(["alice:editor", "bob:spectator"]);

    await bob.close();
    expect(names(await alice.next("presence"))).toEqual(["alice:editor"]);
  });

  it("lists a user with two tabs once, with the best role", async () => {
    const room = newRoom();
    const tab1 = await connect(room, "alice", "spectate");
    await tab1.next("welcome");
    const tab2 = await connect(room, "alice", "edit");
    expect(names(await tab2.next("welcome"))).toEqual(["alice:editor"]);
    await tab2.close();
    expect(names(await tab1.next("presence", (m) => names(m).includes("alice:spectator")))).toEqual(["alice:spectator"]);
  });

  it("sends chat to every connection, the sender included", async () => {
    const room = newRoom();
    const clients = [await connect(room, "alice"), await connect(room, "bob"), await connect(room, "carol", "spectate")];
    await Promise.all(clients.map((c) => c.next("welcome")));
    clients[0]?.send({ type: "chat", text: "hello room" });
    const received = await Promise.all(clients.map((c) => c.next("chat")));
    for (const chat of received) {
      expect(chat).toEqual({ type: "chat", id: received[0]?.id, author: "alice", text: "hello room", at: expect.any(String) });
      expect(new Date(chat.at).toISOString()).toBe(chat.at);
    }
    expect(received[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers bad messages with invalid_message and keeps the socket open", async () => {
    const room = newRoom();
    const alice = await connect(room, "alice");
    await alice.next("welcome");
    const bad = ["{not json", JSON.stringify({ type: "chat" }), JSON.stringify({ type: "dance" }), JSON.stringify([1]),
      JSON.stringify({ type: "chat", text: "" }), JSON.stringify({ type: "chat", text: "x".repeat(2001) })];
    for (const frame of bad) {
      alice.send(frame);
      expect(await alice.next("error")).toMatchObject({ code: "invalid_message", message: expect.any(String) });
    }
    alice.ws.send(Buffer.from([1, 2, 3]));
    expect((await alice.next("error")).code).toBe("invalid_message");
    alice.send({ type: "chat", text: "x".repeat(2000) });
    expect((await alice.next("chat")).text).toHaveLength(2000);
  });

  it("refuses chat from spectators with read_only", async () => {
    const room = newRoom();
    const alice = await connect(room, "alice");
    const watcher = await connect(room, "watcher", "spectate");
    await Promise.all([alice.next("welcome"), watcher.next("welcome")]);
    watcher.send({ type: "chat", text: "let me in" });
    expect((await watcher.next("error")).code).toBe("read_only");
    alice.send({ type: "chat", text: "only editors talk" });
    expect((await watcher.next("chat")).text).toBe("only editors talk");
    await alice.next("chat");
    expect(alice.messages.filter((m) => m.type === "chat").map((m) => m.type === "chat" && m.text)).toEqual(["only editors talk"]);
  });

  it("rate-limits a flooding connection and lets it talk again later", async () => {
    const room = newRoom();
    const alice = await connect(room, "alice");
    await alice.next("welcome");
    for (let i = 0; i < 60; i++) alice.send({ type: "chat", text: `spam ${i}` });
    expect((await alice.next("error")).code).toBe("rate_limited");
    await new Promise((resolve) => setTimeout(resolve, 500));
    alice.send({ type: "chat", text: "calm again" });
    await alice.next("chat", (m) => m.text === "calm again");
    const chats = alice.messages.filter((m) => m.type === "chat").length;
    expect(chats).toBeLessThan(60);
    expect(alice.messages.filter((m) => m.type === "error")).toHaveLength(1);
  });
});

describe("the editor cap", () => {
  it("closes a 7th editor with 4429 room_full and leaves the 6 unaffected", async () => {
    const room = newRoom();
    const editors: Client[] = [];
    for (let i = 1; i <= MAX_EDITORS; i++) {
      const editor = await connect(room, `editor${i}`);
      await editor.next("welcome");
      editors.push(editor);
    }
    const seventh = await connect(room, "editor7");
    expect(await withTimeout(seventh.closed, "the 7th editor to be closed")).toEqual({ code: 4429, reason: "room_full" });
    expect(seventh.messages).toEqual([]);

    const spectator = await connect(room, "fan", "spectate");
    expect((await spectator.next("welcome")).participants).toHaveLength(MAX_EDITORS + 1);
    const secondTab = await connect(room, "editor1"); // already seated: no new seat needed
    expect((await secondTab.next("welcome")).you.role).toBe("editor");

    editors[5]?.send({ type: "chat", text: "still here" });
    for (const editor of editors) expect((await editor.next("chat")).text).toBe("still here");
    expect(editors.every((e) => e.ws.readyState === WebSocket.OPEN)).toBe(true);
  });

  it("admits exactly 6 of 10 editors joining at once", async () => {
    const room = newRoom();
    const clients = await Promise.all(Array.from({ length: 10 }, (_, i) => connect(room, `racer${i}`)));
    const outcomes = await Promise.all(
      clients.map((c) =>
        Promise.race([
          c.next("welcome").then(() => "welcomed"),
          c.closed.then(({ code, reason }) => `closed ${code} ${reason}`),
        ]),
      ),
    );
    expect(outcomes.filter((o) => o === "welcomed")).toHaveLength(MAX_EDITORS);
    expect(outcomes.filter((o) => o === "closed 4429 room_full")).toHaveLength(10 - MAX_EDITORS);
  });
});
