import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { RoomClient } from "@/lib/realtime/room-client";
import { bytesToBase64, MAX_EDITORS } from "@/lib/realtime/protocol";
import { mulberry32 as rng } from "@/db/seed/random";
import { connect, eventually, newRoom, opened, roomClient, sleep, snapshot } from "./helpers";


type Editable = { notes: Y.Text; strokes: { keys(): IterableIterator<string>; delete(key: string): void } };

/** One random edit: a stroke, an erase, typing or deleting notes. */
function randomEdit(target: Editable, random: () => number, addStroke: (s: { color: string; width: number; points: number[] }) => void): void {
  const roll = random();
  if (roll < 0.4) {
    const x = Math.round(random() * 1500);
    addStroke({ color: "#3366cc", width: 1 + Math.round(random() * 10), points: [x, 10, x + 5, 20, x + 9, 30] });
  } else if (roll < 0.55) {
    const keys = [...target.strokes.keys()];
    const key = keys[Math.floor(random() * keys.length)];
    if (key) target.strokes.delete(key);
  } else if (roll < 0.85) {
    target.notes.insert(Math.floor(random() * (target.notes.length + 1)), String.fromCharCode(97 + Math.floor(random() * 26)).repeat(1 + Math.floor(random() * 3)));
  } else if (target.notes.length > 0) {
    const at = Math.floor(random() * target.notes.length);
    target.notes.delete(at, Math.min(2, target.notes.length - at));
  }
}

describe("convergence", () => {
  it("six editors with random edits and random disconnects end identical", { timeout: 60_000 }, async () => {
    const seed = Date.now() % 100_000;
    const random = rng(seed);
    const room = newRoom();
    const clients: RoomClient[] = Array.from({ length: MAX_EDITORS }, (_, i) => roomClient(room, `editor${i}`));
    for (const client of clients) client.connect();
    await Promise.all(clients.map((c) => opened(c)));

    const STEPS = 40;
    let disconnects = 0;
    await Promise.all(
      clients.map(async (client) => {
        for (let step = 0; step < STEPS; step++) {
          await sleep(15 + random() * 50);
          const roll = random();
          if (roll < 0.06 && client.status === "open") {
            // Drop off, keep editing offline for a while, come back.
            disconnects += 1;
            client.close();
            for (let k = 0; k < 3; k++) randomEdit(client, random, (s) => client.addStroke(s));
            await sleep(50 + random() * 250);
            client.connect();
          } else if (roll < 0.1) {
            client.undo();
          } else {
            randomEdit(client, random, (s) => client.addStroke(s));
          }
        }
      }),
    );
    await Promise.all(clients.map((c) => opened(c, `${c.you?.handle} to be back`)));

    const observer = roomClient(room, "observer", { mode: "spectate" });
    observer.connect();
    await opened(observer);
    const same = () => {
      const reference = JSON.stringify(snapshot(clients[0]!));
      return [...clients, observer].every((c) => JSON.stringify(snapshot(c)) === reference);
    };
    await eventually(same, `all replicas to converge (seed ${seed}, ${disconnects} disconnects)`, 15_000);
    expect(snapshot(observer)).toEqual(snapshot(clients[3]!));
    expect(disconnects + observer.strokes.size + observer.notes.length).toBeGreaterThan(0);
  });

  it("six docs receiving each other's updates reordered and duplicated end identical", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = rng(seed);
      const docs = Array.from({ length: 6 }, () => new Y.Doc());
      const updates: Uint8Array[] = [];
      for (const doc of docs) doc.on("update", (update: Uint8Array, origin: unknown) => origin !== "delivery" && updates.push(update));
      for (let round = 0; round < 30; round++) {
        const doc = docs[Math.floor(random() * docs.length)]!;
        const target = { notes: doc.getText("notes"), strokes: doc.getMap<unknown>("strokes") };
        randomEdit(target, random, (s) => target.strokes.set(`${doc.clientID}-${round}`, { id: `${doc.clientID}-${round}`, ...s }));
        // Occasionally deliver a random subset early, out of order, to mix concurrent and causal edits.
        if (updates.length > 0 && random() < 0.3) for (const other of docs) Y.applyUpdate(other, updates[Math.floor(random() * updates.length)]!, "delivery");
      }
      for (const doc of docs) {
        const stream = [...updates, ...updates.filter(() => random() < 0.5)].sort(() => random() - 0.5);
        for (const update of stream) Y.applyUpdate(doc, update, "delivery");
      }
      const views = docs.map((doc) => JSON.stringify(snapshot({ notes: doc.getText("notes"), strokes: doc.getMap("strokes") })));
      expect(new Set(views).size, `seed ${seed}`).toBe(1);
      expect(docs.every((doc) => doc.store.pendingStructs === null)).toBe(true);
    }
  });

  it("the room ignores duplicates and asks an out-of-order sender to resync", async () => {
    const room = newRoom();
    const raw = await connect(room, "raw");
    await raw.next("welcome");
    await raw.next("sync");
    const doc = new Y.Doc();
    const updates: string[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(bytesToBase64(update)));
    doc.getText("notes").insert(0, "one");
    doc.getText("notes").insert(3, " two");
    const [first, second] = updates;

    raw.send({ type: "sync", update: second });
    expect((await raw.next("error")).message).toMatch(/resync/);
    for (const update of [first, first, second, second]) raw.send({ type: "sync", update });

    const reader = roomClient(room, "reader", { mode: "spectate" });
    reader.connect();
    await opened(reader);
    await eventually(() => reader.notes.toString() === "one two", "the room to hold each edit once");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(raw.messages.filter((m) => m.type === "error")).toHaveLength(1);
    expect(reader.notes.toString()).toBe("one two");
  });
});
