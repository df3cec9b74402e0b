import { randomBytes } from "node:crypto";
import { CloseCode, MAX_EDITORS } from "@/lib/realtime/protocol";
import { roomUrl, signRoomToken } from "@/lib/realtime/token";
import { startRoomServer, type RoomServer } from "@/scripts/lib/room-server";
import { percentiles, progress, sleep, withTimeout, type BenchRow } from "../lib";
import { startBaseline } from "./baseline";
import { manyRooms, strokes, type Load } from "./load";
import { join, leave, sendChat, type JoinOptions, type Peer } from "./peer";

/**
 * The room server (party/) against a plain `ws` broadcast server: chat fan-out latency, join
 * latency, and the editor cap under a burst of joins; then, room server only: 10/50/100 rooms of
 * 6 at 10 messages/s per room, and stroke-to-durable latency. The room server runs as workerd
 * serves it (scripts/serve-rooms.ts: the bundle wrangler builds, without `wrangler dev`'s
 * development proxy); one more fan-out goes through `wrangler dev`, and one with clients that
 * offer permessage-deflate, each reported beside the main one.
 */

const EDITORS = MAX_EDITORS; // 6 editors in the fan-out room
const WARMUP_PER_SENDER = 2;
const MESSAGES_PER_SENDER = 100; // 600 measured messages
/** The room allows 10 msg/s (burst 20) per connection: at one per 150 ms the limiter never bites. */
const SEND_INTERVAL_MS = 150;
const DELIVERY_TIMEOUT_MS = 2_000;
const JOINS = 50;
const NEW_ROOM_JOINS = 20;
const JOIN_TIMEOUT_MS = 10_000;
const BURST_JOINS = 10;
const BURST_REPETITIONS = 20;
const LOAD_ROOMS = [10, 50, 100];
const LOAD_PER_ROOM_PER_SECOND = 10;
const LOAD_SECONDS = 5;
const STROKES = 150;
const STROKE_POINTS = 200; // a long freehand stroke: one ~4 KB update
const STROKE_GAP_MS = 40; // six senders taking turns: ~1.3 strokes/s each, far under the limit

/** Gives a socket URL for (room, user); for the room server that means signing a token. */
type UrlFor = (room: string, user: number) => Promise<string>;

async function openAll(urls: readonly string[], options: JoinOptions = {}): Promise<Peer[]> {
  const peers: Peer[] = [];
  for (const url of urls) {
    const result = await join(url, JOIN_TIMEOUT_MS, options);
    if (result.kind !== "welcome") {
      await Promise.all(peers.map((peer) => leave(peer)));
      throw new Error(`could not join: ${result.kind === "closed" ? `closed ${result.code}` : result.reason}`);
    }
    peers.push(result.peer);
  }
  return peers;
}

type FanOut = { samples: number[]; lost: number; errors: number };

/** Each editor sends on its own clock, one message in flight; latency = send until all others have it. */
async function fanOut(urlFor: UrlFor, room: string, options: JoinOptions = {}): Promise<FanOut> {
  const urls = await Promise.all(Array.from({ length: EDITORS }, (_, user) => urlFor(room, user)));
  const peers = await openAll(urls, options);
  const pending = new Map<string, { started: number; left: number; done: () => void }>();
  const samples: number[] = [];
  let lost = 0;

  peers.forEach((peer, receiver) => {
    peer.onChat = (text) => {
      const entry = pending.get(text);
      if (!entry || text.startsWith(`${receiver}:`)) return; // unknown, late, or the sender's own echo
      entry.left -= 1;
      if (entry.left === 0) {
        const ms = performance.now() - entry.started;
        pending.delete(text);
        if (Number(text.split(":")[1]) >= WARMUP_PER_SENDER) samples.push(ms);
        entry.done();
      }
    };
  });

  const start = performance.now();
  const sender = async (peer: Peer, index: number) => {
    const offset = (index * SEND_INTERVAL_MS) / EDITORS; // spread the senders over the interval
    for (let k = 0; k < WARMUP_PER_SENDER + MESSAGES_PER_SENDER; k++) {
      const due = start + offset + k * SEND_INTERVAL_MS;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const text = `${index}:${k}`;
      const delivered = new Promise<void>((done) => {
        pending.set(text, { started: performance.now(), left: EDITORS - 1, done });
      });
      sendChat(peer, text);
      try {
        await withTimeout(delivered, DELIVERY_TIMEOUT_MS, "delivery");
      } catch {
        pending.delete(text);
        lost += 1;
      }
    }
  };
  try {
    await Promise.all(peers.map(sender));
  } finally {
    await Promise.all(peers.map((peer) => leave(peer)));
  }
  return { samples, lost, errors: peers.reduce((sum, peer) => sum + peer.errors, 0) };
}

