"use client";

import { useEffect } from "react";
import "./globals.css";

/** Replaces the root layout when it fails, so it brings its own document and keeps to plain markup. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col bg-canvas font-sans text-ink">
        <title>Something went wrong · Kontact</title>
        <main id="main" className="mx-auto flex w-full max-w-2xl flex-1 flex-col items-start justify-center gap-4 px-6 py-16">
          <p className="text-xl font-semibold tracking-tight">
            Kontact
            <span aria-hidden="true" className="text-accent">
              .
            </span>
          </p>
          <h1 className="text-3xl font-semibold tracking-tight">Something went wrong</h1>
          <p className="max-w-prose text-base leading-relaxed text-muted">
            Kontact could not load this page. Trying again usually helps; if it keeps happening, come back in a little while.
          </p>
          <div className="mt-2 flex flex-wrap gap-3">
            <button
              type="button"
              onClick={() => retry()}
              className="rounded-full bg-accent px-5 py-2.5 text-sm font-medium text-white hover:bg-accent-strong"
            >
              Try again
            </button>
            {/* A full page load on purpose: the app's router may be what failed. */}
            <a
              href="/connect"
              className="rounded-full border border-field bg-surface px-5 py-2.5 text-sm font-medium text-ink hover:bg-sunken"
            >
              Go to Connect
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
