"use client";

import { useActionState } from "react";
import { FormAlert } from "@/app/_components/form-field";
import { secondaryButton } from "@/app/_components/styles";
import { saveAction } from "../[id]/actions";
import { SubmitButton } from "./fields";

/** Save an opportunity for later, or unsave it; the outcome is announced, a refusal says why. */
export function SaveForm({ opportunityId, saved }: { opportunityId: string; saved: boolean }) {
  const [state, action] = useActionState(saveAction, null);
  return (
    <form action={action} className="space-y-2">
      <FormAlert message={state && !state.ok ? state.message : null} />
      <input type="hidden" name="id" value={opportunityId} />
      <input type="hidden" name="intent" value={saved ? "unsave" : "save"} />
      <SubmitButton pendingLabel="Saving…" className={secondaryButton}>
        {saved ? "Saved ✓ — unsave" : "Save for later"}
      </SubmitButton>
      <p role="status" className="text-xs text-muted">
        {state?.ok ? `${state.message} ` : ""}Saved deadlines appear in your calendar feed.
      </p>
    </form>
  );
}
