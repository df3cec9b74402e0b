import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

/** Saves a full-page screenshot under tests/e2e/screenshots/<test>/<step>.png and attaches it to the report. */
export async function snap(page: Page, testInfo: TestInfo, step: string): Promise<void> {
  const file = path.join("tests", "e2e", "screenshots", testInfo.titlePath.slice(1).join(" - ").replace(/[^\w-]+/g, "_"), `${step}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(step, { path: file, contentType: "image/png" });
}
