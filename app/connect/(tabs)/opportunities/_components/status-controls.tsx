"use client";

import { useActionState } from "react";
import { FieldErrors, FormAlert, inputClass } from "@/app/_components/form-field";
import { secondaryButton } from "@/app/_components/styles";
import type { OpportunityStatus } from "@/lib/services/opportunity_announcement";
import { statusAction } from "../[id]/actions";
import { SubmitButton } from "./fields";

type Applicant = { handle: string; displayName: string };

/** Close, reopen, or mark filled naming the selected applicants; filled is final, so there is nothing after it. */
export function StatusControls({ id, status, deadlinePassed, applicants }: { id: string; status: OpportunityStatus; deadlinePassed: boolean; applicants: Applicant[] }) {
  const [state, action] = useActionState(statusAction, null);
  const failed = state && !state.ok ? state : null;
  if (status === "filled") return null;
  return (
    <div className="space-y-6" data-testid="status-controls">
      <FormAlert message={failed ? failed.message : null} />
      {state?.ok ? <p role="status" className="text-sm text-ink">{state.message}</p> : null}
      {status === "open" ? (
        <form action={action}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="intent" value="close" />
          <SubmitButton pendingLabel="Closing…" className={secondaryButton}>
            Close applications
          </SubmitButton>
        </form>
      ) : (
        <form action={action} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="intent" value="reopen" />
          {deadlinePassed ? (
            <div>
              <label htmlFor="reopen-deadline" className="block text-sm font-medium text-ink">
                New deadline
              </label>
              <input id="reopen-deadline" name="deadline" type="date" required className={`${inputClass} mt-2`} />
            </div>
          ) : null}
          <SubmitButton pendingLabel="Reopening…" className={secondaryButton}>
            Reopen
          </SubmitButton>
        </form>
      )}
      <form action={action} className="space-y-3">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="intent" value="fill" />
        <fieldset>
          <legend className="text-sm font-medium text-ink">Mark as filled</legend>
          <p id="fill-hint" className="mt-1 text-sm text-muted">
            Choose who was selected. This is final, and it lets you and them endorse each other.
          </p>
          {applicants.length ? (
            <ul className="mt-3 space-y-2">
              {applicants.map((a) => (
                <li key={a.handle}>
                  <label className="inline-flex items-center gap-2 text-sm text-ink">
                    <input type="checkbox" name="filledBy" value={a.handle} className="size-4 accent-accent" aria-describedby="fill-hint" />
                    {a.displayName} <span className="text-muted">@{a.handle}</span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-muted">No one has applied yet, so there is no one to select.</p>
          )}
          <FieldErrors id="filledBy" errors={failed?.fieldErrors.filledBy} />
        </fieldset>
        {applicants.length ? (
          <SubmitButton pendingLabel="Saving…" className={secondaryButton}>
            Mark filled
          </SubmitButton>
        ) : null}
      </form>
    </div>
  );
}
