"use client";

import { useFormStatus } from "react-dom";
import { describedBy, FieldErrors, inputClass } from "@/app/_components/form-field";
import { primaryButton } from "@/app/_components/styles";

type Common = { id: string; name: string; label: string; hint?: React.ReactNode; errors?: string[] };

function Label({ id, label, hint }: Pick<Common, "id" | "label" | "hint">) {
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
    </>
  );
}

export function TextArea({ id, name, label, hint, errors, ...rest }: Common & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name">) {
  return (
    <div>
      <Label id={id} label={label} hint={hint} />
      <textarea id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, Boolean(hint), errors)} className={`${inputClass} mt-2`} {...rest} />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

export function Select({ id, name, label, hint, errors, children, ...rest }: Common & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id" | "name">) {
  return (
    <div>
      <Label id={id} label={label} hint={hint} />
      <select id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, Boolean(hint), errors)} className={`${inputClass} mt-2`} {...rest}>
        {children}
      </select>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

export function Checkbox({ id, name, label, hint, errors, ...rest }: Common & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type">) {
  return (
    <div>
      <label htmlFor={id} className="inline-flex items-center gap-2 text-sm font-medium text-ink">
        <input id={id} name={name} type="checkbox" aria-describedby={describedBy(id, Boolean(hint), errors)} className="size-4 accent-accent" {...rest} />
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

/** A submit button that says what is happening while the action runs. */
export function SubmitButton({ children, pendingLabel, className = primaryButton }: { children: React.ReactNode; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingLabel : children}
    </button>
  );
}

export const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN", "BRL", "MXN"];
