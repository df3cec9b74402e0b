import { MATCH_INTENTS } from "@/lib/validation/matching";

export type Intent = (typeof MATCH_INTENTS)[number];
export type PageSearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The suggestions' intent from the URL; anything else is the default (follow). */
export function intentOf(search: PageSearchParams): Intent {
  const value = first(search.intent);
  return (MATCH_INTENTS as readonly string[]).includes(value ?? "") ? (value as Intent) : "follow";
}

export type Notice = { done: "followed" | "dismissed"; who: string; reason?: string };

/** What the last card action did, carried through its redirect so it also shows without JavaScript. */
export function noticeOf(search: PageSearchParams): Notice | null {
  const done = first(search.done);
  const who = first(search.who) ?? "";
  if ((done !== "followed" && done !== "dismissed") || !/^[a-z0-9_-]{3,30}$/.test(who)) return null;
  return { done, who, reason: first(search.reason) };
}

/** /connect/people with the intent (when not the default) and any extra parameters. */
export function suggestionsHref(intent: Intent, extra: Record<string, string> = {}, keep?: URLSearchParams): string {
  const params = new URLSearchParams(keep);
  params.delete("cursor");
  if (intent === "follow") params.delete("intent");
  else params.set("intent", intent);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `/connect/people?${text}` : "/connect/people";
}

export const INTENT_LABELS: Record<Intent, { tab: string; heading: string; blurb: string }> = {
  follow: { tab: "To follow", heading: "People to follow", blurb: "People whose work is close to yours, rare shared skills first." },
  contact: { tab: "To contact", heading: "People to contact", blurb: "Galleries, curators, venues and artists you could work with, close to you in skills and place." },
  collaborate: { tab: "To make work with", heading: "People to make work with", blurb: "People open to collaboration who share your skills, your themes or your city." },
};
