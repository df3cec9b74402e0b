"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction, textOf, type FormState } from "@/app/_lib/form-action";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import {
  applyToOpportunity, deleteOpportunity, limitOpportunityWrite, saveOpportunity, unsaveOpportunity, updateOpportunity, withdrawApplication,
} from "@/lib/services/opportunity_announcement";

async function signedIn(id: string) {
  const user = await getCurrentUser();
  if (!user) redirect(`/connect/signin?callbackUrl=${encodeURIComponent(`/connect/opportunities/${id}`)}`);
  return user;
}

const strings = (data: FormData, name: string) => data.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");

/** Apply with a message and artworks chosen from one's own portfolio. */
export async function applyAction(_prev: FormState, data: FormData): Promise<FormState> {
  const id = textOf(data, "id");
  const user = await signedIn(id);
  const message = typeof data.get("message") === "string" ? String(data.get("message")) : "";
  const state = await runFormAction(
    async () => {
      await limitOpportunityWrite(user.id, "apply");
      await applyToOpportunity(await getDb(), user, id, { message, artworkIds: strings(data, "artworkIds") });
    },
    { success: "Your application was sent.", values: { message } },
  );
  revalidatePath(`/connect/opportunities/${id}`);
  return state;
}

/** The applicant takes their application back (the form asks them to confirm first). */
export async function withdrawAction(_prev: FormState, data: FormData): Promise<FormState> {
  const id = textOf(data, "id");
  const user = await signedIn(id);
  const state = await runFormAction(
    async () => {
      await limitOpportunityWrite(user.id, "apply");
      await withdrawApplication(await getDb(), user, id);
    },
    { success: "Your application was withdrawn." },
  );
  revalidatePath(`/connect/opportunities/${id}`);
  return state;
}

/** Save or unsave (the form says which). */
export async function saveAction(_prev: FormState, data: FormData): Promise<FormState> {
  const id = textOf(data, "id");
  const user = await signedIn(id);
  const unsave = textOf(data, "intent") === "unsave";
  const state = await runFormAction(
    async () => {
      await limitOpportunityWrite(user.id, "save");
      const db = await getDb();
      if (unsave) await unsaveOpportunity(db, user, id);
      else await saveOpportunity(db, user, id);
    },
    { success: unsave ? "No longer saved." : "Saved for later." },
  );
  revalidatePath(`/connect/opportunities/${id}`);
  return state;
}

/** The owner's status controls: close, reopen (optionally with a new deadline), or fill naming who was selected. */
export async function statusAction(_prev: FormState, data: FormData): Promise<FormState> {
  const id = textOf(data, "id");
  const user = await signedIn(id);
  const intent = textOf(data, "intent");
  const body: Record<string, unknown> =
    intent === "fill"
      ? { status: "filled", filledBy: strings(data, "filledBy") }
      : intent === "reopen"
        ? { status: "open", ...(textOf(data, "deadline") ? { deadline: textOf(data, "deadline") } : {}) }
        : { status: "closed" };
  if (intent === "fill" && (body.filledBy as string[]).length === 0) {
    return { ok: false, message: "Choose at least one person who was selected.", fieldErrors: { filledBy: ["Choose at least one person."] }, at: Date.now() };
  }
  const success = intent === "fill" ? "Marked as filled." : intent === "reopen" ? "Open for applications again." : "Closed to applications.";
  const state = await runFormAction(
    async () => {
      await limitOpportunityWrite(user.id, "update");
      await updateOpportunity(await getDb(), user, id, body);
    },
    { success },
  );
  revalidatePath(`/connect/opportunities/${id}`);
  return state;
}

/** The owner deletes a posting that is not filled (the form asks them to confirm first), then sees their postings. */
export async function deleteAction(_prev: FormState, data: FormData): Promise<FormState> {
  const id = textOf(data, "id");
  const user = await signedIn(id);
  const state = await runFormAction(
    async () => {
      await limitOpportunityWrite(user.id, "delete");
      await deleteOpportunity(await getDb(), user, id);
    },
    { success: "Deleted." },
  );
  if (!state?.ok) return state;
  revalidatePath("/connect/opportunities");
  redirect("/connect/opportunities?owner=me");
}
