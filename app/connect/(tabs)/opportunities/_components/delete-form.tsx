"use client";

import { useActionState } from "react";
import { FormAlert } from "@/app/_components/form-field";
import { secondaryButton } from "@/app/_components/styles";
import { deleteAction } from "../[id]/actions";
import { SubmitButton } from "./fields";

/** The owner deletes a posting after ticking a confirmation; a refusal (filled meanwhile) says why. */
export function DeleteForm({ opportunityId }: { opportunityId: string }) {
  const [state, action] = useActionState(deleteAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3 border-t border-line pt-5 text-sm">
      <div className="w-full">
        <FormAlert message={state && !state.ok ? state.message : null} />
      </div>
      <input type="hidden" name="id" value={opportunityId} />
      <label className="inline-flex items-center gap-2 text-ink">
        <input type="checkbox" name="confirm" required className="size-4 accent-accent" />
        Delete this posting and its applications
      </label>
      <SubmitButton pendingLabel="Deleting…" className={secondaryButton}>
        Delete
      </SubmitButton>
    </form>
  );
}
