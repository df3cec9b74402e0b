import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/empty-state";
import { NextStepLinks } from "@/app/_components/next-step-links";
import { getCurrentUser } from "@/lib/auth";
import { COLLAB_CANVAS_MAX_USERS } from "@/lib/config";

export const metadata: Metadata = { title: "Workspace" };
export const dynamic = "force-dynamic";

export default async function WorkspacePage() {
  const user = await getCurrentUser();
  return (
    <EmptyState title="Workspace" actions={<NextStepLinks user={user} returnTo="/connect/workspace" />}>
      <p>
        Shared rooms are coming soon: chat, notes and a canvas where up to {COLLAB_CANVAS_MAX_USERS} people draw together,
        one to one or as a group.
      </p>
      <p>
        {user
          ? "Meanwhile, complete your profile so collaborators know who they are inviting."
          : "Meanwhile, join Kontact and set up your profile so collaborators know who they are inviting."}
      </p>
    </EmptyState>
  );
}
