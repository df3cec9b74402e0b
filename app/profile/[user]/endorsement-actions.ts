"use server";

import { redirect } from "next/navigation";
import { runFormAction, textOf, type FormState } from "@/app/_lib/form-action";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { limitEndorsementWrite, replyToEndorsement, reportEndorsement } from "@/lib/services/partner_recommendation";

async function signedIn(handle: string) {
  const user = await getCurrentUser();
  if (!user) redirect(`/connect/signin?callbackUrl=${encodeURIComponent(`/profile/${handle}`)}`);
  return user;
}

// Form text keeps its line breaks; the service trims and checks it.
const rawText = (data: FormData, name: string) => (typeof data.get(name) === "string" ? String(data.get(name)) : "");

/** The subject's one public reply; the profile's cached view is expired so it shows at once. */
export async function replyAction(_prev: FormState, data: FormData): Promise<FormState> {
  const handle = textOf(data, "handle").toLowerCase();
  const user = await signedIn(handle);
  const text = rawText(data, "text");
  let subject = handle;
  const state = await runFormAction(
    async () => {
      await limitEndorsementWrite(user.id, "reply");
      subject = (await replyToEndorsement(await getDb(), user, textOf(data, "id"), { text })).subject;
    },
    { success: "Your reply is published.", values: { text } },
  );
  if (state?.ok) await expireProfiles(subject);
  return state;
}

/** Anyone signed in may report an endorsement once; moderators read the reports. */
export async function reportAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await signedIn(textOf(data, "handle").toLowerCase());
  const reason = rawText(data, "reason");
  return runFormAction(
    async () => {
      await limitEndorsementWrite(user.id, "report");
      await reportEndorsement(await getDb(), user, textOf(data, "id"), { reason });
    },
    { success: "Thank you. A moderator will read your report.", values: { reason } },
  );
}
