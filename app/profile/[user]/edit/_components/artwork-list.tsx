"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormAlert, TextField } from "@/app/_components/form-field";
import type { Artwork } from "@/lib/services/professional_profile";
import { RightsList } from "../../_components/rights";
import { removeArtwork, saveArtwork } from "../actions";
import { CheckboxField, SaveButton, SavedMessage, TextAreaField } from "./fields";
import { focusFirstInvalid } from "@/app/_lib/focus";

const disclosure =
  "inline-flex cursor-pointer list-none items-center rounded-full border border-field bg-surface px-4 py-1.5 text-sm font-medium text-ink " +
  "hover:border-ink [&::-webkit-details-marker]:hidden";

function EditArtwork({ artwork }: { artwork: Artwork }) {
  const [state, action, pending] = useActionState(saveArtwork, null);
  const formRef = useRef<HTMLFormElement>(null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const id = (name: string) => `artwork-${artwork.id}-${name}`;

  useEffect(() => {
    if (state && !state.ok) focusFirstInvalid(formRef.current);
  }, [state]);

  return (
    <form ref={formRef} action={action} noValidate className="mt-4 space-y-5 rounded-xl border border-line bg-canvas p-4">
      <input type="hidden" name="id" value={artwork.id} />
      <FormAlert message={failed ? `Nothing was saved. ${failed.message}` : null} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField id={id("title")} name="title" label="Title" defaultValue={artwork.title} maxLength={200} required errors={errors.title} />
        <TextField id={id("style")} name="style" label="Style" defaultValue={artwork.style} maxLength={60} errors={errors.style} />
      </div>
      <TextField id={id("tags")} name="tags" label="Tags" defaultValue={artwork.tags.join(", ")} hint="Separated by commas." errors={errors.tags} />
      <TextAreaField id={id("alt")} name="altText" label="Description for people who cannot see the image" defaultValue={artwork.altText}
        rows={2} maxLength={500} errors={errors.altText} />
      <CheckboxField id={id("downloadable")} name="downloadable" label="Allow downloads" defaultChecked={artwork.downloadable} />
      <CheckboxField id={id("ai")} name="aiTrainingConsent" label="Allow use for AI training" defaultChecked={artwork.aiTrainingConsent}
        description="Off unless you turn it on." />
      <div className="flex flex-wrap items-center gap-4">
        <SaveButton pending={pending} pendingLabel="Saving…" quiet>
          Save changes<span className="sr-only"> to {artwork.title}</span>
        </SaveButton>
        <SavedMessage message={state?.ok ? state.message : null} />
      </div>
    </form>
  );
}

function DeleteArtwork({ artwork }: { artwork: Artwork }) {
  const [state, action, pending] = useActionState(removeArtwork, null);
  return (
    <details className="group">
      <summary className={`${disclosure} hover:text-danger`}>Delete…</summary>
      <form action={action} className="mt-3 space-y-3 rounded-xl border border-danger/30 bg-danger-soft p-4">
        <input type="hidden" name="id" value={artwork.id} />
        <p className="text-sm text-ink">Delete “{artwork.title}” and its image files? This cannot be undone.</p>
        {state && !state.ok ? <p className="text-sm text-danger">{state.message}</p> : null}
        <button
          type="submit"
          aria-disabled={pending || undefined}
          className="inline-flex items-center rounded-full bg-danger px-4 py-2 text-sm font-medium text-white hover:bg-[#8f1c13] aria-disabled:opacity-70"
        >
          {pending ? "Deleting…" : "Delete for good"}
        </button>
      </form>
    </details>
  );
}

/** The owner's artworks, newest first, each with its rights, an edit form and a confirmed delete. */
export function ArtworkList({ artworks }: { artworks: Artwork[] }) {
  if (artworks.length === 0) {
    return <p className="rounded-xl border border-dashed border-line px-6 py-10 text-center text-base text-muted">No artworks yet: your uploads appear here.</p>;
  }
  return (
    <ul role="list" className="divide-y divide-line rounded-2xl border border-line bg-surface">
      {artworks.map((artwork) => (
        <li key={artwork.id} className="flex flex-col gap-4 p-4 sm:flex-row sm:p-5">
          <img
            src={artwork.thumbnailUrl ?? artwork.mediaUrl}
            alt=""
            width={artwork.width ?? 120}
            height={artwork.height ?? 120}
            loading="lazy"
            className="size-28 shrink-0 rounded-lg bg-sunken object-cover"
          />
          <div className="min-w-0 flex-1">
            <h3 className="text-base font-semibold break-words text-ink">{artwork.title}</h3>
            <p className="text-sm text-muted">{[artwork.style, artwork.tags.map((t) => `#${t}`).join(" ")].filter(Boolean).join(" · ") || "No style or tags"}</p>
            <div className="-mt-2">
              <RightsList artwork={artwork} />
            </div>
            <div className="mt-4 flex flex-wrap items-start gap-3">
              <details className="open:basis-full">
                <summary className={disclosure}>
                  Edit details and rights<span className="sr-only"> of {artwork.title}</span>
                </summary>
                <EditArtwork artwork={artwork} />
              </details>
              <DeleteArtwork artwork={artwork} />
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
