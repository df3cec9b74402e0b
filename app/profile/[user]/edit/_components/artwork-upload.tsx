"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { describedBy, FieldErrors, FormAlert, TextField } from "@/app/_components/form-field";
import type { FormState } from "@/app/_lib/form-action";
import { artworkUploaded, uploadArtwork } from "../actions";
import { CheckboxField, SaveButton, SavedMessage, TextAreaField } from "./fields";
import { formatBytes, IMAGE_ACCEPT, imageFileProblem } from "./upload-checks";
import { focusFirstInvalid } from "@/app/_lib/focus";

type ApiError = { error?: { code?: string; message?: string; fields?: Record<string, string[]> } };

const OFFLINE = "We could not reach Kontact. Check your connection and try again.";
const NO_TITLE = "Give the artwork a title.";

function failure(message: string, fieldErrors: Record<string, string[]> = {}): FormState {
  return { ok: false, message, fieldErrors, at: Date.now() };
}

/** Maps the API's answer to the same state the server action returns. */
function stateFromResponse(status: number, body: ApiError | null, title: string): FormState {
  if (status === 201) return { ok: true, message: `“${title}” was added to your portfolio.`, at: Date.now() };
  const message = body?.error?.message ?? "Something went wrong on our side and nothing was uploaded. Please try again.";
  if (status === 413 || status === 415) return failure(message, { file: [message] });
  if (status === 422) {
    const fields: Record<string, string[]> = {};
    for (const [key, messages] of Object.entries(body?.error?.fields ?? {})) (fields[key.split(".")[0] ?? key] ??= []).push(...messages);
    return failure(Object.keys(fields).length === 1 ? "1 field needs your attention." : `${Object.keys(fields).length} fields need your attention.`, fields);
  }
  if (status === 401) return failure("Your session has ended. Sign in again, then retry.");
  return failure(message);
}

/**
 * New artwork. With JavaScript the file goes to POST /api/v1/artworks through XHR, which reports
 * upload progress; without it the form posts to the `uploadArtwork` server action. Size and type
 * are checked here first, with the server's own messages.
 */
export function ArtworkUploadForm() {
  const [actionState, action, actionPending] = useActionState(uploadArtwork, null);
  const [clientState, setClientState] = useState<FormState>(null);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const state = clientState && (!actionState || clientState.at >= actionState.at) ? clientState : actionState;
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const uploading = progress !== null;
  const pending = uploading || actionPending || refreshing;

  useEffect(() => {
    if (!state) return;
    if (state.ok) statusRef.current?.focus();
    else focusFirstInvalid(formRef.current, alertRef.current);
  }, [state]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    const title = String(data.get("title") ?? "").trim();
    const problems: Record<string, string[]> = {};
    const fileProblem = imageFileProblem(file instanceof File ? file : null);
    if (fileProblem) problems.file = [fileProblem];
    if (!title) problems.title = [NO_TITLE];
    if (Object.keys(problems).length) {
      setClientState(failure(Object.keys(problems).length === 1 ? "1 field needs your attention." : "2 fields need your attention.", problems));
      return;
    }

    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/artworks");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => setProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : (file as File).size });
    xhr.onerror = () => {
      setProgress(null);
      setClientState(failure(OFFLINE));
    };
    xhr.onload = () => {
      let body: ApiError | null = null;
      try {
        body = JSON.parse(xhr.responseText) as ApiError;
      } catch {
        body = null;
      }
      const next = stateFromResponse(xhr.status, body, title);
      if (next?.ok) {
        form.reset();
        // Expires the public profile's cache for the author and refreshes this page's list.
        startRefresh(async () => {
          await artworkUploaded();
          setProgress(null);
          setClientState(next);
        });
      } else {
        setProgress(null);
        setClientState(next);
      }
    };
    setClientState(null);
    setProgress({ loaded: 0, total: (file as File).size });
    xhr.send(data);
  }

  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
  const fileErrors = errors.file;

  return (
    <form ref={formRef} action={action} onSubmit={onSubmit} noValidate className="space-y-6">
      <FormAlert message={failed ? `Nothing was uploaded. ${failed.message}` : null} alertRef={alertRef} />
      <div>
        <label htmlFor="artwork-file" className="block text-sm font-medium text-ink">
          Image
        </label>
        <p id="artwork-file-hint" className="mt-1 text-sm text-muted">
          PNG, JPEG, WebP or GIF, up to 10 MB. We make a display copy and a thumbnail; metadata is removed.
        </p>
        <input
          id="artwork-file"
          name="file"
          type="file"
          accept={IMAGE_ACCEPT}
          required
          aria-invalid={fileErrors?.length ? true : undefined}
          aria-describedby={describedBy("artwork-file", true, fileErrors)}
          className="mt-2 block w-full rounded-xl border border-dashed border-field bg-surface p-4 text-sm text-muted file:mr-4 file:rounded-full file:border-0 file:bg-accent file:px-4 file:py-2 file:text-sm file:font-medium file:text-white hover:file:bg-accent-strong"
        />
        <FieldErrors id="artwork-file" errors={fileErrors} />
      </div>
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField id="artwork-title" name="title" label="Title" maxLength={200} required errors={errors.title} />
        <TextField id="artwork-style" name="style" label="Style" maxLength={60} placeholder="e.g. Oil on canvas, cyanotype" errors={errors.style} />
      </div>
      <TextField id="artwork-tags" name="tags" label="Tags" hint="Separated by commas: landscape, blue, abstract." errors={errors.tags} />
      <TextAreaField id="artwork-alt" name="altText" label="Description for people who cannot see the image" rows={3} maxLength={500}
        hint="What the image shows, in a sentence or two. Screen readers read it aloud." errors={errors.altText} />
      <fieldset className="space-y-4 rounded-xl border border-line bg-surface p-4">
        <legend className="px-1 text-sm font-medium text-ink">Your rights</legend>
        <CheckboxField id="artwork-downloadable" name="downloadable" label="Allow downloads"
          description="Visitors get a download button for the display-size image." errors={errors.downloadable} />
        <CheckboxField id="artwork-ai" name="aiTrainingConsent" label="Allow use for AI training"
          description="Off unless you turn it on; the artwork shows “AI training: not allowed” otherwise." errors={errors.aiTrainingConsent} />
      </fieldset>
      {uploading ? (
        <div className="space-y-2">
          <label htmlFor="artwork-progress" className="flex justify-between text-sm text-muted">
            <span>{percent < 100 ? "Uploading…" : "Preparing your image…"}</span>
            <span aria-hidden="true">
              {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
            </span>
          </label>
          <progress id="artwork-progress" max={100} value={percent} className="h-2 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-sunken [&::-webkit-progress-value]:bg-accent">
            {percent}%
          </progress>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <SaveButton pending={pending} pendingLabel="Uploading…">
          Upload artwork
        </SaveButton>
        <SavedMessage message={state?.ok ? state.message : null} statusRef={statusRef} />
      </div>
    </form>
  );
}
