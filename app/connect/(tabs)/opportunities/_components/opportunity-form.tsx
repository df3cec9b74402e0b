"use client";

import { useActionState, useEffect, useRef } from "react";
import { FieldErrors, FormAlert, TextField } from "@/app/_components/form-field";
import type { FormState } from "@/app/_lib/form-action";
import { KIND_LABEL, KINDS } from "../_lib/format";
import { Checkbox, CURRENCIES, Select, SubmitButton, TextArea } from "./fields";
import { focusFirstInvalid } from "@/app/_lib/focus";

export type PostingDefaults = Record<
  "title" | "kind" | "description" | "tags" | "region" | "location" | "startsAt" | "endsAt" | "deadline" | "compensationAmount" | "compensationCurrency" | "entryFeeAmount" | "entryFeeCurrency" | "url" | "paid",
  string
>;

export const EMPTY_POSTING: PostingDefaults = {
  title: "", kind: "residency", description: "", tags: "", region: "", location: "", startsAt: "", endsAt: "", deadline: "",
  compensationAmount: "", compensationCurrency: "EUR", entryFeeAmount: "", entryFeeCurrency: "EUR", url: "", paid: "",
};

const legendClass = "mb-5 text-xs font-semibold tracking-widest text-muted uppercase";

type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  defaults: PostingDefaults;
  id?: string;
  submitLabel: string;
  /** The create form takes the brief too; the edit page manages attachments separately. */
  withBrief?: boolean;
};

/** The post and edit form: server action, field errors under each input, typed values kept on refusal. */
export function OpportunityForm({ action, defaults, id, submitLabel, withBrief = false }: Props) {
  const [state, formAction] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const v = (name: keyof PostingDefaults) => failed?.values?.[name] ?? defaults[name];

  useEffect(() => {
    if (!failed) return;
    focusFirstInvalid(formRef.current, alertRef.current);
  }, [failed]);

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-10" key={failed?.at ?? "form"}>
      <FormAlert message={failed ? `Nothing was saved. ${failed.message}` : null} alertRef={alertRef} />
      {id ? <input type="hidden" name="id" value={id} /> : null}

      <fieldset className="space-y-6">
        <legend className={legendClass}>What it is</legend>
        <TextField id="title" name="title" label="Title" defaultValue={v("title")} maxLength={200} required errors={errors.title} />
        <Select id="kind" name="kind" label="Kind" defaultValue={v("kind")} errors={errors.kind}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </Select>
        <TextArea id="description" name="description" label="Description" defaultValue={v("description")} rows={8} maxLength={20000}
          hint="What you offer, who it is for, how selection works. Plain text; line breaks are kept." errors={errors.description} />
        <TextField id="tags" name="tags" label="Tags" defaultValue={v("tags")} hint="Separated by commas, up to 12: ceramics, coast, new media." errors={errors.tags} />
      </fieldset>

      <fieldset className="space-y-6">
        <legend className={legendClass}>Where and when</legend>
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField id="region" name="region" label="Region" defaultValue={v("region")} maxLength={80} hint="City and country, e.g. Porto, PT." errors={errors.region} />
          <TextField id="location" name="location" label="Venue or address" defaultValue={v("location")} maxLength={200} errors={errors.location} />
          <TextField id="startsAt" name="startsAt" type="date" label="Starts" defaultValue={v("startsAt")} errors={errors.startsAt} />
          <TextField id="endsAt" name="endsAt" type="date" label="Ends" defaultValue={v("endsAt")} errors={errors.endsAt} />
          <TextField id="deadline" name="deadline" type="date" label="Application deadline" defaultValue={v("deadline")}
            hint="Applications close at the end of this day (UTC); the posting then reads as closed." errors={errors.deadline} />
          <TextField id="url" name="url" type="url" label="Link" defaultValue={v("url")} placeholder="https://" errors={errors.url} />
        </div>
      </fieldset>

      <fieldset className="space-y-6">
        <legend className={legendClass}>Money, stated up front</legend>
        <Checkbox id="paid" name="paid" label="Paid (a fee, stipend or salary)" defaultChecked={v("paid") === "on"} errors={errors.paid}
          hint="Paid with the amount stated and no entry fee shows as a fair call." />
        <div className="grid gap-6 sm:grid-cols-[1fr_8rem]">
          <TextField id="compensationAmount" name="compensationAmount" inputMode="decimal" label="Amount paid" defaultValue={v("compensationAmount")} errors={errors.compensationAmount} />
          <Select id="compensationCurrency" name="compensationCurrency" label="Currency" defaultValue={v("compensationCurrency")} errors={errors.compensationCurrency}>
            {CURRENCIES.map((c) => <option key={c}>{c}</option>)}
          </Select>
          <TextField id="entryFeeAmount" name="entryFeeAmount" inputMode="decimal" label="Entry fee to apply" defaultValue={v("entryFeeAmount")}
            hint="Leave empty when applying is free." errors={errors.entryFeeAmount} />
          <Select id="entryFeeCurrency" name="entryFeeCurrency" label="Currency" defaultValue={v("entryFeeCurrency")} errors={errors.entryFeeCurrency}>
            {CURRENCIES.map((c) => <option key={c}>{c}</option>)}
          </Select>
        </div>
      </fieldset>

      {withBrief ? (
        <fieldset className="space-y-3">
          <legend className={legendClass}>Brief</legend>
          <label htmlFor="brief" className="block text-sm font-medium text-ink">
            Attach a brief (optional)
          </label>
          <p id="brief-hint" className="text-sm text-muted">
            PDF, PNG or JPEG, at most 10 MB. You can add more after posting.
          </p>
          <input id="brief" name="brief" type="file" accept="application/pdf,image/png,image/jpeg" aria-describedby="brief-hint"
            aria-invalid={errors.brief?.length ? true : undefined} className="block text-sm text-ink file:mr-4 file:rounded-full file:border-0 file:bg-accent-soft file:px-4 file:py-2 file:text-accent" />
          <FieldErrors id="brief" errors={errors.brief} />
        </fieldset>
      ) : null}

      <div className="border-t border-line pt-6">
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
