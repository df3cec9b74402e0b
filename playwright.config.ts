import { defineConfig, devices } from "@playwright/test";

// Ports and folders come from scripts/test.ts (one value for the runner and every worker).
const port = Number(process.env.E2E_PORT ?? 3100);
const roomPort = Number(process.env.E2E_ROOM_PORT ?? 8790);
const baseURL = `http://127.0.0.1:${port}`;
const chromium = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node_modules/.bin/tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      REALTIME_URL: `ws://127.0.0.1:${roomPort}`,
      NEXTAUTH_URL: baseURL,
      APP_URL: baseURL,
      KONTACT_SEED: process.env.KONTACT_SEED ?? "never",
      // Every test signs in from 127.0.0.1; the per-account throttle stays at its real value.
      SIGNIN_IP_LIMIT: "2000",
      SIGNUP_IP_LIMIT: "2000",
      WRITE_IP_LIMIT: "100000",
      WRITE_USER_LIMIT: "100000",
    },
  },
});
