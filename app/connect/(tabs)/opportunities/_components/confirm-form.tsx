"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/_lib/form-action";
import { FormAlert } from "@/app/_components/form-field";
import { secondaryButton } from "@/app/_components/styles";
import { SubmitButton } from "./fields";

type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  opportunityId: string;
  /** The checkbox that must be ticked first (the browser enforces it, without JavaScript too). */
  confirm: string;
  button: string;
  pending: string;
  className: string;
  testId?: string;
};

/** A destructive step on an opportunity behind a confirmation checkbox; a refusal says why on the form. */
export function ConfirmForm({ action, opportunityId, confirm, button, pending, className, testId }: Props) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={`flex flex-wrap items-center gap-3 border-t border-line ${className}`} data-testid={testId}>
      <div className="w-full">
        <FormAlert message={state && !state.ok ? state.message : null} />
      </div>
      <input type="hidden" name="id" value={opportunityId} />
      <label className="inline-flex items-center gap-2 text-ink">
        <input type="checkbox" name="confirm" required className="size-4 accent-accent" />
        {confirm}
      </label>
      <SubmitButton pendingLabel={pending} className={secondaryButton}>
        {button}
      </SubmitButton>
    </form>
  );
}
