"use server";

import { redirect } from "next/navigation";
import { checkedOf, fileOf, listOf, runFormAction, textOf, type FormState } from "@/app/_lib/form-action";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { expireProfiles } from "@/lib/profile-cache";
import { getKv } from "@/lib/kv";
import { assertRateLimit } from "@/lib/kv/rate-limit";
import { invalidateMatchesAfterProfileEdit } from "@/lib/services/intelligent_matching";
import { createArtwork, deleteArtwork, removeAvatar, updateArtwork, updateProfile, uploadAvatar } from "@/lib/services/professional_profile";
import { MAX_LINKS } from "@/lib/validation/profiles";

/** The signed-in author of the change; the services decide what they may change (their own things only). */
async function author() {
  const user = await getCurrentUser();
  if (!user) redirect("/connect/signin");
  return user;
}

/** "skills.3" → "skills": list items are reported on the list's own field. */
const listFields = new Set(["skills", "tags"]);
const baseField = (key: string) => {
  const [head] = key.split(".");
  return head && listFields.has(head) ? head : key;
};

const PROFILE_TEXT = ["displayName", "headline", "bio", "skills", "tags", "region", "visibility", "kind"] as const;

export async function saveProfile(_prev: FormState, data: FormData): Promise<FormState> {
  const me = await author();
  // Blank link rows are skipped; `rowOf` maps a sent link back to the row it came from, for its errors.
  const links: { label: string; url: string }[] = [];
  const rowOf: number[] = [];
  const values: Record<string, string> = {};
  for (let row = 0; row < MAX_LINKS + 5; row++) {
    const label = textOf(data, `links.${row}.label`);
    const url = textOf(data, `links.${row}.url`);
    if (!data.has(`links.${row}.label`) && !data.has(`links.${row}.url`)) continue;
    values[`links.${row}.label`] = label;
    values[`links.${row}.url`] = url;
    if (!label && !url) continue;
    links.push({ label, url });
    rowOf.push(row);
  }
  for (const name of PROFILE_TEXT) values[name] = typeof data.get(name) === "string" ? String(data.get(name)) : "";
  values.openToCollaboration = checkedOf(data, "openToCollaboration") ? "on" : "";

  const input = {
    displayName: textOf(data, "displayName"),
    headline: textOf(data, "headline"),
    bio: values.bio,
    skills: listOf(data, "skills"),
    tags: listOf(data, "tags"),
    region: textOf(data, "region"),
    links,
    openToCollaboration: checkedOf(data, "openToCollaboration"),
    ...(values.visibility ? { visibility: values.visibility } : {}),
    ...(values.kind ? { kind: values.kind } : {}),
  };
  const result = await runFormAction(async () => {
    // Same key and limit as PATCH /api/v1/profiles/me.
    await assertRateLimit(getKv(), `profile:update:${me.id}`, { limit: 60, windowSeconds: 60 * 60 });
    return updateProfile(await getDb(), me, input);
  }, {
    success: "Profile saved.",
    values,
    fieldName: (key) => {
      const match = /^links\.(\d+)\.(label|url)$/.exec(key);
      if (match) return `links.${rowOf[Number(match[1])] ?? match[1]}.${match[2]}`;
      return baseField(key);
    },
  });
  if (result?.ok) await expireProfiles(me.handle);
  if (result?.ok) await invalidateMatchesAfterProfileEdit(me.id);
  return result;
}

async function bytesOf(file: File | null) {
  return file ? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name } : null;
}

export async function saveAvatar(_prev: FormState, data: FormData): Promise<FormState> {
  const me = await author();
  if (data.get("intent") === "remove") {
    const removed = await runFormAction(async () => removeAvatar(await getDb(), me), { success: "Photo removed." });
    if (removed?.ok) await expireProfiles(me.handle);
    return removed;
  }
  const file = await bytesOf(fileOf(data, "file"));
  const result = await runFormAction(async () => uploadAvatar(await getDb(), me, file), { success: "Photo updated.", fileField: "file" });
  if (result?.ok) await expireProfiles(me.handle);
  return result;
}

function artworkFields(data: FormData) {
  return {
    title: textOf(data, "title"),
    style: textOf(data, "style"),
    altText: typeof data.get("altText") === "string" ? String(data.get("altText")) : "",
    tags: listOf(data, "tags"),
    downloadable: checkedOf(data, "downloadable"),
    aiTrainingConsent: checkedOf(data, "aiTrainingConsent"),
  };
}

/** The upload form without JavaScript (with it, the browser posts to /api/v1/artworks to show progress). */
export async function uploadArtwork(_prev: FormState, data: FormData): Promise<FormState> {
  const me = await author();
  const file = await bytesOf(fileOf(data, "file"));
  const fields = artworkFields(data);
  const result = await runFormAction(async () => createArtwork(await getDb(), me, { file, fields }), {
    success: `“${fields.title}” was added to your portfolio.`,
    fileField: "file",
    fieldName: baseField,
  });
  if (result?.ok) await expireProfiles(me.handle);
  return result;
}

/** After an upload through the API route: expire the public view at once and refresh this page. */
export async function artworkUploaded(): Promise<void> {
  const me = await author();
  await expireProfiles(me.handle);
}

export async function saveArtwork(_prev: FormState, data: FormData): Promise<FormState> {
  const me = await author();
  const id = textOf(data, "id");
  const result = await runFormAction(async () => updateArtwork(await getDb(), me, id, artworkFields(data)), {
    success: "Artwork saved.",
    fieldName: baseField,
  });
  if (result?.ok) await expireProfiles(me.handle);
  return result;
}

export async function removeArtwork(_prev: FormState, data: FormData): Promise<FormState> {
  const me = await author();
  const id = textOf(data, "id");
  const result = await runFormAction(async () => deleteArtwork(await getDb(), me, id), { success: "Artwork deleted." });
  if (result?.ok) await expireProfiles(me.handle);
  return result;
}
