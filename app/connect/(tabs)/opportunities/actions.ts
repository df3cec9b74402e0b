"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fileOf, runFormAction, textOf, type FormState } from "@/app/_lib/form-action";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { env } from "@/lib/env";
import {
  addAttachment, checkAttachment, createOpportunity, deleteAttachment, getOpportunity, limitOpportunityWrite, rotateCalendarUrl, updateOpportunity,
} from "@/lib/services/opportunity_announcement";
import { dateInputValue } from "./_lib/format";
import { formFieldName, postingInput, postingValues } from "./_lib/form-input";

async function signedIn(returnTo: string) {
  const user = await getCurrentUser();
  if (!user) redirect(`/connect/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The attachment checks name their field `file`; on the posting form that input is `brief`. */
const briefFieldName = (key: string) => (key === "file" ? "brief" : formFieldName(key));

const fileBytes = async (file: File | null) => (file ? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name } : undefined);

/** Posts an opportunity (and its brief, when one is attached), then opens it. */
export async function createOpportunityAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await signedIn("/connect/opportunities/new");
  const brief = await fileBytes(fileOf(data, "brief"));
  let id = "";
  const state = await runFormAction(
    async () => {
      if (brief) await checkAttachment(brief.bytes); // refuse a bad file before anything is stored
      await limitOpportunityWrite(user.id, "create");
      const db = await getDb();
      id = (await createOpportunity(db, user, postingInput(data))).id;
      if (brief) await addAttachment(db, user, id, brief);
    },
    { success: "Posted.", fieldName: briefFieldName, fileField: "brief", values: postingValues(data) },
  );
  if (!state?.ok) return state;
  revalidatePath("/connect/opportunities");
  redirect(`/connect/opportunities/${id}`);
}

/** Saves the edit form. Dates left on the day they already had are not sent, so their exact time is kept. */
export async function updateOpportunityAction(_prev: FormState, data: FormData): Promise<FormState> {
  const id = textOf(data, "id");
  const user = await signedIn(`/connect/opportunities/${id}/edit`);
  const state = await runFormAction(
    async () => {
      await limitOpportunityWrite(user.id, "update");
      const db = await getDb();
      const current = await getOpportunity(db, user, id);
      const input: Record<string, unknown> = postingInput(data);
      for (const key of ["startsAt", "endsAt", "deadline"] as const) {
        if ((input[key] ?? "") === dateInputValue(current[key])) delete input[key];
      }
      await updateOpportunity(db, user, id, input);
    },
    { success: "Saved.", fieldName: formFieldName, values: postingValues(data) },
  );
  if (!state?.ok) return state;
  revalidatePath(`/connect/opportunities/${id}`);
  redirect(`/connect/opportunities/${id}`);
}

export async function uploadAttachmentAction(_prev: FormState, data: FormData): Promise<FormState> {
  const id = textOf(data, "id");
  const user = await signedIn(`/connect/opportunities/${id}/edit`);
  const file = await fileBytes(fileOf(data, "file"));
  const state = await runFormAction(
    async () => {
      await limitOpportunityWrite(user.id, "attach");
      await addAttachment(await getDb(), user, id, file);
    },
    { success: "Attached.", fileField: "file" },
  );
  revalidatePath(`/connect/opportunities/${id}/edit`);
  return state;
}

/** The owner removes one attachment from the edit page. */
export async function deleteAttachmentAction(_prev: FormState, data: FormData): Promise<FormState> {
  const id = textOf(data, "id");
  const user = await signedIn(`/connect/opportunities/${id}/edit`);
  const state = await runFormAction(
    async () => {
      await limitOpportunityWrite(user.id, "attach");
      await deleteAttachment(await getDb(), user, id, textOf(data, "attachmentId"));
    },
    { success: "Attachment removed." },
  );
  revalidatePath(`/connect/opportunities/${id}/edit`);
  return state;
}

/** A new private calendar address; the old one stops at once. A refusal (too many resets) says why on the form. */
export async function rotateCalendarAction(_prev: FormState, _data: FormData): Promise<FormState> {
  const user = await signedIn("/connect/opportunities");
  const state = await runFormAction(
    async () => {
      await limitOpportunityWrite(user.id, "calendar");
      await rotateCalendarUrl(await getDb(), user, env().APP_URL);
    },
    { success: "New address ready: the old one no longer works." },
  );
  if (state?.ok) revalidatePath("/connect/opportunities");
  return state;
}
