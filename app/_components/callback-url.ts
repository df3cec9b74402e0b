/**
 * Keeps a `callbackUrl` only when it is a same-origin relative path ("/connect/people"),
 * so a sign-in link cannot send people to another site ("//evil.example", "/\\evil.example").
 */
export function safeCallbackUrl(raw: unknown, fallback = "/connect"): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  // Control characters (tabs, newlines) are stripped by URL parsers and can hide a "//".
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, "http://kontact.invalid");
    if (url.origin !== "http://kontact.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
