import type { Metadata } from "next";
import Link from "next/link";
import { PageShell } from "./_components/page-shell";
import { primaryButton } from "./_components/styles";

export const metadata: Metadata = { title: "Page not found" };

/** Also the 404 of cached pages, so it reads no session: the header asks from the browser. */
export default function NotFound() {
  return (
    <PageShell user="ask">
      <section className="flex flex-col items-start gap-4 py-6">
        <p className="text-sm font-medium tracking-wide text-muted uppercase">404</p>
        <h1 className="text-3xl font-semibold tracking-tight text-ink">Page not found</h1>
        <p className="max-w-prose text-base leading-relaxed text-muted">
          There is nothing at this address. It may have moved, or the link may be mistyped.
        </p>
        <Link href="/connect" className={`${primaryButton} mt-2`}>
          Go to Connect
        </Link>
      </section>
    </PageShell>
  );
}
