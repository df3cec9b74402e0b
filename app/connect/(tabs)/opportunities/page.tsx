import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/empty-state";
import { NextStepLinks } from "@/app/_components/next-step-links";
import { getCurrentUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Opportunities" };
export const dynamic = "force-dynamic";

export default async function OpportunitiesPage() {
  const user = await getCurrentUser();
  return (
    <EmptyState title="Opportunities" actions={<NextStepLinks user={user} returnTo="/connect/opportunities" />}>
      <p>Residencies, exhibitions, open calls and jobs will be listed here soon, with search by place, date and theme.</p>
      <p>
        {user
          ? "Meanwhile, complete your profile: it is what you will apply with."
          : "Meanwhile, join Kontact and set up your profile: it is what you will apply with."}
      </p>
    </EmptyState>
  );
}
