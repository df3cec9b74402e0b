"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormAlert } from "@/app/_components/form-field";
import type { Artwork } from "@/lib/services/professional_profile";
import { applyAction } from "../[id]/actions";
import { SubmitButton, TextArea } from "./fields";

/** Apply: a message and artworks from the applicant's own portfolio (checkboxes, so it works without JS). */
export function ApplyForm({ opportunityId, portfolio }: { opportunityId: string; portfolio: Artwork[] }) {
  const [state, action] = useActionState(applyAction, null);
  const failed = state && !state.ok ? state : null;
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failed) alertRef.current?.focus();
  }, [failed]);
  const errors = failed?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-6" key={failed?.at ?? "apply"} data-testid="apply-form">
      <FormAlert message={failed ? `Not sent. ${failed.message}` : null} alertRef={alertRef} />
      <input type="hidden" name="id" value={opportunityId} />
      <TextArea id="message" name="message" label="Message to the organiser" rows={6} maxLength={4000} required
        defaultValue={failed?.values?.message ?? ""} hint="Why this, why now, and anything they asked for." errors={errors.message} />
      <fieldset>
        <legend className="text-sm font-medium text-ink">Artworks to include</legend>
        {portfolio.length ? (
          <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
            {portfolio.map((a) => (
              <li key={a.id}>
                <label className="flex cursor-pointer flex-col gap-2 rounded-xl border border-field bg-surface p-2 text-sm text-ink has-checked:border-accent has-checked:bg-accent-soft">
                  {/* eslint-disable-next-line @next/next/no-img-element -- stored renditions, already sized */}
                  <img src={a.thumbnailUrl ?? a.mediaUrl} alt={a.altText || a.title} className="aspect-[4/3] w-full rounded-lg object-cover" loading="lazy" />
                  <span className="flex items-center gap-2">
                    <input type="checkbox" name="artworkIds" value={a.id} className="size-4 accent-accent" />
                    <span className="truncate">{a.title}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-muted">Your portfolio is empty: you can apply with a message alone, or add artworks to your profile first.</p>
        )}
        {errors.artworkIds ? <p className="mt-2 text-sm text-danger">{errors.artworkIds.join(" ")}</p> : null}
      </fieldset>
      <SubmitButton pendingLabel="Sending…">Send application</SubmitButton>
    </form>
  );
}
