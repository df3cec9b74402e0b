import { notFound } from "next/navigation";
import { PageShell } from "@/app/_components/page-shell";
import { loadProfile } from "./load-profile";

/**
 * The profile as a signed-in visitor sees it (visitors without a session are served the cached
 * page under ~public, see proxy.ts). Checks the handle before anything streams, so an unknown
 * one answers with a real 404 (a notFound() below loading.tsx could only send a 200 with a
 * noindex tag).
 */
export default async function ProfileLayout({ children, params }: { children: React.ReactNode; params: Promise<{ user: string }> }) {
  const found = await loadProfile((await params).user);
  if (!found) notFound();
  return <PageShell user={found.viewer}>{children}</PageShell>;
}
