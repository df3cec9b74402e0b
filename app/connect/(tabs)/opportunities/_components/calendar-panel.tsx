"use client";

import { useActionState } from "react";
import { FormAlert, inputClass } from "@/app/_components/form-field";
import { secondaryButton, textLink } from "@/app/_components/styles";
import { rotateCalendarAction } from "../actions";
import { SubmitButton } from "./fields";

/**
 * The signed-in person's private deadlines feed: subscribe link, copyable URL, and a reset whose
 * outcome is announced (a refusal says why). The panel stays open after a reset, also when the
 * page came back from a form post without JavaScript.
 */
export function CalendarPanel({ url }: { url: string }) {
  const [state, action] = useActionState(rotateCalendarAction, null);
  const webcal = url.replace(/^https?:\/\//, "webcal://");
  return (
    <details open={state ? true : undefined} className="rounded-2xl border border-line bg-surface p-5 text-sm" data-testid="calendar-panel">
      <summary className="cursor-pointer font-medium text-ink">Deadlines in your calendar</summary>
      <div className="mt-4 space-y-3 text-muted">
        <p>
          The deadlines of opportunities you save or apply to, in any calendar app, with a reminder three days before.{" "}
          <a href={webcal} className={textLink}>
            Subscribe
          </a>{" "}
          or copy this private address:
        </p>
        <label htmlFor="calendar-url" className="sr-only">
          Your private calendar address
        </label>
        <input id="calendar-url" readOnly value={url} className={`${inputClass} font-mono text-xs`} />
        <form action={action} className="space-y-2">
          <FormAlert message={state && !state.ok ? state.message : null} />
          <div className="flex flex-wrap items-center gap-3">
            <p>Shared it by mistake? A new address stops the old one at once.</p>
            <SubmitButton pendingLabel="Making a new address…" className={secondaryButton}>
              New address
            </SubmitButton>
          </div>
          <p role="status" className="text-xs">
            {state?.ok ? state.message : ""}
          </p>
        </form>
      </div>
    </details>
  );
}
