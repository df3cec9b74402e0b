/** Placeholder shown while a page streams in; announced once to screen readers. */
export function LoadingView({ label = "Loading…", lines = 3 }: { label?: string; lines?: number }) {
  return (
    <div data-loading-view="" role="status" aria-live="polite" className="space-y-4 py-2">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="space-y-4 motion-safe:animate-pulse">
        <div className="h-7 w-1/3 rounded-md bg-sunken" />
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className="h-4 rounded bg-sunken" style={{ width: `${85 - i * 15}%` }} />
        ))}
      </div>
    </div>
  );
}
