import { primaryButton } from "@/app/_components/styles";

/** Stays focusable while pending (aria-disabled, not disabled) so keyboard focus is not lost. */
export function SubmitButton({ pending, children, pendingLabel }: { pending: boolean; children: React.ReactNode; pendingLabel: string }) {
  return (
    <button type="submit" aria-disabled={pending || undefined} className={`${primaryButton} w-full aria-disabled:opacity-70`}>
      {pending ? (
        <>
          <span aria-hidden="true" className="size-4 rounded-full border-2 border-white/40 border-t-white motion-safe:animate-spin" />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
