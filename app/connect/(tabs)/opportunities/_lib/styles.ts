/**
 * The house text-input look, for this section's server components: `inputClass` from
 * app/_components/form-field lives in a client module, and a server component importing it
 * receives a client reference, not the string.
 */
export const fieldClass =
  "block w-full rounded-lg border border-field bg-surface px-3.5 py-2.5 text-base text-ink placeholder:text-muted " +
  "aria-[invalid=true]:border-danger";
