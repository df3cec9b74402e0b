import { notFound } from "next/navigation";
import { loadProfile } from "./load-profile";

/**
 * Checks the handle before anything streams, so an unknown one answers with a real 404
 * (a notFound() below loading.tsx could only send a 200 with a noindex tag).
 */
export default async function ProfileLayout({ children, params }: { children: React.ReactNode; params: Promise<{ user: string }> }) {
  if (!(await loadProfile((await params).user))) notFound();
  return children;
}
