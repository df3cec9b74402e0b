"use client";

import { ErrorView } from "./_components/error-view";
import { PageShell } from "./_components/page-shell";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  // Replaces the section layouts, so it brings its own header; it runs in the browser, which asks who is signed in.
  return (
    <PageShell user="ask">
      <ErrorView error={error} retry={retry} />
    </PageShell>
  );
}
