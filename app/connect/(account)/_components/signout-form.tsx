"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { FormAlert } from "@/app/_components/form-field";
import { primaryButton, secondaryButton } from "@/app/_components/styles";

export function SignOutForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSignOut() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      // Full page load to /connect afterwards, so nothing from the session stays on screen.
      await signOut({ callbackUrl: "/connect" });
    } catch {
      setPending(false);
      setError("We could not reach Kontact to sign you out. Check your connection and try again.");
    }
  }

  return (
    <div className="space-y-5">
      <FormAlert message={error} />
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={onSignOut} aria-disabled={pending || undefined} className={`${primaryButton} aria-disabled:opacity-70`}>
          {pending ? "Signing out…" : "Sign out"}
        </button>
        <Link href="/connect" className={secondaryButton}>
          Stay signed in
        </Link>
      </div>
    </div>
  );
}
