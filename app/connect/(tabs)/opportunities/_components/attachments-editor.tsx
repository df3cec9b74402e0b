"use client";

import { useActionState } from "react";
import { FieldErrors, FormAlert } from "@/app/_components/form-field";
import { secondaryButton } from "@/app/_components/styles";
import type { Attachment } from "@/lib/services/opportunity_announcement";
import { deleteAttachmentAction, uploadAttachmentAction } from "../actions";
import { fileSize } from "../_lib/format";
import { SubmitButton } from "./fields";

/** The owner's attachments: the list with Remove buttons, and an upload form. */
export function AttachmentsEditor({ opportunityId, attachments }: { opportunityId: string; attachments: Attachment[] }) {
  const [state, action] = useActionState(uploadAttachmentAction, null);
  const failed = state && !state.ok ? state : null;
  const [removed, removeAction] = useActionState(deleteAttachmentAction, null);
  return (
    <section aria-labelledby="attachments-heading" className="space-y-5 border-t border-line pt-8">
      <h3 id="attachments-heading" className="text-xs font-semibold tracking-widest text-muted uppercase">
        Attachments
      </h3>
      <FormAlert message={removed && !removed.ok ? removed.message : null} />
      {removed?.ok ? <p role="status" className="text-sm text-ink">{removed.message}</p> : null}
      {attachments.length ? (
        <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
          {attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <a href={a.url} className="font-medium text-accent underline-offset-4 hover:underline">
                {a.filename}
              </a>
              <span className="text-muted">{fileSize(a.size)}</span>
              <form action={removeAction}>
                <input type="hidden" name="id" value={opportunityId} />
                <input type="hidden" name="attachmentId" value={a.id} />
                <SubmitButton pendingLabel="Removing…" className={secondaryButton}>
                  Remove<span className="sr-only"> {a.filename}</span>
                </SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No attachments yet.</p>
      )}
      <form action={action} className="space-y-3">
        <FormAlert message={failed ? failed.message : null} />
        {state?.ok ? <p role="status" className="text-sm text-ink">{state.message}</p> : null}
        <input type="hidden" name="id" value={opportunityId} />
        <label htmlFor="attachment-file" className="block text-sm font-medium text-ink">
          Add a file
        </label>
        <p id="attachment-hint" className="text-sm text-muted">
          PDF, PNG or JPEG, at most 10 MB.
        </p>
        <input id="attachment-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" aria-describedby="attachment-hint"
          aria-invalid={failed?.fieldErrors.file?.length ? true : undefined} className="block text-sm text-ink file:mr-4 file:rounded-full file:border-0 file:bg-accent-soft file:px-4 file:py-2 file:text-accent" />
        <FieldErrors id="attachment-file" errors={failed?.fieldErrors.file} />
        <SubmitButton pendingLabel="Uploading…" className={secondaryButton}>
          Upload
        </SubmitButton>
      </form>
    </section>
  );
}
