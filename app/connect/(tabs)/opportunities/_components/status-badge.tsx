import type { Opportunity } from "@/lib/services/opportunity_announcement";
import { deadlineLabel, isClosingSoon } from "../_lib/format";

/** The deadline as people think of it ("Closes in 3 days"), with the exact date for machines. */
export function DeadlineBadge({ opportunity, now }: { opportunity: Pick<Opportunity, "status" | "deadline">; now: number }) {
  const label = deadlineLabel(opportunity, now);
  const soon = isClosingSoon(opportunity, now);
  const tone =
    opportunity.status !== "open"
      ? "border-line bg-sunken text-muted"
      : soon
        ? "border-danger/30 bg-danger-soft text-danger"
        : "border-accent/30 bg-accent-soft text-accent";
  return (
    <span data-testid="deadline" className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-medium ${tone}`}>
      {opportunity.deadline && opportunity.status === "open" ? <time dateTime={opportunity.deadline}>{label}</time> : label}
    </span>
  );
}
