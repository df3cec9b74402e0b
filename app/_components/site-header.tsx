import Link from "next/link";
import { AccountLinks, type HeaderUser } from "./account-links";
import { AccountLinksFromSession } from "./account-links-from-session";
import { NavLink } from "./nav-link";
import { navItem } from "./styles";

/** `user` is who is signed in; "ask" where the server cannot know (error and 404 pages): the browser asks. */
export function SiteHeader({ user }: { user: HeaderUser | "ask" }) {
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-8 gap-y-3 px-6 py-4">
        <Link href="/connect" className="text-xl font-semibold tracking-tight text-ink">
          Kontact
          <span aria-hidden="true" className="text-accent">
            .
          </span>
        </Link>

        <nav aria-label="Main" className="flex-1">
          <ul className="flex items-center gap-6">
            <li>
              <NavLink href="/connect" match="section" className={navItem}>
                Connect
              </NavLink>
            </li>
          </ul>
        </nav>

        <nav aria-label="Account">{user === "ask" ? <AccountLinksFromSession /> : <AccountLinks user={user} />}</nav>
      </div>
    </header>
  );
}
