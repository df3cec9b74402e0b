"use client";

import { useEffect, useRef } from "react";

/**
 * The outcome of the last follow or dismissal, announced politely. The card acted on is gone
 * after the action, so focus would fall back to the page: it moves here instead, and the next
 * Tab goes on from the suggestions.
 */
export function SuggestionsNotice({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (text && lost) ref.current?.focus();
  }, [text]);
  return (
    <p ref={ref} tabIndex={-1} role="status" aria-live="polite" className="text-sm text-ink empty:hidden" data-testid="suggestions-notice">
      {text}
    </p>
  );
}
