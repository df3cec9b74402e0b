import * as Y from "yjs";
import { bytesToBase64, MAX_EDITORS } from "@/lib/realtime/protocol";
import { sleep, withTimeout } from "../lib";
import { join, leave, sendChat, sendSync, type Peer } from "./peer";

/**
 * Two room-server loads: many rooms of 6 chatting at a fixed rate each, and strokes (Yjs updates)
 * sent one at a time, timed until every other editor in the room has received them.
 */

export type UrlFor = (room: string, user: number) => Promise<string>;
export type Load = { samples: number[]; sent: number; lost: number; errors: number };

const JOIN_TIMEOUT_MS = 15_000;
const DELIVERY_TIMEOUT_MS = 3_000;
/** After the last send, how long late messages may still arrive before they count as lost. */
const DRAIN_TIMEOUT_MS = 15_000;

async function openRoom(urlFor: UrlFor, room: string): Promise<Peer[]> {
  const urls = await Promise.all(Array.from({ length: MAX_EDITORS }, (_, user) => urlFor(room, user)));
  const results = await Promise.all(urls.map((url) => join(url, JOIN_TIMEOUT_MS)));
  const peers = results.flatMap((result) => (result.kind === "welcome" ? [result.peer] : []));
  if (peers.length !== MAX_EDITORS) {
    await Promise.all(peers.map((peer) => leave(peer)));
    throw new Error(`room ${room}: only ${peers.length} of ${MAX_EDITORS} joined`);
  }
  return peers;
}

/** Opens rooms a few at a time so the joins themselves do not swamp the server. */
async function openRooms(urlFor: UrlFor, rooms: string[]): Promise<Peer[][]> {
  const opened: Peer[][] = [];
  try {
    for (let i = 0; i < rooms.length; i += 10) {
      opened.push(...(await Promise.all(rooms.slice(i, i + 10).map((room) => openRoom(urlFor, room)))));
    }
  } catch (error) {
    await Promise.all(opened.flat().map((peer) => leave(peer)));
    throw error;
  }
  return opened;
}

/**
 * `roomCount` rooms of 6 editors; each room sends `perSecond` chat messages a second in total
 * (the senders take turns), for `seconds`. Latency: send until all 5 others have it.
 */
export async function manyRooms(urlFor: UrlFor, runId: string, roomCount: number, perSecond: number, seconds: number): Promise<Load> {
  const rooms = Array.from({ length: roomCount }, (_, i) => `${runId}-load${roomCount}-${i}`);
  const peersByRoom = await openRooms(urlFor, rooms);
  const pending = new Map<string, { started: number; left: number }>();
  const samples: number[] = [];
  peersByRoom.forEach((peers, r) =>
    peers.forEach((peer, receiver) => {
      peer.onChat = (text) => {
        const entry = pending.get(text);
        if (!entry || text.startsWith(`${r}:${receiver}:`)) return; // the sender's own echo
        entry.left -= 1;
        if (entry.left === 0) {
          samples.push(performance.now() - entry.started);
          pending.delete(text);
        }
      };
    }),
  );

  const perRoom = Math.round(perSecond * seconds);
  const interval = 1000 / perSecond;
  const start = performance.now() + 50;
  let sent = 0;
  const sender = async (peers: Peer[], r: number) => {
    const offset = (r / roomCount) * interval; // spread the rooms over one interval
    for (let k = 0; k < perRoom; k++) {
      const wait = start + offset + k * interval - performance.now();
      if (wait > 0) await sleep(wait);
      const who = k % peers.length;
      const text = `${r}:${who}:${k}`;
      pending.set(text, { started: performance.now(), left: peers.length - 1 });
      sendChat(peers[who]!, text);
      sent += 1;
    }
  };
  try {
    await Promise.all(peersByRoom.map(sender));
    await waitForDrain(pending);
  } finally {
    await Promise.all(peersByRoom.flat().map((peer) => leave(peer)));
  }
  const errors = peersByRoom.flat().reduce((sum, peer) => sum + peer.errors, 0);
  return { samples, sent, lost: pending.size, errors };
}

async function waitForDrain(pending: Map<string, unknown>): Promise<void> {
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  while (pending.size > 0 && performance.now() < deadline) await sleep(20);
}

/** A freehand stroke of `points` points as a Yjs update from `doc` (the sender's own replica). */
function strokeUpdate(doc: Y.Doc, id: string, points: number): string {
  const before = Y.encodeStateVector(doc);
  const coords = Array.from({ length: points * 2 }, (_, i) => Math.round((100 + i * 3.7 + Math.random() * 5) * 10) / 10);
  doc.getMap("strokes").set(id, { id, color: "#3355aa", width: 4, points: coords });
  return bytesToBase64(Y.encodeStateAsUpdate(doc, before));
}

/**
 * One room of 6; the editors take turns sending a stroke, one in flight at a time. The room
 * writes each update to SQLite synchronously before broadcasting it, so "all others received"
 * bounds the time until the stroke is durable from above.
 */
export async function strokes(urlFor: UrlFor, room: string, count: number, points: number, gapMs: number): Promise<Load> {
  const peers = await openRoom(urlFor, room);
  await sleep(200); // let the initial full-state syncs arrive before counting
  const docs = peers.map(() => new Y.Doc());
  const samples: number[] = [];
  let lost = 0;
  try {
    for (let k = 0; k < count; k++) {
      const who = k % peers.length;
      const update = strokeUpdate(docs[who]!, `bench-${k}`, points);
      let left = peers.length - 1;
      const started = performance.now();
      const delivered = new Promise<void>((done) => {
        peers.forEach((peer, i) => {
          peer.onSync = i === who ? () => {} : () => {
            left -= 1;
            if (left === 0) done();
          };
        });
      });
      sendSync(peers[who]!, update);
      try {
        await withTimeout(delivered, DELIVERY_TIMEOUT_MS, "stroke delivery");
        samples.push(performance.now() - started);
      } catch {
        lost += 1;
      }
      await sleep(gapMs);
    }
  } finally {
    await Promise.all(peers.map((peer) => leave(peer)));
  }
  return { samples, sent: count, lost, errors: peers.reduce((sum, peer) => sum + peer.errors, 0) };
}
