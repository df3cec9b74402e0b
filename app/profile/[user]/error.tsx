"use client";

import { ErrorView } from "@/app/_components/error-view";

export default function ProfileError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} title="This profile could not be shown" />;
}