/** Sequential joins, each closed before the next; returns socket-open-to-welcome times. */
async function joins(urlFor: UrlFor, roomOf: (i: number) => string, count: number): Promise<number[]> {
  const urls = await Promise.all(Array.from({ length: count + 1 }, (_, i) => urlFor(roomOf(i), i)));
  const samples: number[] = [];
  for (const [i, url] of urls.entries()) {
    const result = await join(url, JOIN_TIMEOUT_MS);
    if (result.kind !== "welcome") throw new Error(`join ${i} failed: ${result.kind}`);
    if (i > 0) samples.push(result.ms); // the first join starts the server-side machinery: warm-up
    await leave(result.peer);
  }
  return samples;
}

/** BURST_JOINS editors join a fresh room at once; counts rooms that admitted exactly the cap. */
async function capBursts(urlFor: UrlFor, runId: string): Promise<{ exact: number; admitted: number; refused: number; other: number }> {
  const totals = { exact: 0, admitted: 0, refused: 0, other: 0 };
  for (let rep = 0; rep < BURST_REPETITIONS; rep++) {
    const room = `${runId}-cap-${rep}`;
    const urls = await Promise.all(Array.from({ length: BURST_JOINS }, (_, user) => urlFor(room, user)));
    const results = await Promise.all(urls.map((url) => join(url, JOIN_TIMEOUT_MS)));
    const admitted = results.flatMap((result) => (result.kind === "welcome" ? [result.peer] : []));
    const refused = results.filter((result) => result.kind === "closed" && result.code === CloseCode.roomFull).length;
    totals.admitted += admitted.length;
    totals.refused += refused;
    totals.other += results.length - admitted.length - refused;
    if (admitted.length === MAX_EDITORS && refused === BURST_JOINS - MAX_EDITORS) totals.exact += 1;
    await Promise.all(admitted.map((peer) => leave(peer)));
  }
  return totals;
}

type Measured = { fan: FanOut; warmJoins: number[]; newRoomJoins: number[]; compressedFan?: FanOut };

async function measure(name: string, urlFor: UrlFor, runId: string): Promise<Measured> {
  progress(`rooms: ${name}: chat fan-out, ${EDITORS} editors × ${MESSAGES_PER_SENDER} messages (~${((MESSAGES_PER_SENDER * SEND_INTERVAL_MS) / 1000).toFixed(0)} s)`);
  const fan = await fanOut(urlFor, `${runId}-fan`);
  progress(`rooms: ${name}: ${JOINS} joins into one room, ${NEW_ROOM_JOINS} into new rooms`);
  const warmJoins = await joins(urlFor, () => `${runId}-join`, JOINS);
  const newRoomJoins = await joins(urlFor, (i) => `${runId}-new-${i}`, NEW_ROOM_JOINS);
  return { fan, warmJoins, newRoomJoins };
}

function latencyRows(label: string, value: number[], baseline: number[], p95Target?: number, p99Target?: number): BenchRow[] {
  const v = percentiles(value);
  const b = percentiles(baseline);
  return [
    { measure: `${label} p50`, value: v.p50, unit: "ms", baseline: b.p50 },
    {
      measure: `${label} p95`,
      value: v.p95,
      unit: "ms",
      baseline: b.p95,
      ...(p95Target === undefined ? {} : { target: { op: "<=", value: p95Target } as const }),
    },
    {
      measure: `${label} p99`,
      value: v.p99,
      unit: "ms",
      baseline: b.p99,
      ...(p99Target === undefined ? {} : { target: { op: "<=", value: p99Target } as const }),
    },
  ];
}

function strokeRows(load: Load): BenchRow[] {
  const p = percentiles(load.samples);
  // The room writes each update to SQLite synchronously before broadcasting it: when the others
  // have it, it is durable. A restart-free proxy: the time is an upper bound on durability.
  const label = `stroke-to-durable (send ${STROKE_POINTS}-point stroke → 5 others received; broadcast follows the synchronous SQLite write) (n=${load.samples.length})`;
  return [
    { measure: `${label} p50`, value: p.p50, unit: "ms" },
    { measure: `${label} p95`, value: p.p95, unit: "ms", target: { op: "<=", value: 250 } },
    { measure: `strokes lost or errored of ${load.sent}`, value: load.lost + load.errors, unit: "strokes", target: { op: "=", value: 0 } },
  ];
}

function loadRows(rooms: number, load: Load): BenchRow[] {
  const p = percentiles(load.samples);
  const label = `${rooms} rooms × ${MAX_EDITORS} at ${LOAD_PER_ROOM_PER_SECOND} msg/s per room, chat send → 5 others (n=${load.samples.length})`;
  return [
    { measure: `${label} p50`, value: p.p50, unit: "ms" },
    { measure: `${label} p99`, value: p.p99, unit: "ms" },
    { measure: `${rooms} rooms: messages lost of ${load.sent}`, value: load.lost, unit: "messages", target: { op: "=", value: 0 } },
    { measure: `${rooms} rooms: error replies`, value: load.errors, unit: "messages", target: { op: "=", value: 0 } },
  ];
}

