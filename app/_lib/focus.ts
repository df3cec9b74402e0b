/** After a refused submit: focus the first field marked invalid, or else the form's alert, so keyboard and screen-reader users land on the problem. */
export function focusFirstInvalid(form: HTMLElement | null | undefined, fallback?: HTMLElement | null): void {
  (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? fallback)?.focus();
}
