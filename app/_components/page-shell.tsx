import type { HeaderUser } from "./account-links";
import { SiteHeader } from "./site-header";

/**
 * Header, main and footer around a page. Kept out of the root layout so a page can be rendered
 * once and cached for everyone without a session (the anonymous profile page): each section's
 * layout passes the visitor it knows, null for nobody, or "ask" when it cannot know.
 */
export function PageShell({ user, children }: { user: HeaderUser | "ask"; children: React.ReactNode }) {
  return (
    <>
      <SiteHeader user={user} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-6 py-12 sm:py-16">
        {children}
      </main>
      <footer className="border-t border-line">
        <div className="mx-auto w-full max-w-5xl px-6 py-6 text-sm text-muted">Kontact · the meeting place of Kreative</div>
      </footer>
    </>
  );
}
