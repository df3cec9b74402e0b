"use client";

import Link from "next/link";
import { useActionState, useEffect, useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import { primaryButtonSmall, textLink } from "@/app/_components/styles";
import type { FormState } from "@/app/_lib/form-action";
import { dismissSuggestion, followSuggestion, inviteSuggestion } from "../actions";

export type WorkspaceChoice = { id: string; name: string };

const quietSmall =
  "inline-flex items-center justify-center rounded-full border border-field bg-surface px-4 py-1.5 text-sm font-medium text-ink " +
  "transition-colors hover:border-ink hover:bg-sunken disabled:cursor-not-allowed disabled:opacity-70";
const summaryClass = `${quietSmall} cursor-pointer list-none [&::-webkit-details-marker]:hidden`;

function Submit({ children, pending, className, label }: { children: React.ReactNode; pending: string; className: string; label?: string }) {
  const status = useFormStatus();
  return (
    <button type="submit" disabled={status.pending} aria-label={label} className={className}>
      {status.pending ? pending : children}
    </button>
  );
}

/** A refused action's message, focused so keyboard and screen-reader users hear it. */
function Problem({ state }: { state: FormState }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const failed = state && !state.ok ? state : null;
  useEffect(() => {
    if (failed) ref.current?.focus();
  }, [failed]);
  if (!failed) return null;
  const details = Object.values(failed.fieldErrors).flat();
  return (
    <p ref={ref} tabIndex={-1} role="alert" className="mt-2 text-sm text-danger" data-testid="suggestion-error">
      {details.length ? details.join(" ") : failed.message}
    </p>
  );
}

type Props = {
  handle: string;
  displayName: string;
  intent: string;
  following: boolean;
  workspaces: WorkspaceChoice[];
};

/**
 * Follow, dismiss (with a reason), view the profile, invite to a workspace. Plain forms with
 * server actions and <details> disclosures, so all of it works without JavaScript as well.
 */
export function SuggestionActions({ handle, displayName, intent, following, workspaces }: Props) {
  const [followState, followAction] = useActionState(followSuggestion, null);
  const [dismissState, dismissAction] = useActionState(dismissSuggestion, null);
  const [inviteState, inviteAction] = useActionState(inviteSuggestion, null);
  const id = useId();
  const hidden = (
    <>
      <input type="hidden" name="handle" value={handle} />
      <input type="hidden" name="intent" value={intent} />
    </>
  );
  return (
    <div className="mt-4 space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        {following ? (
          <span className="inline-flex items-center rounded-full bg-sunken px-4 py-1.5 text-sm text-muted">Following</span>
        ) : (
          <form action={followAction}>
            {hidden}
            <Submit pending="Following…" className={primaryButtonSmall} label={`Follow ${displayName}`}>
              Follow
            </Submit>
          </form>
        )}

        <details className="open:basis-full">
          <summary className={`${summaryClass} w-fit`}>Invite to a workspace</summary>
          <form action={inviteAction} className="mt-3 max-w-md space-y-3 rounded-xl border border-line bg-sunken/40 p-4">
            {hidden}
            <input type="hidden" name="displayName" value={displayName} />
            <label htmlFor={`${id}-workspace`} className="block text-sm font-medium text-ink">
              Where
            </label>
            <select id={`${id}-workspace`} name="workspace" defaultValue="new" className="block w-full rounded-lg border border-field bg-surface px-3 py-2 text-sm text-ink">
              <option value="new">A new direct session with {displayName}</option>
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} (your group session)
                </option>
              ))}
            </select>
            <Submit pending="Inviting…" className={primaryButtonSmall}>
              Send the invitation
            </Submit>
          </form>
        </details>

        <details className="open:basis-full">
          <summary className={`${summaryClass} w-fit`}>Dismiss</summary>
          <form action={dismissAction} className="mt-3 max-w-md space-y-3 rounded-xl border border-line bg-sunken/40 p-4">
            {hidden}
            <fieldset>
              <legend className="text-sm font-medium text-ink">Why hide {displayName}?</legend>
              <div className="mt-2 space-y-1.5 text-sm text-ink">
                <label className="flex items-center gap-2">
                  <input type="radio" name="reason" value="not_relevant" defaultChecked className="accent-accent" /> Not relevant to me
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="reason" value="dont_know" className="accent-accent" /> I don&apos;t know them
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="reason" value="not_now" className="accent-accent" /> Not now (ask again in 30 days)
                </label>
              </div>
            </fieldset>
            <Submit pending="Dismissing…" className={quietSmall}>
              Don&apos;t suggest them
            </Submit>
          </form>
        </details>

        <Link href={`/profile/${handle}`} className={`${textLink} py-1.5 text-sm`}>
          View profile
        </Link>
      </div>
      <Problem state={followState} />
      <Problem state={inviteState} />
      <Problem state={dismissState} />
    </div>
  );
}
