"use client";

import Link, { useLinkStatus } from "next/link";
import { MATCH_INTENTS } from "@/lib/validation/matching";
import { INTENT_LABELS, suggestionsHref, type Intent } from "../_lib/suggestions-params";

/** The loading state while the other intent's suggestions are fetched (client navigation only). */
function Pending() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span role="status" className="ml-2 inline-block size-3 animate-spin rounded-full border-2 border-accent border-t-transparent align-[-1px]" data-testid="suggestions-loading">
      <span className="sr-only">Loading suggestions…</span>
    </span>
  );
}

/** Follow, contact or make work with: links (the URL holds the choice), so it works without JavaScript. */
export function IntentSwitcher({ intent, keep }: { intent: Intent; keep: string }) {
  const params = new URLSearchParams(keep);
  return (
    <nav aria-label="Suggestions for" className="flex flex-wrap gap-2">
      {MATCH_INTENTS.map((value) => {
        const current = value === intent;
        return (
          <Link
            key={value}
            href={suggestionsHref(value, {}, params)}
            aria-current={current ? "page" : undefined}
            scroll={false}
            className={
              "rounded-full border px-4 py-1.5 text-sm transition-colors " +
              (current ? "border-accent bg-accent-soft font-medium text-ink" : "border-line text-muted hover:border-field hover:text-ink")
            }
          >
            {INTENT_LABELS[value].tab}
            <Pending />
          </Link>
        );
      })}
    </nav>
  );
}
