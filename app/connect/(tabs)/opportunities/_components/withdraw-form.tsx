import { secondaryButton } from "@/app/_components/styles";
import { withdrawAction } from "../[id]/actions";
import { SubmitButton } from "./fields";

/** Take an application back, after ticking a confirmation (works without JavaScript). */
export function WithdrawForm({ opportunityId }: { opportunityId: string }) {
  return (
    <form action={withdrawAction} className="mt-4 flex flex-wrap items-center gap-3 border-t border-line pt-4" data-testid="withdraw-form">
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
