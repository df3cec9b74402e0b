"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type Props = {
  href: string;
  children: React.ReactNode;
  className?: string;
  /** "section" also highlights the link on pages below `href`. */
  match?: "exact" | "section";
};

/** A link that knows whether it points at the current page (aria-current) or its section. */
export function NavLink({ href, children, className = "", match = "exact" }: Props) {
  const pathname = usePathname() ?? "";
  const exact = pathname === href;
  const inSection = match === "section" && pathname.startsWith(`${href}/`);
  const active = exact || inSection;
  return (
    <Link
      href={href}
      aria-current={exact ? "page" : inSection ? "true" : undefined}
      data-active={active ? "" : undefined}
      className={className}
    >
      {children}
    </Link>
  );
}
