import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/empty-state";
import { NextStepLinks } from "@/app/_components/next-step-links";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { COLLAB_CANVAS_MAX_USERS } from "@/lib/config";
import { listWorkspaces, roomOccupancy, type RoomOccupancy, type Workspace } from "@/lib/services/collaboration_workspace";
import { displayNamesByHandles } from "@/lib/services/professional_profile";
import { EndorsePromptsFor } from "./_components/endorse-prompts";
import { NewSessionForm } from "./_components/new-session-form";
import { WorkspaceCard } from "./_components/workspace-card";

export const metadata: Metadata = { title: "Workspace" };
export const dynamic = "force-dynamic";

const headingClass = "border-b border-line pb-3 text-xs font-semibold tracking-widest text-muted uppercase";

type ListProps = {
  id: string;
  title: string;
  items: Workspace[];
  viewer: string;
  names: Record<string, string>;
  empty: string;
  occupancy?: Map<string, RoomOccupancy | null>;
};

function SessionList({ id, title, items, viewer, names, empty, occupancy }: ListProps) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h3 id={id} className={headingClass}>
        {title}
      </h3>
      {items.length ? (
        <ul className="space-y-4" data-testid={id}>
          {items.map((w) => (
            <li key={w.id}>
              <WorkspaceCard workspace={w} viewer={viewer} names={names} occupancy={occupancy?.get(w.id) ?? null} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">{empty}</p>
      )}
    </section>
  );
}

export default async function WorkspacePage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <EmptyState title="Workspace" actions={<NextStepLinks user={null} returnTo="/connect/workspace" />}>
        <p>
          Shared rooms for making work together: chat, notes and a canvas where up to {COLLAB_CANVAS_MAX_USERS} people draw at
          once, one to one or as a group. Sessions are kept, and the host can publish the final canvas to everyone&apos;s profile.
        </p>
        <p>Sign in to see your sessions or start one.</p>
      </EmptyState>
    );
  }
  const db = await getDb();
  const sessions = await listWorkspaces(db, user);
  const live = sessions.filter((w) => w.status === "live");
  const occupancy = new Map(await Promise.all(live.map(async (w) => [w.id, await roomOccupancy(db, user, w.id)] as const)));
  const past = sessions.filter((w) => w.status === "ended");
  // The members' names of the sessions this person may see (the service listed only those).
  const names = await displayNamesByHandles(db, sessions.flatMap((w) => [w.host, ...w.participants]));

  return (
    <div className="space-y-10">
      <div className="max-w-prose">
        <h2 className="text-2xl font-semibold tracking-tight text-ink">Workspace</h2>
        <p className="mt-2 text-base text-muted">
          Rooms with chat, shared notes and a canvas. Up to {COLLAB_CANVAS_MAX_USERS} people draw at once; anyone else invited can
          watch live and take a seat when one frees up.
        </p>
      </div>
      <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-10">
          <EndorsePromptsFor only={{ type: "workspace" }} returnTo="/connect/workspace" title="How did your sessions go?" />
          <SessionList id="live-sessions" title="Live now" items={live} occupancy={occupancy} viewer={user.handle} names={names} empty="No live sessions. Start one, or wait for an invitation." />
          <SessionList id="past-sessions" title="Past sessions" items={past} viewer={user.handle} names={names} empty="Sessions you took part in appear here once they end." />
        </div>
        <section aria-labelledby="new-session-heading" className="h-fit space-y-5 rounded-2xl border border-line bg-surface p-6">
          <h3 id="new-session-heading" className="text-lg font-semibold tracking-tight text-ink">
            New session
          </h3>
          <NewSessionForm viewer={user.handle} />
        </section>
      </div>
    </div>
  );
}
