import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "@/lib/http/respond";

const req = (method: string, headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/v1/follows", { method, headers });

describe("cross-origin writes", () => {
  it("refuses a write whose Origin names another host, or an opaque one", () => {
    expect(isCrossOriginWrite(req("POST", { host: "127.0.0.1:3000", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOriginWrite(req("DELETE", { host: "kontact.example", origin: "http://kontact.example:8080" }))).toBe(true);
    expect(isCrossOriginWrite(req("PATCH", { host: "127.0.0.1:3000", origin: "null" }))).toBe(true);
  });

  it("lets through same-origin writes, writes without Origin, reads, and the proxy's forwarded host", () => {
    expect(isCrossOriginWrite(req("POST", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).toBe(false);
    expect(isCrossOriginWrite(req("POST", { host: "127.0.0.1:3000" }))).toBe(false);
    expect(isCrossOriginWrite(req("GET", { host: "127.0.0.1:3000", origin: "https://evil.example" }))).toBe(false);
    expect(isCrossOriginWrite(req("POST", { host: "10.0.0.5:3000", "x-forwarded-host": "kontact.example", origin: "https://kontact.example" }))).toBe(false);
  });
});
