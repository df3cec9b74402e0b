"use client";

import { ErrorView } from "@/app/_components/error-view";

export default function EditProfileError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} title="The profile editor could not be shown" />;
}
