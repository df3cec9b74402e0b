"use client";

import { useActionState } from "react";
import { primaryButton, secondaryButton } from "@/app/_components/styles";
import type { Relationship } from "@/lib/services/professional_profile";
import { changeRelationship } from "../actions";

type Intent = "follow" | "unfollow" | "block" | "unblock";

const dangerButton =
  "inline-flex items-center justify-center gap-2 rounded-full bg-danger px-5 py-2.5 text-sm font-medium text-white transition-colors hover:bg-[#8f1c13]";

function Spinner() {
  return <span aria-hidden="true" className="size-3.5 rounded-full border-2 border-current/30 border-t-current motion-safe:animate-spin" />;
}

/** One relationship change as a small form: works before hydration, shows its pending state and any error. */
function RelationshipForm({ handle, intent, className, children }: { handle: string; intent: Intent; className: string; children: React.ReactNode }) {
  const [state, action, pending] = useActionState(changeRelationship, null);
  return (
    <form action={action} className="contents">
      <input type="hidden" name="handle" value={handle} />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" aria-disabled={pending || undefined} aria-busy={pending || undefined} className={`${className} aria-disabled:opacity-70`}>
        {pending ? <Spinner /> : null}
        {children}
      </button>
      <span role="status" className="basis-full text-sm empty:hidden">
        {state && !state.ok ? <span className="text-danger">{state.message}</span> : null}
      </span>
    </form>
  );
}

/** Follow/unfollow and block/unblock for a signed-in visitor. Blocking asks first, without needing JavaScript. */
export function RelationshipActions({ handle, displayName, relationship }: { handle: string; displayName: string; relationship: Relationship }) {
  if (relationship.blockedByYou) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-muted">You blocked @{handle}.</p>
        <RelationshipForm handle={handle} intent="unblock" className={secondaryButton}>
          Unblock
        </RelationshipForm>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      {relationship.following ? (
        <RelationshipForm handle={handle} intent="unfollow" className={secondaryButton}>
          Unfollow<span className="sr-only"> {displayName}</span>
        </RelationshipForm>
      ) : (
        <RelationshipForm handle={handle} intent="follow" className={primaryButton}>
          {relationship.followsYou ? "Follow back" : "Follow"}
          <span className="sr-only"> {displayName}</span>
        </RelationshipForm>
      )}
      <details className="group relative">
        <summary className="cursor-pointer list-none rounded-full px-3 py-2.5 text-sm font-medium text-muted hover:text-ink [&::-webkit-details-marker]:hidden">
          Block…
        </summary>
        <div className="absolute right-0 z-10 mt-2 w-72 rounded-xl border border-line bg-surface p-4 shadow-lg sm:w-80">
          <p className="text-sm leading-relaxed text-ink">
            Block @{handle}? You will stop seeing each other in matches, cannot invite or endorse each other, and any
            follows between you are removed.
          </p>
          <div className="mt-4 flex flex-wrap gap-2">
            <RelationshipForm handle={handle} intent="block" className={dangerButton}>
              Block @{handle}
            </RelationshipForm>
          </div>
        </div>
      </details>
    </div>
  );
}
