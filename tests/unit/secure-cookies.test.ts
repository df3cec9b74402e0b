import { describe, expect, it } from "vitest";
import { insecureProductionUrl } from "@/lib/startup-check";

describe("cookies in production", () => {
  it("refuses a plain-http public URL, which would send session cookies without Secure", () => {
    expect(insecureProductionUrl("http://kontact.example.org")).toMatch(/must be an https:\/\/ URL/);
    expect(insecureProductionUrl("http://10.0.0.5:3000")).toMatch(/http:\/\/10\.0\.0\.5:3000/);
  });

  it("accepts https anywhere, plain http on loopback, and an unset URL", () => {
    for (const url of ["https://kontact.example.org", "http://localhost:3000", "http://127.0.0.1:3100", "http://[::1]:3000", undefined]) {
      expect(insecureProductionUrl(url), String(url)).toBeNull();
    }
  });
});
