"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { primaryButton, secondaryButton } from "./styles";

type Props = {
  error: unknown;
  retry: () => void;
  title?: string;
  /** h1 when the error replaces a whole page, h2 when a layout above keeps its own h1. */
  as?: "h1" | "h2";
};

/** What every error boundary shows: a plain apology, a retry, a way out. Details stay in the logs. */
export function ErrorView({ error, retry, title = "Something went wrong", as: Heading = "h1" }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  useEffect(() => {
    console.error(error);
    headingRef.current?.focus();
  }, [error]);

  return (
    <section className="flex flex-col items-start gap-4 py-6">
      <Heading ref={headingRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight text-ink focus:outline-none">
        {title}
      </Heading>
      <p className="max-w-prose text-base leading-relaxed text-muted">
        This part of Kontact could not be shown right now. Trying again usually helps; if it keeps happening, come back in a
        little while.
      </p>
      {digest ? <p className="text-sm text-muted">Reference: {digest}</p> : null}
      <div className="mt-2 flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className={primaryButton}>
          Try again
        </button>
        <Link href="/connect" className={secondaryButton}>
          Go to Connect
        </Link>
      </div>
    </section>
  );
}
