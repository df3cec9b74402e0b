import { describe, expect, it } from "vitest";
import {
  base64ToBytes,
  bytesToBase64,
  MAX_LIVE_STROKE_POINTS,
  MAX_SYNC_FRAME_LENGTH,
  MAX_SYNC_UPDATE_BYTES,
  parseClientMessage,
  parseServerMessage,
} from "@/lib/realtime/protocol";
import { roomHttpBase } from "@/lib/realtime/room-admin";
import { signRoomToken, verifyRoomToken } from "@/lib/realtime/token";

const secret = "unit-test-secret-unit-test-secret-0123";

describe("room protocol: sync, awareness, clear", () => {
  it("round-trips bytes through base64 without Buffer", () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString("base64"));
    expect(base64ToBytes(text)).toEqual(bytes);
  });

  it("parses sync frames up to the size limit", () => {
    const largest = bytesToBase64(new Uint8Array(MAX_SYNC_UPDATE_BYTES));
    const frame = JSON.stringify({ type: "sync", update: largest });
    expect(frame.length).toBeLessThanOrEqual(MAX_SYNC_FRAME_LENGTH);
    expect(parseClientMessage(frame).ok).toBe(true);
    expect(parseClientMessage(JSON.stringify({ type: "sync", update: bytesToBase64(new Uint8Array(MAX_SYNC_UPDATE_BYTES + 3)) })).ok).toBe(false);
    expect(parseClientMessage('{"type":"sync","update":"%%%%"}').ok).toBe(false);
    expect(parseClientMessage('{"type":"sync"}').ok).toBe(false);
  });

  it("parses awareness and caps the live stroke", () => {
    const awareness = { type: "awareness", cursor: { x: 1, y: 2 }, typing: true, stroke: { color: "#aabbcc", width: 3, points: [1, 2, 3, 4] } };
    expect(parseClientMessage(JSON.stringify(awareness))).toEqual({ ok: true, message: awareness });
    expect(parseClientMessage(JSON.stringify({ ...awareness, cursor: null, stroke: null })).ok).toBe(true);
    const long = { ...awareness, stroke: { ...awareness.stroke, points: new Array(MAX_LIVE_STROKE_POINTS * 2 + 2).fill(1) } };
    expect(parseClientMessage(JSON.stringify(long)).ok).toBe(false);
    expect(parseClientMessage(JSON.stringify({ ...awareness, cursor: { x: Number.MAX_VALUE, y: 0 } })).ok).toBe(false);
    expect(parseClientMessage(JSON.stringify({ ...awareness, typing: "yes" })).ok).toBe(false);
    expect(parseClientMessage('{"type":"clear"}')).toEqual({ ok: true, message: { type: "clear" } });
  });

  it("parses what the server sends, welcome with its host included", () => {
    const welcome = { type: "welcome", you: { handle: "a", role: "editor" }, participants: [], maxEditors: 6, host: "a" };
    expect(parseServerMessage(JSON.stringify(welcome))).toEqual(welcome);
    expect(parseServerMessage(JSON.stringify({ ...welcome, host: null }))).not.toBeNull();
    expect(parseServerMessage('{"type":"sync","update":"AAA="}')).toEqual({ type: "sync", update: "AAA=" });
    expect(parseServerMessage(JSON.stringify({ type: "awareness", handle: "a", cursor: null, typing: false, stroke: null }))).not.toBeNull();
    expect(parseServerMessage('{"type":"sync"}')).toBeNull();
  });
});

describe("room tokens: the host claim", () => {
  it("carries host only when set, and defaults to absent", async () => {
    const claims = { userId: "u1", handle: "alice", room: "r1", mode: "edit" as const };
    const host = await signRoomToken({ ...claims, host: true }, secret, 60);
    await expect(verifyRoomToken(host.token, secret, "r1")).resolves.toEqual({ ...claims, host: true });
    const guest = await signRoomToken({ ...claims, host: false }, secret, 60);
    await expect(verifyRoomToken(guest.token, secret, "r1")).resolves.toEqual(claims);
  });
});

describe("room admin", () => {
  it("maps ws to http and wss to https", () => {
    expect(roomHttpBase("ws://127.0.0.1:8787/")).toBe("http://127.0.0.1:8787");
    expect(roomHttpBase("WSS://rooms.example.com")).toBe("https://rooms.example.com");
  });
});
