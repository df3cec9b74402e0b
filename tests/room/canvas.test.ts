import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MAX_STROKE_POINTS } from "@/lib/realtime/archive";
import { base64ToBytes, bytesToBase64, MAX_LIVE_STROKE_POINTS } from "@/lib/realtime/protocol";
import { connect, eventually, newRoom, opened, roomClient, snapshot, type Client } from "./helpers";

const stroke = (id: string) => ({ id, color: "#223344", width: 4, points: [10, 10, 20, 20] });

/** A raw client's view of the room document: every sync frame it has received so far. */
function docFrom(client: Client): Y.Doc {
  const doc = new Y.Doc();
  for (const m of client.messages) if (m.type === "sync") Y.applyUpdate(doc, base64ToBytes(m.update));
  return doc;
}

async function docOf(client: Client): Promise<Y.Doc> {
  await client.next("welcome");
  await client.next("sync");
  return docFrom(client);
}

/** One update from a fresh doc that starts from `state`. */
function updateFrom(state: Uint8Array | null, change: (doc: Y.Doc) => void): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  change(doc);
  return bytesToBase64(Y.encodeStateAsUpdate(doc, before));
}

describe("the shared document", () => {
  it("sends the full state after welcome and relays updates to the others", async () => {
    const room = newRoom();
    const alice = roomClient(room, "alice", { host: true });
    alice.connect();
    await opened(alice);
    alice.notes.insert(0, "agenda");
    const id = alice.addStroke({ color: "#ff0000", width: 2, points: [1, 1, 5, 5] });

    const bob = roomClient(room, "bob");
    bob.connect();
    await opened(bob);
    expect(bob.host).toBe("alice");
    await eventually(() => bob.strokes.has(id) && bob.notes.toString() === "agenda", "bob to have alice's state");

    bob.notes.insert(bob.notes.length, " + bob");
    await eventually(() => alice.notes.toString() === "agenda + bob", "alice to see bob's typing");
    expect(snapshot(alice)).toEqual(snapshot(bob));
  });

  it("accepts a stroke of the maximum size, undoes only one's own strokes and lets the host clear", async () => {
    const room = newRoom();
    const host = roomClient(room, "host", { host: true });
    const guest = roomClient(room, "guest");
    host.connect();
    guest.connect();
    await Promise.all([opened(host), opened(guest)]);
    const errors: string[] = [];
    host.on("error", (e) => errors.push(e.code));
    const points = Array.from({ length: MAX_STROKE_POINTS * 2 }, (_, i) => 1000 * Math.random() + 0.123456789 * i);
    const big = host.addStroke({ color: "#000000", width: 64, points });
    const mine = guest.addStroke({ color: "#00ff00", width: 3, points: [0, 0, 9, 9] });
    await eventually(() => guest.strokes.has(big) && host.strokes.has(mine), "both strokes everywhere");
    expect(errors).toEqual([]);

    host.undo(); // undoes the host's own big stroke, not the guest's
    await eventually(() => !guest.strokes.has(big), "the undo to reach the guest");
    expect(guest.strokes.has(mine)).toBe(true);
    host.redo();
    await eventually(() => guest.strokes.has(big), "the redo to reach the guest");

    const guestErrors: { code: string; message: string }[] = [];
    guest.on("error", (e) => guestErrors.push(e));
    guest.clearCanvas();
    await eventually(() => guestErrors.length > 0, "the guest's clear to be refused");
    expect(guestErrors[0]).toMatchObject({ code: "read_only", message: expect.stringMatching(/host/) });
    expect(host.strokes.size).toBe(2);

    host.clearCanvas();
    await eventually(() => host.strokes.size === 0 && guest.strokes.size === 0, "the clear to reach everyone");
  });

  it("removes invalid strokes and foreign types, and corrects the sender", async () => {
    const room = newRoom();
    const bad = await connect(room, "mallory");
    const badDoc = await docOf(bad);
    const watcher = roomClient(room, "watcher", { mode: "spectate" });
    watcher.connect();
    await opened(watcher);

    const update = updateFrom(Y.encodeStateAsUpdate(badDoc), (doc) => {
      doc.getMap("strokes").set("s1", { ...stroke("s1"), width: 1000 });
      doc.getMap("strokes").set("s2", stroke("s2"));
      doc.getMap("secrets").set("x", "y");
    });
    bad.send({ type: "sync", update });
    const correction = await bad.next("sync"); // the correction comes first, then the reason
    expect(await bad.next("error")).toMatchObject({ code: "invalid_message", message: expect.stringMatching(/not a valid stroke/) });
    Y.applyUpdate(badDoc, base64ToBytes(update));
    Y.applyUpdate(badDoc, base64ToBytes(correction.update));
    expect([...badDoc.getMap("strokes").keys()]).toEqual(["s2"]);
    await eventually(() => watcher.strokes.has("s2"), "the valid stroke to reach the watcher");
    expect([...watcher.strokes.keys()]).toEqual(["s2"]);
    expect(watcher.doc.getMap("secrets").size).toBe(0);

    for (const frame of [
      { type: "sync", update: "not base64!" },
      { type: "sync", update: bytesToBase64(new Uint8Array([9, 9, 9, 9, 9, 9])) },
      { type: "awareness", cursor: { x: 1, y: 1 }, typing: false, stroke: { color: "#000000", width: 2, points: new Array((MAX_LIVE_STROKE_POINTS + 1) * 2).fill(1) } },
      { type: "awareness", cursor: null },
      { type: "clear", extra: "x".repeat(20_000) },
    ]) {
      bad.send(frame);
      expect((await bad.next("error")).code, JSON.stringify(frame).slice(0, 80)).toBe("invalid_message");
    }
    bad.send({ type: "sync", update: "A".repeat(70_000) });
    expect((await bad.next("error")).message).toMatch(/64 KB/);
    expect(bad.ws.readyState).toBe(bad.ws.OPEN);
  });

  it("relays awareness to the others and clears it when its sender leaves", async () => {
    const room = newRoom();
    const alice = await connect(room, "alice");
    const bob = await connect(room, "bob");
    await Promise.all([alice.next("welcome"), bob.next("welcome")]);
    const live = { color: "#123456", width: 5, points: [1, 2, 3, 4] };
    alice.send({ type: "awareness", cursor: { x: 10, y: 20 }, typing: true, stroke: live });
    expect(await bob.next("awareness")).toEqual({ type: "awareness", handle: "alice", cursor: { x: 10, y: 20 }, typing: true, stroke: live });

    const carol = await connect(room, "carol", "spectate");
    expect(await carol.next("awareness")).toMatchObject({ handle: "alice", typing: true });
    await alice.close();
    expect(await bob.next("awareness")).toEqual({ type: "awareness", handle: "alice", cursor: null, typing: false, stroke: null });
    expect(alice.messages.some((m) => m.type === "awareness")).toBe(false); // never echoed to the sender
  });
});

