"use client";

import { useState } from "react";

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className">;

type Props = InputProps & {
  id: string;
  name: string;
  label: string;
  hint?: React.ReactNode;
  errors?: string[] | undefined;
  inputRef?: React.Ref<HTMLInputElement>;
};

export const inputClass =
  "block w-full rounded-lg border border-field bg-surface px-3.5 py-2.5 text-base text-ink placeholder:text-muted " +
  "aria-[invalid=true]:border-danger";

/** Ids that tie a field to its hint and errors (aria-describedby). */
export function describedBy(id: string, hint: boolean, errors: string[] | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <ul id={`${id}-error`} className="mt-2 space-y-1 text-sm text-danger">
      {errors.map((message) => (
        <li key={message} className="flex items-start gap-1.5">
          <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 size-4 shrink-0 fill-current">
            <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm-.75 3.25h1.5v4.5h-1.5v-4.5Zm0 5.75h1.5V12h-1.5v-1.5Z" />
          </svg>
          <span>{message}</span>
        </li>
      ))}
    </ul>
  );
}

/** A labelled text input with its hint and field errors announced with it. */
export function TextField({ id, name, label, hint, errors, inputRef, type = "text", ...rest }: Props) {
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
      <input
        ref={inputRef}
        id={id}
        name={name}
        type={type}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, Boolean(hint), errors)}
        className={`${inputClass} mt-2`}
        {...rest}
      />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

/** A password input with a Show/Hide toggle after it, so people can check what they typed. */
export function PasswordField({ id, name, label, hint, errors, inputRef, ...rest }: Omit<Props, "type">) {
  const [visible, setVisible] = useState(false);
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
      <div className="relative mt-2">
        <input
          ref={inputRef}
          id={id}
          name={name}
          type={visible ? "text" : "password"}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(id, Boolean(hint), errors)}
          className={`${inputClass} pr-20`}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          {...rest}
        />
        <button
          type="button"
          onClick={() => setVisible((v) => !v)}
          aria-pressed={visible}
          aria-controls={id}
          className="absolute inset-y-1.5 right-1.5 rounded-md px-3 text-sm font-medium text-accent hover:bg-accent-soft hover:text-accent-strong"
        >
          {visible ? "Hide" : "Show"}
          <span className="sr-only"> password</span>
        </button>
      </div>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

/** The form-level message: announced when it appears, focusable so we can move focus to it. */
export function FormAlert({ message, alertRef, children }: { message: string | null; alertRef?: React.Ref<HTMLDivElement>; children?: React.ReactNode }) {
  return (
    <div ref={alertRef} tabIndex={-1} aria-live="assertive" aria-atomic="true" className="focus:outline-none">
      {message ? (
        <div className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
          <p className="font-medium">{message}</p>
          {children}
        </div>
      ) : null}
    </div>
  );
}
