"use client";

import { ErrorView } from "@/app/_components/error-view";

// The tabs layout keeps its h1 and tab bar, so this heading is an h2.
export default function TabsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} as="h2" title="This section could not be shown" />;
}
