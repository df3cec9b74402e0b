/** Shared class lists, so buttons and links that look alike stay alike. */
const buttonBase =
  "inline-flex items-center justify-center gap-2 rounded-full text-sm font-medium transition-colors " +
  "disabled:cursor-not-allowed disabled:opacity-70";

const accentColors = "bg-accent text-white hover:bg-accent-strong";
const quietColors = "border border-field bg-surface text-ink hover:border-ink hover:bg-sunken";

export const primaryButton = `${buttonBase} ${accentColors} px-5 py-2.5`;
export const primaryButtonSmall = `${buttonBase} ${accentColors} px-4 py-1.5`;
export const secondaryButton = `${buttonBase} ${quietColors} px-5 py-2.5`;

export const textLink =
  "font-medium text-accent underline decoration-1 underline-offset-4 hover:text-accent-strong hover:decoration-2";

/** A header link; `data-active` (set by NavLink) marks the current page or section. */
export const navItem =
  "rounded-md px-1 py-1 text-sm text-muted transition-colors hover:text-ink data-[active]:font-medium data-[active]:text-ink";
