import Link from "next/link";
import { NavLink } from "./nav-link";
import { navItem, primaryButtonSmall } from "./styles";

export type HeaderUser = { handle: string; displayName: string } | null;

/** The account links of the header: the visitor's profile and sign out, or sign in and join. */
export function AccountLinks({ user }: { user: HeaderUser }) {
  return (
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
  );
}
