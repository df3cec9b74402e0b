type Props = {
  title: string;
  /** Heading level inside the page: h2 under a page's h1 by default. */
  as?: "h1" | "h2";
  children: React.ReactNode;
  actions?: React.ReactNode;
};

/** A quiet, framed panel for "nothing here yet": like an empty frame on a gallery wall. */
export function EmptyState({ title, as: Heading = "h2", children, actions }: Props) {
  return (
    <section className="rounded-2xl border border-line bg-surface p-3">
      <div className="flex flex-col items-start gap-4 rounded-xl border border-dashed border-line px-6 py-12 sm:px-12 sm:py-14">
        <Heading className="text-xl font-semibold tracking-tight text-ink">{title}</Heading>
        <div className="max-w-prose space-y-2 text-base leading-relaxed text-muted">{children}</div>
        {actions ? <div className="mt-2 flex flex-wrap items-center gap-3">{actions}</div> : null}
      </div>
    </section>
  );
}
