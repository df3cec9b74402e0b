"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormAlert } from "@/app/_components/form-field";
import { secondaryButton } from "@/app/_components/styles";
import { focusFirstInvalid } from "@/app/_lib/focus";
import { SubmitButton, TextArea } from "@/app/connect/(tabs)/opportunities/_components/fields";
import { replyAction, reportAction } from "../endorsement-actions";

type Props = { endorsementId: string; handle: string; authorName: string };

/** The subject's one public reply, under the endorsement; it cannot be changed afterwards. */
export function ReplyForm({ endorsementId, handle, authorName }: Props) {
  const [state, action] = useActionState(replyAction, null);
  const failed = state && !state.ok ? state : null;
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failed) focusFirstInvalid(formRef.current, alertRef.current);
  }, [failed]);
  const id = `reply-${endorsementId}`;
  return (
    <details className="group" open={Boolean(failed)}>
      <summary className="cursor-pointer text-sm font-medium text-accent hover:text-accent-strong">Reply publicly</summary>
      <form ref={formRef} action={action} noValidate className="mt-3 space-y-3" key={failed?.at ?? "reply"} data-testid="reply-form">
        <FormAlert message={failed ? `Your reply was not published. ${failed.message}` : null} alertRef={alertRef} />
        <input type="hidden" name="id" value={endorsementId} />
        <input type="hidden" name="handle" value={handle} />
        <TextArea id={id} name="text" label={`Your reply to ${authorName}`} rows={3} maxLength={2000} required defaultValue={failed?.values?.text ?? ""}
          hint="Shown under the endorsement for everyone. You can reply once, and a reply cannot be changed." errors={failed?.fieldErrors.text} />
        <SubmitButton pendingLabel="Publishing…" className={secondaryButton}>
          Publish reply
        </SubmitButton>
      </form>
    </details>
  );
}

/** Flag an endorsement to moderators: a reason, once. */
export function ReportForm({ endorsementId, handle }: Omit<Props, "authorName">) {
  const [state, action] = useActionState(reportAction, null);
  const failed = state && !state.ok ? state : null;
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failed) alertRef.current?.focus();
  }, [failed]);
  if (state?.ok) {
    return (
      <p role="status" className="text-xs text-muted">
        {state.message}
      </p>
    );
  }
  return (
    <details className="text-xs" open={Boolean(failed)}>
      <summary className="cursor-pointer text-muted hover:text-ink">Report</summary>
      <form action={action} noValidate className="mt-3 max-w-md space-y-3" key={failed?.at ?? "report"}>
        <FormAlert message={failed ? `Nothing was reported. ${failed.message}` : null} alertRef={alertRef} />
        <input type="hidden" name="id" value={endorsementId} />
        <input type="hidden" name="handle" value={handle} />
        <TextArea id={`report-${endorsementId}`} name="reason" label="What is wrong with it?" rows={2} maxLength={1000} required defaultValue={failed?.values?.reason ?? ""}
          hint="Only moderators read this." errors={failed?.fieldErrors.reason} />
        <SubmitButton pendingLabel="Sending…" className={secondaryButton}>
          Send report
        </SubmitButton>
      </form>
    </details>
  );
}
