"use client";

import { useActionState, useEffect, useRef } from "react";
import { FieldErrors, FormAlert, TextField } from "@/app/_components/form-field";
import { SubmitButton } from "../../opportunities/_components/fields";
import { createWorkspaceAction } from "../actions";
import { HandlePicker } from "./handle-picker";
import { focusFirstInvalid } from "@/app/_lib/focus";

const TYPES = [
  { value: "group", label: "Group", hint: "Invite as many as you like; six draw at once." },
  { value: "dm", label: "One to one", hint: "You and one other person." },
] as const;

/** Start a session: name, kind and invitees; refusals come back under their fields. */
export function NewSessionForm({ viewer }: { viewer: string }) {
  const [state, action] = useActionState(createWorkspaceAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const sessionType = failed?.values?.sessionType || "group";
  const invited = (failed?.values?.invite ?? "").split(",").map((h) => h.trim()).filter(Boolean);

  useEffect(() => {
    if (!failed) return;
    focusFirstInvalid(formRef.current, alertRef.current);
  }, [failed]);

  return (
    <form ref={formRef} action={action} noValidate className="space-y-6" key={failed?.at ?? "new"} data-testid="new-session-form">
      <FormAlert message={failed ? `The session was not started. ${failed.message}` : null} alertRef={alertRef} />
      <TextField id="session-name" name="name" label="Name" defaultValue={failed?.values?.name ?? ""} maxLength={120} required errors={errors.name} placeholder="Harbour mural sketches" />
      <fieldset aria-describedby={errors.sessionType?.length ? "sessionType-error" : undefined}>
        <legend className="text-sm font-medium text-ink">Kind of session</legend>
        <div className="mt-2 space-y-2">
          {TYPES.map((t) => (
            <label key={t.value} className="flex items-start gap-2.5 text-sm text-ink">
              <input type="radio" name="sessionType" value={t.value} defaultChecked={sessionType === t.value} className="mt-0.5 size-4 accent-accent" />
              <span>
                <span className="font-medium">{t.label}</span>
                <span className="block text-muted">{t.hint}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldErrors id="sessionType" errors={errors.sessionType} />
      </fieldset>
      <HandlePicker viewer={viewer} defaultHandles={invited} errors={errors.invite} />
      <SubmitButton pendingLabel="Starting…">Start session</SubmitButton>
    </form>
  );
}
