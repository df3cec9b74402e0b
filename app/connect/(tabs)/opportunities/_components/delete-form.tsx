"use client";

import { deleteAction } from "../[id]/actions";
import { ConfirmForm } from "./confirm-form";

/** The owner deletes a posting after ticking a confirmation; a refusal (filled meanwhile) says why. */
export function DeleteForm({ opportunityId }: { opportunityId: string }) {
  return (
    <ConfirmForm action={deleteAction} opportunityId={opportunityId} confirm="Delete this posting and its applications" button="Delete" pending="Deleting…"
      className="pt-5 text-sm" />
  );
}
