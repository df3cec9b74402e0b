"use client";

import { withdrawAction } from "../[id]/actions";
import { ConfirmForm } from "./confirm-form";

/** Take an application back, after ticking a confirmation (works without JavaScript). */
export function WithdrawForm({ opportunityId }: { opportunityId: string }) {
  return (
    <ConfirmForm action={withdrawAction} opportunityId={opportunityId} confirm="Withdraw my application" button="Withdraw" pending="Withdrawing…"
      className="mt-4 pt-4" testId="withdraw-form" />
  );
}
