import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/empty-state";
import { NextStepLinks } from "@/app/_components/next-step-links";
import { getCurrentUser } from "@/lib/auth";

export const metadata: Metadata = { title: "People" };
export const dynamic = "force-dynamic";

export default async function PeoplePage() {
  const user = await getCurrentUser();
  return (
    <EmptyState title="People" actions={<NextStepLinks user={user} returnTo="/connect/people" />}>
      <p>
        Search for artists, galleries, curators and residencies, with suggestions of who to follow or invite, is coming
        soon.
      </p>
      <p>
        {user
          ? "Meanwhile, complete your profile so the right people can find you."
          : "Meanwhile, join Kontact and set up your profile so the right people can find you."}
      </p>
    </EmptyState>
  );
}
