"use client";

import { describedBy, FieldErrors, inputClass } from "@/app/_components/form-field";
import { primaryButton, secondaryButton } from "@/app/_components/styles";

type TextAreaProps = Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "className"> & {
  id: string;
  name: string;
  label: string;
  hint?: React.ReactNode;
  errors?: string[];
};

/** A labelled textarea with its hint and errors announced with it (the TextField of long text). */
export function TextAreaField({ id, name, label, hint, errors, rows = 6, ...rest }: TextAreaProps) {
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, Boolean(hint), errors)}
        className={`${inputClass} mt-2 resize-y leading-relaxed`}
        {...rest}
      />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

type CheckboxProps = {
  id: string;
  name: string;
  label: string;
  description?: React.ReactNode;
  defaultChecked?: boolean;
  errors?: string[];
};

/** A checkbox with its label and a one-line explanation underneath. */
export function CheckboxField({ id, name, label, description, defaultChecked, errors }: CheckboxProps) {
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={defaultChecked}
          aria-invalid={invalid || undefined}
          aria-describedby={[description ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
          className="mt-1 size-4 shrink-0 accent-accent"
        />
        <div>
          <label htmlFor={id} className="text-sm font-medium text-ink">
            {label}
          </label>
          {description ? (
            <p id={`${id}-hint`} className="mt-0.5 text-sm text-muted">
              {description}
            </p>
          ) : null}
        </div>
      </div>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

function Spinner() {
  return <span aria-hidden="true" className="size-4 rounded-full border-2 border-current/30 border-t-current motion-safe:animate-spin" />;
}

/** Stays focusable while pending (aria-disabled) so keyboard focus is not lost. */
export function SaveButton({ pending, pendingLabel, children, quiet = false, name, value }: { pending: boolean; pendingLabel: string; children: React.ReactNode; quiet?: boolean; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
      className={`${quiet ? secondaryButton : primaryButton} aria-disabled:opacity-70`}
    >
      {pending ? (
        <>
          <Spinner />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}

/** "Saved" after a success; errors go to FormAlert. Polite, so it does not interrupt. */
export function SavedMessage({ message, statusRef }: { message: string | null; statusRef?: React.Ref<HTMLParagraphElement> }) {
  return (
    <p ref={statusRef} tabIndex={-1} role="status" className="text-sm font-medium text-emerald-800 focus:outline-none">
      {message ? (
        <span className="inline-flex items-center gap-1.5">
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-none stroke-current stroke-2">
            <path d="M3.5 8.5l3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {message}
        </span>
      ) : null}
    </p>
  );
}
