import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { freePort } from "../../scripts/lib/room-server";

// The production server must refuse to start without its secrets, with a message that says what to do.
test("next start in production without AUTH_SECRET stops with a clear message", async () => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.AUTH_SECRET;
  delete env.NEXTAUTH_SECRET;
  delete env.REALTIME_SECRET;
  const child = spawn("node_modules/.bin/next", ["start", "--port", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += String(chunk)));
  child.stderr.on("data", (chunk) => (output += String(chunk)));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 30_000);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code).toBe(1);
  expect(output).toContain("AUTH_SECRET");
  expect(output).toContain("openssl rand -base64 32");
});
