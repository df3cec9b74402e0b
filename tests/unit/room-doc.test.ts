import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { COMPACT_AFTER_ROWS, RoomDoc, type LedgerEntry, type RoomStore } from "@/party/room-doc";
import type { Stroke } from "@/lib/realtime/archive";

class MemoryStore implements RoomStore {
  updates: Uint8Array[] = [];
  ledger: LedgerEntry[] = [];
  loadUpdates = () => [...this.updates];
  loadLedger = () => [...this.ledger];
  append(updates: Uint8Array[], ledger: Omit<LedgerEntry, "seq">[]): LedgerEntry[] {
    this.updates.push(...updates);
    const added = ledger.map((entry) => ({ ...entry, seq: this.ledger.length + 1 }));
    this.ledger.push(...added);
    return added;
  }
  replaceUpdates(state: Uint8Array): void {
    this.updates = [state];
  }
  updateCount = () => this.updates.length;
}

const alice = { userId: "u-alice", handle: "alice" };
const bob = { userId: "u-bob", handle: "bob" };
const stroke = (id: string, extra: Partial<Stroke> = {}): Stroke => ({ id, color: "#112233", width: 3, points: [1, 2, 3, 4], ...extra });

/** A client doc whose every change is captured as an update. */
function client() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  return { doc, strokes: doc.getMap<unknown>("strokes"), notes: doc.getText("notes"), take: () => Y.mergeUpdates(updates.splice(0)) };
}

describe("the room document", () => {
  it("applies valid strokes and notes, credits the sender and persists before returning", () => {
    const store = new MemoryStore();
    const room = new RoomDoc(store);
    const a = client();
    a.strokes.set("s1", stroke("s1"));
    a.notes.insert(0, "hello");
    const result = room.applyClientUpdate(a.take(), alice, {});
    expect(result.error).toBeNull();
    expect(result.forSender).toBeNull();
    expect(result.forOthers).not.toBeNull();
    expect(store.updates.length).toBeGreaterThan(0);
    expect(room.notes.toString()).toBe("hello");
    expect(room.archivedStrokes()).toEqual([{ ...stroke("s1"), authorId: "u-alice", author: "alice" }]);
    expect(room.contributions()).toEqual([{ userId: "u-alice", handle: "alice", strokes: 1 }]);

    a.notes.delete(0, 2);
    a.strokes.delete("s1");
    expect(room.applyClientUpdate(a.take(), alice, {}).error).toBeNull();
    expect(room.notes.toString()).toBe("llo");
    expect(room.contributions()).toEqual([{ userId: "u-alice", handle: "alice", strokes: 1 }]);
  });

  it("removes invalid strokes, foreign top-level types and non-text notes, and tells the sender", () => {
    const room = new RoomDoc(new MemoryStore());
    const bad = client();
    bad.strokes.set("s1", { ...stroke("s1"), color: "red" });
    bad.strokes.set("s2", stroke("other-id"));
    bad.strokes.set("s3", { ...stroke("s3"), junk: "x".repeat(100) });
    bad.strokes.set("s4", new Y.Map());
    bad.strokes.set("ok", stroke("ok"));
    bad.doc.getMap("evil").set("x", 1);
    bad.doc.getArray("more").push([1, 2]);
    bad.notes.insert(0, "text");
    bad.notes.insertEmbed(2, { image: "x" });
    bad.notes.format(0, 2, { bold: true });
    bad.notes.setAttribute("lang", "en");
    const result = room.applyClientUpdate(bad.take(), bob, {});
    expect(result.error).toMatch(/not a valid stroke/);
    expect(result.error).toMatch(/only notes and strokes/);
    expect(result.error).toMatch(/plain text/);
    expect([...room.strokes.keys()]).toEqual(["ok"]);
    expect(room.doc.getMap("evil").size).toBe(0);
    expect(room.doc.getArray("more").length).toBe(0);
    expect(room.notes.toDelta()).toEqual([{ insert: "text" }]);
    expect(room.notes.getAttribute("lang")).toBeUndefined();
    expect(room.contributions()).toEqual([{ userId: "u-bob", handle: "bob", strokes: 1 }]);

    // The sender applies the correction and ends up like the room.
    Y.applyUpdate(bad.doc, result.forSender!);
    expect([...bad.strokes.keys()]).toEqual(["ok"]);
    expect(bad.notes.toDelta()).toEqual([{ insert: "text" }]);
  });

  it("refuses to overwrite a stroke and keeps the first author", () => {
    const room = new RoomDoc(new MemoryStore());
    const a = client();
    a.strokes.set("s1", stroke("s1"));
    room.applyClientUpdate(a.take(), alice, {});
    const b = client();
    Y.applyUpdate(b.doc, room.state());
    b.take();
    b.strokes.set("s1", stroke("s1", { color: "#ffffff" }));
    const result = room.applyClientUpdate(b.take(), bob, {});
    expect(result.error).toMatch(/already exists/);
    expect(room.strokes.get("s1")?.color).toBe("#112233");
    expect(room.archivedStrokes()[0]?.author).toBe("alice");
    // Erasing is allowed, and re-adding (undo of the erase) keeps the original credit.
    b.doc.transact(() => b.strokes.delete("s1"));
    Y.applyUpdate(b.doc, result.forSender!);
    b.take();
    b.strokes.delete("s1");
    expect(room.applyClientUpdate(b.take(), bob, {}).error).toBeNull();
    expect(room.strokes.has("s1")).toBe(false);
    b.strokes.set("s1", stroke("s1"));
    expect(room.applyClientUpdate(b.take(), bob, {}).error).toBeNull();
    expect(room.archivedStrokes()[0]?.author).toBe("alice");
    expect(room.contributions()).toEqual([{ userId: "u-alice", handle: "alice", strokes: 1 }]);
  });

  it("answers garbage and out-of-order updates with an error and stays usable", () => {
    const room = new RoomDoc(new MemoryStore());
    expect(room.applyClientUpdate(new Uint8Array([1, 2, 3, 250, 251]), alice, {}).error).toMatch(/Refused/);
    const a = client();
    a.notes.insert(0, "one");
    const first = a.take();
    a.notes.insert(3, " two");
    const second = a.take();
    expect(room.applyClientUpdate(second, alice, {}).error).toMatch(/resync/);
    expect(room.notes.toString()).toBe("");
    expect(room.applyClientUpdate(first, alice, {}).error).toBeNull();
    expect(room.applyClientUpdate(second, alice, {}).error).toBeNull();
    expect(room.applyClientUpdate(second, alice, {}).error).toBeNull(); // duplicates are harmless
    expect(room.notes.toString()).toBe("one two");
  });

  it("reloads its state and ledger from the store, compacting the update log", () => {
    const store = new MemoryStore();
    const room = new RoomDoc(store);
    const a = client();
    for (let i = 0; i < COMPACT_AFTER_ROWS + 10; i++) {
      a.notes.insert(a.notes.length, "x");
      room.applyClientUpdate(a.take(), alice, {});
    }
    a.strokes.set("s1", stroke("s1"));
    room.applyClientUpdate(a.take(), alice, {});
    expect(store.updates.length).toBeLessThan(COMPACT_AFTER_ROWS);
    const reloaded = new RoomDoc(store);
    expect(reloaded.notes.toString()).toBe("x".repeat(COMPACT_AFTER_ROWS + 10));
    expect(reloaded.archivedStrokes()).toEqual(room.archivedStrokes());
    expect(reloaded.clear()).not.toBeNull();
    expect(reloaded.strokes.size).toBe(0);
    expect(new RoomDoc(store).strokes.size).toBe(0);
  });
});
