"use client";

import { useActionState } from "react";
import { FormAlert } from "@/app/_components/form-field";
import { secondaryButton } from "@/app/_components/styles";
import { withdrawAction } from "../[id]/actions";
import { SubmitButton } from "./fields";

/** Take an application back, after ticking a confirmation (works without JavaScript); a refusal says why. */
export function WithdrawForm({ opportunityId }: { opportunityId: string }) {
  const [state, action] = useActionState(withdrawAction, null);
  return (
    <form action={action} className="mt-4 flex flex-wrap items-center gap-3 border-t border-line pt-4" data-testid="withdraw-form">
      <div className="w-full">
        <FormAlert message={state && !state.ok ? state.message : null} />
      </div>
      <input type="hidden" name="id" value={opportunityId} />
      <label className="inline-flex items-center gap-2 text-ink">
        <input type="checkbox" name="confirm" required className="size-4 accent-accent" />
        Withdraw my application
      </label>
      <SubmitButton pendingLabel="Withdrawing…" className={secondaryButton}>
        Withdraw
      </SubmitButton>
    </form>
  );
}
