import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, realtimeOrigin } from "@/lib/http/csp";
import { inlineScriptHashes } from "@/lib/http/inline-scripts";

function directive(policy: string, name: string): string[] {
  const found = policy.split(";").map((part) => part.trim().split(/\s+/)).find(([key]) => key === name);
  return found?.slice(1) ?? [];
}

describe("the page policy", () => {
  it("lets scripts run only by this response's nonce, never inline or eval in production", () => {
    const policy = contentSecurityPolicy({ scripts: { nonce: "abc123" }, realtimeUrl: "wss://rooms.example.org/x" });
    expect(directive(policy, "script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(directive(policy, "script-src").join(" ")).not.toContain("unsafe");
    expect(directive(policy, "connect-src")).toEqual(["'self'", "wss://rooms.example.org"]);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(directive(policy, "base-uri")).toEqual(["'self'"]);
    expect(directive(policy, "form-action")).toEqual(["'self'"]);
  });

  it("allows eval in development only, where React needs it", () => {
    const policy = contentSecurityPolicy({ scripts: { nonce: "n" }, development: true });
    expect(directive(policy, "script-src")).toContain("'unsafe-eval'");
  });

  it("lists a cached page's script hashes instead of a nonce", () => {
    const policy = contentSecurityPolicy({ scripts: { hashes: ["'sha256-AAA='", "'sha256-BBB='"] } });
    expect(directive(policy, "script-src")).toEqual(["'self'", "'sha256-AAA='", "'sha256-BBB='"]);
    expect(directive(policy, "script-src").join(" ")).not.toMatch(/unsafe|nonce|strict-dynamic/);
  });

  it("makes a different 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("reduces REALTIME_URL to the origin sockets open, with the local default", () => {
    expect(realtimeOrigin("ws://127.0.0.1:8787/parties")).toBe("ws://127.0.0.1:8787");
    expect(realtimeOrigin(undefined)).toBe("ws://127.0.0.1:8787");
  });
});

describe("inline script hashes", () => {
  it("hashes each inline script's text exactly, once, and skips scripts with src", () => {
    const html = [
      '<html><head><script src="/_next/static/a.js" async=""></script></head><body>',
      "<script>alert(1)</script>",
      '<script nonce="x">self.__next_f.push([1,"é"])</script>',
      "<script>alert(1)</script>",
      "<SCRIPT type=module\n>alert(1)</SCRIPT>",
      "</body></html>",
    ].join("");
    expect(inlineScriptHashes(html)).toEqual([
      "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='",
      "'sha256-dv0JtpxmHXrDI1gjYAA39VMc738BDF21voU1xCV8A70='",
    ]);
  });

  it("finds none in a page without inline scripts", () => {
    expect(inlineScriptHashes('<p>hi</p><script src="/x.js"></script>')).toEqual([]);
  });
});
