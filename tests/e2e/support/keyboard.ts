import { expect, type Locator, type Page } from "@playwright/test";

type FocusState = { visible: boolean; ring: boolean; html: string };

/** What has focus now, whether it matches :focus-visible, and whether a ring is drawn (on it, or on the label around a visually hidden input). */
function focusState(page: Page): Promise<FocusState | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const drawsRing = (node: Element) => {
      const style = getComputedStyle(node);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      return outline || style.boxShadow !== "none";
    };
    // A visually hidden input (sr-only) shows its focus on the nearest visible ancestor.
    let shown: Element | null = el;
    while (shown && shown !== document.body) {
      const box = shown.getBoundingClientRect();
      if (box.width > 2 && box.height > 2) break;
      shown = shown.parentElement;
    }
    // A date field's calendar button lives in the browser's own shadow tree: the field is the
    // active element without matching :focus, and Chromium draws that button's ring itself.
    const pickerButton = el instanceof HTMLInputElement && /^(date|datetime-local|month|week|time)$/.test(el.type) && !el.matches(":focus");
    if (pickerButton) return { visible: true, ring: true, html: el.outerHTML.slice(0, 160) };
    return {
      visible: el.matches(":focus-visible"),
      ring: Boolean(shown && shown !== document.body && drawsRing(shown)),
      html: el.outerHTML.slice(0, 160),
    };
  });
}

/** The focused element shows a visible focus indicator. */
export async function expectFocusVisible(page: Page): Promise<void> {
  const state = await focusState(page);
  expect(state, "something on the page has focus").not.toBeNull();
  expect(state!.visible && state!.ring, `focus is visible on ${state!.html}`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking at every stop that the focused
 * element shows a focus ring; fails after `maxTabs` presses. Focus passing through the document
 * itself (wrapping past the last control) is allowed.
 */
export async function tabTo(page: Page, target: Locator, maxTabs = 40, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  await expect(target).toBeAttached();
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press(key);
    const state = await focusState(page);
    if (state) expect(state.visible && state.ring, `focus is visible on ${state.html}`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target} was not reached after ${maxTabs} presses of ${key}`);
}

/** Focuses `target` by Tab and types `text` into it. */
export async function tabAndType(page: Page, target: Locator, text: string, maxTabs = 40): Promise<void> {
  await tabTo(page, target, maxTabs);
  await page.keyboard.type(text);
  await expect(target).toHaveValue(text);
}
