import { PageShell } from "@/app/_components/page-shell";

/** The header as anyone without a session sees it: this page is rendered once and cached. */
export default function PublicProfileLayout({ children }: { children: React.ReactNode }) {
  return <PageShell user={null}>{children}</PageShell>;
}
