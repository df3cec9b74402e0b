import Link from "next/link";
import { NavLink } from "./nav-link";
import { primaryButtonSmall } from "./styles";

type HeaderUser = { handle: string; displayName: string } | null;

const navItem =
  "rounded-md px-1 py-1 text-sm text-muted transition-colors hover:text-ink data-[active]:font-medium data-[active]:text-ink";

export function SiteHeader({ user }: { user: HeaderUser }) {
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

        <nav aria-label="Account">
          <ul className="flex items-center gap-5">
            {user ? (
              <>
                <li>
                  <NavLink href={`/profile/${user.handle}`} className={`${navItem} inline-flex items-baseline gap-1.5`}>
                    <span className="max-w-[16ch] truncate">{user.displayName}</span>
                    <span className="text-xs text-muted">@{user.handle}</span>
                  </NavLink>
                </li>
                <li>
                  <NavLink href="/connect/signout" className={navItem}>
                    Sign out
                  </NavLink>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink href="/connect/signin" className={navItem}>
                    Sign in
                  </NavLink>
                </li>
                <li>
                  <Link href="/connect/signup" className={primaryButtonSmall}>
                    Join
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
