import { PageShell } from "@/app/_components/page-shell";
import { getCurrentUser } from "@/lib/auth";

// The header reads the session cookie on every request.
export const dynamic = "force-dynamic";

export default async function ConnectLayout({ children }: { children: React.ReactNode }) {
  return <PageShell user={await getCurrentUser()}>{children}</PageShell>;
}
