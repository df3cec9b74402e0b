import type { FairCall } from "@/lib/services/opportunity_announcement";

const tone: Record<FairCall["level"], string> = {
  fair: "border-emerald-700/30 bg-emerald-50 text-emerald-800",
  caution: "border-amber-700/30 bg-amber-50 text-amber-900",
  pay_to_play: "border-danger/30 bg-danger-soft text-danger",
};

const icon: Record<FairCall["level"], string> = { fair: "✓", caution: "!", pay_to_play: "€" };

/**
 * The fair-call badge with its reason in a tooltip that opens on hover and on keyboard focus
 * (the badge is focusable and described by the tooltip, so screen readers read the reason too).
 */
export function FairCallBadge({ call, id }: { call: FairCall; id: string }) {
  const tipId = `${id}-fair-call`;
  return (
    <span className="group relative inline-flex">
      <span
        tabIndex={0}
        aria-describedby={tipId}
        data-testid="fair-call"
        data-level={call.level}
        className={`inline-flex cursor-help items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium ${tone[call.level]}`}
      >
        <span aria-hidden="true">{icon[call.level]}</span>
        {call.label}
      </span>
      <span
        role="tooltip"
        id={tipId}
        className={
          "invisible absolute top-full left-0 z-20 mt-2 w-64 rounded-lg border border-line bg-ink px-3 py-2 text-xs leading-snug text-white opacity-0 shadow-lg " +
          "transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100"
        }
      >
        {call.reason}
      </span>
    </span>
  );
}