describe("spectators", () => {
  it("cannot change notes, canvas or chat, or clear: the room refuses and nothing changes", async () => {
    const room = newRoom();
    const editor = roomClient(room, "editor", { host: true });
    editor.connect();
    await opened(editor);
    editor.notes.insert(0, "keep me");
    const kept = editor.addStroke({ color: "#101010", width: 2, points: [3, 3, 4, 4] });

    const spectator = await connect(room, "fan", { mode: "spectate", host: true }); // even the host, when spectating
    await docOf(spectator);
    await eventually(() => {
      const doc = docFrom(spectator);
      return doc.getText("notes").toString() === "keep me" && doc.getMap("strokes").has(kept);
    }, "the spectator to see the editor's work");
    const fanDoc = docFrom(spectator);
    const attempts = [
      { type: "sync", update: updateFrom(Y.encodeStateAsUpdate(fanDoc), (doc) => doc.getText("notes").insert(0, "HACK ")) },
      { type: "sync", update: updateFrom(Y.encodeStateAsUpdate(fanDoc), (doc) => doc.getMap("strokes").set("x", stroke("x"))) },
      { type: "sync", update: updateFrom(Y.encodeStateAsUpdate(fanDoc), (doc) => doc.getMap("strokes").delete(kept)) },
      { type: "chat", text: "let me in" },
      { type: "clear" },
      { type: "awareness", cursor: { x: 1, y: 1 }, typing: false, stroke: null },
    ];
    for (const attempt of attempts) {
      spectator.send(attempt);
      expect((await spectator.next("error")).code, attempt.type).toBe("read_only");
    }

    const fresh = roomClient(room, "latecomer", { mode: "spectate" });
    fresh.connect();
    await opened(fresh);
    expect(snapshot(fresh)).toEqual(snapshot(editor));
    expect(fresh.notes.toString()).toBe("keep me");
    expect([...fresh.strokes.keys()]).toEqual([kept]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(editor.notes.toString()).toBe("keep me");

    // The client library refuses locally too, without sending.
    const errors: string[] = [];
    fresh.on("error", (e) => errors.push(e.code));
    expect(fresh.addStroke({ color: "#101010", width: 2, points: [3, 3, 4, 4] })).toBe("");
    fresh.sendChat("hi");
    expect(errors).toEqual(["read_only", "read_only"]);
  });
});
