"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { secondaryButton } from "@/app/_components/styles";

const INTERVAL_MS = 1500;
const ATTEMPTS = 40;

/**
 * Right after the end, the room is still handing its chat, notes and canvas to the app. This
 * re-reads the page until they arrive (a minute at most), then the summary replaces it.
 */
export function ArchiveWaiter() {
  const router = useRouter();
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (tries >= ATTEMPTS) return;
    const timer = setTimeout(() => {
      router.refresh();
      setTries((n) => n + 1);
    }, INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [router, tries]);
  return (
    <div role="status" data-testid="archive-pending" className="rounded-xl border border-line bg-sunken px-4 py-3 text-sm text-ink">
      <p>The room is handing over its chat, notes and canvas. This usually takes a few seconds.</p>
      {tries >= ATTEMPTS ? (
        <button type="button" onClick={() => setTries(0)} className={`${secondaryButton} mt-3`}>
          Check again
        </button>
      ) : null}
    </div>
  );
}
