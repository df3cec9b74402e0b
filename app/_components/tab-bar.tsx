"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const tabs = [
  { href: "/connect/people", label: "People" },
  { href: "/connect/opportunities", label: "Opportunities" },
  { href: "/connect/workspace", label: "Workspace" },
] as const;

/** The Connect sections. Plain links (they change the URL), so Tab moves between them. */
export function TabBar() {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Connect sections" className="border-b border-line">
      <ul className="-mb-px flex flex-wrap gap-x-8">
        {tabs.map((tab) => {
          const current = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href} className="shrink-0">
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={
                  "inline-block border-b-2 px-0.5 pt-1 pb-3 text-sm transition-colors " +
                  (current
                    ? "border-accent font-medium text-ink"
                    : "border-transparent text-muted hover:border-field hover:text-ink")
                }
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
