"use client";

import { useActionState, useEffect, useRef } from "react";
import { FieldErrors, FormAlert } from "@/app/_components/form-field";
import { focusFirstInvalid } from "@/app/_lib/focus";
import type { EndorsementPrompt } from "@/lib/services/partner_recommendation";
import { Select, SubmitButton, TextArea } from "../../opportunities/_components/fields";
import { endorseAction } from "./endorse-action";

const RATINGS = [
  { value: "1", label: "1 · Would not work together again" },
  { value: "2", label: "2 · Difficult" },
  { value: "3", label: "3 · Fine" },
  { value: "4", label: "4 · Very good" },
  { value: "5", label: "5 · Outstanding" },
];

/** Skills offered for a score: the subject's own, as listed on their profile. */
const MAX_SCORED_SKILLS = 12;

/** The endorsement form of one prompt: rating, optional per-skill scores, text and a private note. */
export function EndorseForm({ prompt, returnTo }: { prompt: EndorsementPrompt; returnTo: string }) {
  const [state, action] = useActionState(endorseAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failed) focusFirstInvalid(formRef.current, alertRef.current);
  }, [failed]);

  if (state?.ok) {
    return (
      <p role="status" className="rounded-lg bg-accent-soft px-4 py-3 text-sm text-ink" data-testid="endorse-sent">
        {state.message}
      </p>
    );
  }
  const { subject, context } = prompt;
  const idBase = `endorse-${context.id}-${subject.handle}`;
  const skills = subject.skills.slice(0, MAX_SCORED_SKILLS);
  const otherErrors = [...(errors.subject ?? []), ...(errors["context.id"] ?? []), ...(errors["context.type"] ?? [])];
  return (
    <form ref={formRef} action={action} noValidate className="space-y-5" key={failed?.at ?? "endorse"} data-testid="endorse-form">
      <FormAlert message={failed ? `Nothing was sent. ${failed.message}` : null} alertRef={alertRef}>
        {otherErrors.length ? <p className="mt-1">{otherErrors.join(" ")}</p> : null}
      </FormAlert>
      <input type="hidden" name="subject" value={subject.handle} />
      <input type="hidden" name="contextType" value={context.type} />
      <input type="hidden" name="contextId" value={context.id} />
      <input type="hidden" name="returnTo" value={returnTo} />

      <fieldset aria-describedby={errors.rating?.length ? `${idBase}-rating-error` : undefined}>
        <legend className="text-sm font-medium text-ink">Overall</legend>
        <div className="mt-2 grid gap-1.5 sm:grid-cols-2">
          {RATINGS.map((r, i) => (
            <label key={r.value} className="flex items-center gap-2.5 text-sm text-ink">
              <input type="radio" name="rating" value={r.value} defaultChecked={values.rating === r.value} required
                aria-invalid={errors.rating?.length && i === 0 ? true : undefined} className="size-4 accent-accent" />
              {r.label}
            </label>
          ))}
        </div>
        <FieldErrors id={`${idBase}-rating`} errors={errors.rating} />
      </fieldset>

      {skills.length ? (
        <fieldset>
          <legend className="text-sm font-medium text-ink">Their skills (optional)</legend>
          <p className="mt-1 text-sm text-muted">Score only what you saw them do.</p>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {skills.map((skill, i) => (
              <div key={skill}>
                <input type="hidden" name={`skills.${i}.skill`} value={skill} />
                <Select id={`${idBase}-skill-${i}`} name={`skills.${i}.score`} label={skill} defaultValue={values[`skills.${i}.score`] ?? ""}
                  errors={[...(errors[`skills.${i}.score`] ?? []), ...(errors[`skills.${i}.skill`] ?? [])]}>
                  <option value="">Not scored</option>
                  {RATINGS.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.value} of 5
                    </option>
                  ))}
                </Select>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}

      <TextArea id={`${idBase}-text`} name="text" label={`What was it like working with ${subject.displayName}?`} rows={4} maxLength={2000} required
        defaultValue={values.text ?? ""} hint="Public once published. At most 2000 characters." errors={errors.text} />
      <TextArea id={`${idBase}-note`} name="privateNote" label="Private note (optional)" rows={2} maxLength={2000}
        defaultValue={values.privateNote ?? ""} hint={`Only Kontact's moderators read this; ${subject.displayName} never sees it.`} errors={errors.privateNote} />
      <SubmitButton pendingLabel="Sending…">Send endorsement</SubmitButton>
    </form>
  );
}
