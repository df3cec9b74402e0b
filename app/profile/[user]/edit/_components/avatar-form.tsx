"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { describedBy, FieldErrors, FormAlert } from "@/app/_components/form-field";
import type { Profile } from "@/lib/services/professional_profile";
import { Avatar } from "../../_components/profile-header";
import { saveAvatar } from "../actions";
import { SaveButton, SavedMessage } from "./fields";
import { IMAGE_ACCEPT, imageFileProblem } from "./upload-checks";

export function AvatarForm({ profile }: { profile: Pick<Profile, "avatarUrl" | "displayName" | "handle"> }) {
  const [state, action, pending] = useActionState(saveAvatar, null);
  const [localError, setLocalError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const failed = state && !state.ok ? state : null;
  const fileErrors = localError ? [localError] : failed?.fieldErrors.file;

  useEffect(() => {
    if (state && !state.ok) inputRef.current?.focus();
  }, [state]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === "remove") return;
    const problem = imageFileProblem(inputRef.current?.files?.[0]);
    setLocalError(problem);
    if (problem) {
      event.preventDefault();
      inputRef.current?.focus();
    }
  }

  return (
    <form action={action} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={failed && !failed.fieldErrors.file ? failed.message : null} />
      <div className="flex flex-col gap-5 sm:flex-row sm:items-center">
        <Avatar profile={profile} />
        <div className="min-w-0 flex-1">
          <label htmlFor="avatar-file" className="block text-sm font-medium text-ink">
            Profile photo
          </label>
          <p id="avatar-file-hint" className="mt-1 text-sm text-muted">
            A square crop of your portrait or logo. PNG, JPEG, WebP or GIF, up to 10 MB.
          </p>
          <input
            ref={inputRef}
            id="avatar-file"
            name="file"
            type="file"
            accept={IMAGE_ACCEPT}
            onChange={() => setLocalError(null)}
            aria-invalid={fileErrors?.length ? true : undefined}
            aria-describedby={describedBy("avatar-file", true, fileErrors)}
            className="mt-2 block w-full text-sm text-muted file:mr-4 file:rounded-full file:border file:border-field file:bg-surface file:px-4 file:py-2 file:text-sm file:font-medium file:text-ink hover:file:border-ink"
          />
          <FieldErrors id="avatar-file" errors={fileErrors} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SaveButton pending={pending} pendingLabel="Uploading…" quiet name="intent" value="upload">
          Upload photo
        </SaveButton>
        {profile.avatarUrl ? (
          <button type="submit" name="intent" value="remove" className="rounded-full px-3 py-2.5 text-sm font-medium text-muted hover:text-danger">
            Remove photo
          </button>
        ) : null}
        <SavedMessage message={state?.ok ? state.message : null} />
      </div>
    </form>
  );
}
