"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction, textOf, type FormState } from "@/app/_lib/form-action";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { getKv } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { createWorkspace, inviteToWorkspace, listWorkspaces } from "@/lib/services/collaboration_workspace";
import { dismissMatch, invalidateMatches, limitMatchWrite } from "@/lib/services/intelligent_matching";
import { follow } from "@/lib/services/professional_profile";
import { MATCH_INTENTS } from "@/lib/validation/matching";
import { suggestionsHref, type Intent } from "./_lib/suggestions-params";

// The same budget and key as /api/v1/follows and the profile page: all follow paths count together.
const FOLLOW_LIMIT = { limit: 200, windowSeconds: 60 * 60 };

async function signedIn() {
  const user = await getCurrentUser();
  if (!user) redirect("/connect/signin?callbackUrl=%2Fconnect%2Fpeople");
  return user;
}

const intentOf = (data: FormData): Intent => {
  const value = textOf(data, "intent");
  return (MATCH_INTENTS as readonly string[]).includes(value) ? (value as Intent) : "follow";
};

/** Follows a suggested person, then shows the list again (without them, for the follow intent). */
export async function followSuggestion(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await signedIn();
  const handle = textOf(data, "handle").toLowerCase();
  const state = await runFormAction(async () => {
    await assertRateLimit(getKv(), `follows:${user.id}`, FOLLOW_LIMIT);
    await follow(await getDb(), user, handle);
  }, { success: "Following." });
  if (!state?.ok) return state;
  await expireProfiles(handle, user.handle); // follower counts on both cached profiles
  await invalidateMatches([user.id]);
  redirect(suggestionsHref(intentOf(data), { done: "followed", who: handle }));
}

/** Stops suggesting a person: for 30 days (not_now) or for good (the other reasons). */
export async function dismissSuggestion(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await signedIn();
  const handle = textOf(data, "handle").toLowerCase();
  const reason = textOf(data, "reason") || undefined;
  const state = await runFormAction(async () => {
    await limitMatchWrite(user.id, "dismiss");
    await dismissMatch(await getDb(), user, { handle, reason });
  }, { success: "Dismissed." });
  if (!state?.ok) return state;
  redirect(suggestionsHref(intentOf(data), { done: "dismissed", who: handle, reason: reason ?? "not_relevant" }));
}

/** Invites a suggested person: a direct session (a new one, or the live one they already share), or a live group the signed-in person hosts; then opens it. */
export async function inviteSuggestion(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await signedIn();
  const handle = textOf(data, "handle").toLowerCase();
  const target = textOf(data, "workspace") || "new";
  const name = `${user.displayName} & ${textOf(data, "displayName") || handle}`.slice(0, 120);
  let id = target;
  const state = await runFormAction(async () => {
    await limitMatchWrite(user.id, "invite");
    const db = await getDb();
    if (target !== "new") {
      await inviteToWorkspace(db, user, target, { handle });
      return;
    }
    // A live direct session with them already exists: open it rather than start a second one.
    const existing = (await listWorkspaces(db, user)).find((w) => w.sessionType === "dm" && w.status === "live" && w.participants.includes(handle));
    id = existing?.id ?? (await createWorkspace(db, user, { name, sessionType: "dm", invite: [handle] })).id;
  }, { success: "Invited." });
  if (!state?.ok) return state;
  revalidatePath("/connect/workspace");
  redirect(`/connect/workspace/${id}`);
}
