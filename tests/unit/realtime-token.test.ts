import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { isTerminalCloseCode, parseClientMessage } from "@/lib/realtime/protocol";
import { roomUrl, RoomTokenError, signRoomToken, verifyRoomToken } from "@/lib/realtime/token";

const secret = "unit-test-secret-unit-test-secret-0123";
const claims = { userId: "user-1", handle: "alice", room: "room-1", mode: "edit" as const };

describe("room tokens", () => {
  it("round-trips the claims and reports the expiry", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const { token, expiresAt } = await signRoomToken(claims, secret, 120, now);
    expect(expiresAt.toISOString()).toBe("2030-01-01T00:02:00.000Z");
    const fresh = await signRoomToken(claims, secret, 120);
    await expect(verifyRoomToken(fresh.token, secret, "room-1")).resolves.toEqual(claims);
    expect(token.split(".")).toHaveLength(3);
  });

  it("keeps the spectate mode", async () => {
    const { token } = await signRoomToken({ ...claims, mode: "spectate" }, secret, 60);
    await expect(verifyRoomToken(token, secret, "room-1")).resolves.toMatchObject({ mode: "spectate" });
  });

  it("refuses an expired token", async () => {
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const { token } = await signRoomToken(claims, secret, 60, tenMinutesAgo);
    await expect(verifyRoomToken(token, secret, "room-1")).rejects.toThrow(RoomTokenError);
  });

  it("refuses a token signed with another secret", async () => {
    const { token } = await signRoomToken(claims, "another-secret-another-secret-0123456", 60);
    await expect(verifyRoomToken(token, secret, "room-1")).rejects.toThrow(RoomTokenError);
  });

  it("refuses a token for another room", async () => {
    const { token } = await signRoomToken(claims, secret, 60);
    await expect(verifyRoomToken(token, secret, "room-2")).rejects.toThrow(/another room/);
  });

  it("refuses a tampered payload", async () => {
    const { token } = await signRoomToken(claims, secret, 60);
    const [header, , signature] = token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: "user-2", mode: "edit" })).toString("base64url");
    await expect(verifyRoomToken(`${header}.${forgedPayload}.${signature}`, secret, "room-1")).rejects.toThrow(RoomTokenError);
  });

  it("refuses a correctly signed token with the wrong audience or missing claims", async () => {
    const key = new TextEncoder().encode(secret);
    const wrongAudience = await new SignJWT({ handle: "alice", room: "room-1", mode: "edit" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("user-1")
      .setIssuer("kontact")
      .setAudience("something-else")
      .setExpirationTime("1m")
      .sign(key);
    await expect(verifyRoomToken(wrongAudience, secret, "room-1")).rejects.toThrow(RoomTokenError);
    const noMode = await new SignJWT({ handle: "alice", room: "room-1" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("user-1")
      .setIssuer("kontact")
      .setAudience("kontact-room")
      .setExpirationTime("1m")
      .sign(key);
    await expect(verifyRoomToken(noMode, secret, "room-1")).rejects.toThrow(/malformed/);
  });

  it("refuses garbage and weak secrets", async () => {
    await expect(verifyRoomToken("not-a-jwt", secret, "room-1")).rejects.toThrow(RoomTokenError);
    await expect(signRoomToken(claims, "short", 60)).rejects.toThrow(/at least 32/);
    await expect(signRoomToken(claims, secret, 0)).rejects.toThrow(/positive/);
  });

  it("builds the complete socket URL", () => {
    expect(roomUrl("ws://127.0.0.1:8787/", "a b/c", "t.k-n")).toBe(
      "ws://127.0.0.1:8787/parties/workspace/a%20b%2Fc?token=t.k-n",
    );
  });
});

describe("room protocol", () => {
  it("parses chat and refuses bad frames without throwing", () => {
    expect(parseClientMessage('{"type":"chat","text":"hi"}')).toEqual({ ok: true, message: { type: "chat", text: "hi" } });
    expect(parseClientMessage("{nope").ok).toBe(false);
    expect(parseClientMessage('{"type":"chat","text":"   "}').ok).toBe(false);
    expect(parseClientMessage(JSON.stringify({ type: "chat", text: "x".repeat(2001) })).ok).toBe(false);
    expect(parseClientMessage('{"type":"dance"}').ok).toBe(false);
  });

  it("knows which close codes end reconnection", () => {
    expect(isTerminalCloseCode(4429)).toBe(true);
    expect(isTerminalCloseCode(4410)).toBe(true);
    expect(isTerminalCloseCode(1006)).toBe(false);
  });
});
