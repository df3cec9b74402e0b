"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { listOf, runFormAction, textOf, type FormState } from "@/app/_lib/form-action";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { createWorkspace, endWorkspace, getWorkspace, publishFinalArtwork } from "@/lib/services/collaboration_workspace";

async function signedIn(returnTo: string) {
  const user = await getCurrentUser();
  if (!user) redirect(`/connect/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

// The service reports "invite.2" for the third handle; the form has one invite field.
const formFieldName = (key: string) => (key.startsWith("invite") ? "invite" : key);

/** Starts a session with the signed-in person as host, then opens its room. */
export async function createWorkspaceAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await signedIn("/connect/workspace");
  const input = { name: textOf(data, "name"), sessionType: textOf(data, "sessionType"), invite: [...new Set(listOf(data, "invite").map((h) => h.replace(/^@/, "").toLowerCase()))] };
  let id = "";
  const state = await runFormAction(
    async () => {
      id = (await createWorkspace(await getDb(), user, input)).id;
    },
    { success: "Session started.", fieldName: formFieldName, values: { name: input.name, sessionType: input.sessionType, invite: input.invite.join(", ") } },
  );
  if (!state?.ok) return state;
  revalidatePath("/connect/workspace");
  redirect(`/connect/workspace/${id}`);
}

/** Ends the session for everyone (host only); the room page then shows the summary. */
export async function endWorkspaceAction(_prev: FormState, data: FormData): Promise<FormState> {
  const id = textOf(data, "id");
  const user = await signedIn(`/connect/workspace/${id}`);
  const state = await runFormAction(async () => endWorkspace(await getDb(), user, id), { success: "The session has ended." });
  if (state?.ok) {
    revalidatePath("/connect/workspace");
    revalidatePath(`/connect/workspace/${id}`);
  }
  return state;
}

/** Saves the ended session's canvas as an artwork credited to those who drew on it. */
export async function publishArtworkAction(_prev: FormState, data: FormData): Promise<FormState> {
  const id = textOf(data, "id");
  const user = await signedIn(`/connect/workspace/${id}`);
  const title = textOf(data, "title");
  const db = await getDb();
  let participants: string[] = [];
  const state = await runFormAction(
    async () => {
      await publishFinalArtwork(db, user, id, { title });
      participants = (await getWorkspace(db, user, id)).participants;
    },
    { success: "Published to the profiles of everyone who drew.", values: { title } },
  );
  if (state?.ok) {
    // Any participant's profile may now list the artwork.
    await expireProfiles(...participants);
    revalidatePath("/connect/workspace");
    revalidatePath(`/connect/workspace/${id}`);
  }
  return state;
}
