import { fieldClass as inputClass } from "../_lib/styles";
import { secondaryButton, textLink } from "@/app/_components/styles";
import { rotateCalendarAction } from "../actions";

/** The signed-in person's private deadlines feed: subscribe link, copyable URL, and a reset. */
export function CalendarPanel({ url }: { url: string }) {
  const webcal = url.replace(/^https?:\/\//, "webcal://");
  return (
    <details className="rounded-2xl border border-line bg-surface p-5 text-sm" data-testid="calendar-panel">
      <summary className="cursor-pointer font-medium text-ink">Deadlines in your calendar</summary>
      <div className="mt-4 space-y-3 text-muted">
        <p>
          The deadlines of opportunities you save or apply to, in any calendar app, with a reminder three days before.{" "}
          <a href={webcal} className={textLink}>
            Subscribe
          </a>{" "}
          or copy this private address:
        </p>
        <label htmlFor="calendar-url" className="sr-only">
          Your private calendar address
        </label>
        <input id="calendar-url" readOnly value={url} className={`${inputClass} font-mono text-xs`} />
        <form action={rotateCalendarAction} className="flex flex-wrap items-center gap-3">
          <p>Shared it by mistake? A new address stops the old one at once.</p>
          <button type="submit" className={secondaryButton}>
            New address
          </button>
        </form>
      </div>
    </details>
  );
}