export async function run(): Promise<BenchRow[]> {
  const runId = `bench-${Date.now()}`;

  progress("rooms: baseline: plain ws broadcast server in-process");
  const baseline = await startBaseline();
  let base: Measured;
  try {
    base = await measure("baseline", async (room) => baseline.url(room), runId);
  } finally {
    await withTimeout(baseline.stop(), 5_000, "baseline stop").catch(() => {});
  }

  const secret = randomBytes(32).toString("hex");
  const urlFor = (server: RoomServer): UrlFor => async (roomId, user) => {
    const claims = { userId: `bench-user-${user}`, handle: `bench${user}`, room: roomId, mode: "edit" as const };
    const { token } = await signRoomToken(claims, secret, 600);
    return roomUrl(server.url, roomId, token);
  };

  progress("rooms: starting the room server under wrangler dev (with its development proxy)");
  const devServer = await startRoomServer({ secret });
  let devFan: FanOut;
  try {
    devFan = await fanOut(urlFor(devServer), `${runId}-dev-fan`);
  } finally {
    await devServer.stop();
  }

  progress("rooms: starting the room server as workerd serves it (scripts/serve-rooms.ts)");
  const server = await startRoomServer({ secret, engine: "workerd" });
  let room: Measured;
  let cap: Awaited<ReturnType<typeof capBursts>>;
  const loads: { rooms: number; load: Load }[] = [];
  let stroke: Load;
  try {
    room = await measure("room server", urlFor(server), runId);
    progress(`rooms: room server: chat fan-out again, clients offering permessage-deflate`);
    room.compressedFan = await fanOut(urlFor(server), `${runId}-fan-deflate`, { compression: true });
    progress(`rooms: room server: cap, ${BURST_REPETITIONS} bursts of ${BURST_JOINS} simultaneous editor joins`);
    cap = await capBursts(urlFor(server), runId);
    progress(`rooms: room server: stroke-to-durable, ${STROKES} strokes of ${STROKE_POINTS} points`);
    stroke = await strokes(urlFor(server), `${runId}-strokes`, STROKES, STROKE_POINTS, STROKE_GAP_MS);
    for (const rooms of LOAD_ROOMS) {
      progress(`rooms: room server: ${rooms} rooms of ${MAX_EDITORS} at ${LOAD_PER_ROOM_PER_SECOND} msg/s per room for ${LOAD_SECONDS} s`);
      loads.push({ rooms, load: await manyRooms(urlFor(server), runId, rooms, LOAD_PER_ROOM_PER_SECOND, LOAD_SECONDS) });
    }
  } finally {
    progress("rooms: stopping the room server");
    await server.stop();
  }

  const sent = EDITORS * MESSAGES_PER_SENDER;
  return [
    ...latencyRows(`chat fan-out, ${EDITORS} editors, send → 5 others, frames uncompressed (n=${room.fan.samples.length})`, room.fan.samples, base.fan.samples, 50, 5),
    ...latencyRows(
      `chat fan-out, clients offering permessage-deflate (Node ws inflates on its thread pool) (n=${room.compressedFan?.samples.length ?? 0})`,
      room.compressedFan?.samples ?? [],
      base.fan.samples,
    ),
    ...latencyRows(`chat fan-out through wrangler dev's development proxy (n=${devFan.samples.length})`, devFan.samples, base.fan.samples),
    { measure: `chat messages lost of ${3 * (sent + EDITORS * WARMUP_PER_SENDER)} (all three fan-out runs)`, value: room.fan.lost + (room.compressedFan?.lost ?? 0) + devFan.lost, unit: "messages", target: { op: "=", value: 0 }, baseline: base.fan.lost },
    { measure: "error replies during fan-out (rate limit etc.)", value: room.fan.errors, unit: "messages", target: { op: "=", value: 0 }, baseline: base.fan.errors },
    ...latencyRows(`join, socket open → welcome, existing room (n=${room.warmJoins.length})`, room.warmJoins, base.warmJoins, 250),
    ...latencyRows(`join, socket open → welcome, new room (n=${room.newRoomJoins.length})`, room.newRoomJoins, base.newRoomJoins).slice(0, 2),
    { measure: `cap: rooms with exactly ${MAX_EDITORS} of ${BURST_JOINS} simultaneous editors admitted`, value: cap.exact, unit: `of ${BURST_REPETITIONS} rooms`, target: { op: "=", value: BURST_REPETITIONS } },
    { measure: `cap: joins refused with ${CloseCode.roomFull} (room_full)`, value: cap.refused, unit: `of ${BURST_JOINS * BURST_REPETITIONS} joins`, target: { op: "=", value: (BURST_JOINS - MAX_EDITORS) * BURST_REPETITIONS } },
    { measure: "cap: joins neither admitted nor refused", value: cap.other, unit: "joins", target: { op: "=", value: 0 } },
    ...strokeRows(stroke),
    ...loads.flatMap(({ rooms, load }) => loadRows(rooms, load)),
  ];
}
