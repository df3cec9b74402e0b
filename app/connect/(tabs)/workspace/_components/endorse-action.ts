"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction, textOf, type FormState } from "@/app/_lib/form-action";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { endorse, limitEndorsementWrite, type EndorsementStatus } from "@/lib/services/partner_recommendation";

/** Pages that show prompts; anything else falls back to the workspace list. */
const PROMPT_PAGES = /^\/connect\/(workspace|opportunities)(\/[A-Za-z0-9-]{1,100})?$/;
const MAX_SKILL_FIELDS = 30;

const rawText = (data: FormData, name: string) => (typeof data.get(name) === "string" ? String(data.get(name)) : "");

/** The scored skills only; `fieldIndex[k]` is the form row of the k-th, so errors land on the right select. */
function skillsOf(data: FormData): { skills: { skill: string; score: number }[]; fieldIndex: number[]; values: Record<string, string> } {
  const skills: { skill: string; score: number }[] = [];
  const fieldIndex: number[] = [];
  const values: Record<string, string> = {};
  for (let i = 0; i < MAX_SKILL_FIELDS && data.has(`skills.${i}.skill`); i++) {
    const score = textOf(data, `skills.${i}.score`);
    values[`skills.${i}.score`] = score;
    if (!score) continue;
    skills.push({ skill: textOf(data, `skills.${i}.skill`), score: Number(score) });
    fieldIndex.push(i);
  }
  return { skills, fieldIndex, values };
}

/**
 * "How was it working with …?": sends the endorsement. The page then shows it as sent (pending
 * or published); when it is published both profiles' cached views are expired, and the subject's
 * in any case, so a pending one that will publish by itself resets that page's lifetime.
 */
export async function endorseAction(_prev: FormState, data: FormData): Promise<FormState> {
  const returnTo = PROMPT_PAGES.test(textOf(data, "returnTo")) ? textOf(data, "returnTo") : "/connect/workspace";
  const user = await getCurrentUser();
  if (!user) redirect(`/connect/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  const { skills, fieldIndex, values } = skillsOf(data);
  const rating = textOf(data, "rating");
  const input = {
    subject: textOf(data, "subject"),
    context: { type: textOf(data, "contextType"), id: textOf(data, "contextId") },
    rating: rating === "" ? undefined : Number(rating),
    skills,
    text: rawText(data, "text"),
    privateNote: rawText(data, "privateNote"),
  };
  let status = "pending" as EndorsementStatus;
  const state = await runFormAction(
    async () => {
      await limitEndorsementWrite(user.id, "endorse");
      status = (await endorse(await getDb(), user, input)).status;
    },
    {
      success: "Sent.",
      fieldName: (key) => key.replace(/^skills\.(\d+)/, (_, k: string) => `skills.${fieldIndex[Number(k)] ?? k}`),
      values: { ...values, rating, text: input.text, privateNote: input.privateNote },
    },
  );
  if (!state?.ok) return state;
  await expireProfiles(input.subject);
  if (status === "published") await expireProfiles(user.handle);
  revalidatePath(returnTo);
  return {
    ...state,
    message: status === "published" ? "Sent — you have endorsed each other, so both endorsements are now on your profiles." : "Sent. It stays hidden until they endorse you too, or until the 14 days are up.",
  };
}
