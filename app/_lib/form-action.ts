import "server-only";
import { unstable_rethrow } from "next/navigation";
import { isAppError, type FieldErrors } from "@/lib/errors";

/**
 * What a server action hands back to `useActionState`. `at` changes on every submission, so the
 * form can move focus even when the same errors come back twice. `values` echoes what was typed
 * (text fields only) so a refused form shows it again instead of the saved profile.
 */
export type FormState =
  | { ok: true; message: string; at: number }
  | { ok: false; message: string; fieldErrors: FieldErrors; values?: Record<string, string>; at: number }
  | null;

type Options = {
  /** Shown in the form's status line when the action succeeds. */
  success: string;
  /** Renames service field keys to form field names ("links.0.url" → "links.2.url"). */
  fieldName?: (key: string) => string;
  /** Where file errors (413 too large, 415 not an image) go. */
  fileField?: string;
  values?: Record<string, string>;
};

function countLabel(n: number): string {
  return n === 1 ? "1 field needs your attention." : `${n} fields need your attention.`;
}

/**
 * Runs a service call for a form: success becomes `{ ok: true }`, an AppError becomes field errors
 * and a form-level message, anything else is logged and reported without details. Next's own
 * control flow (redirect, notFound) passes through.
 */
export async function runFormAction(run: () => Promise<unknown>, options: Options): Promise<FormState> {
  const at = Date.now();
  try {
    await run();
    return { ok: true, message: options.success, at };
  } catch (error) {
    unstable_rethrow(error);
    const values = options.values;
    if (!isAppError(error)) {
      console.error(error);
      return { ok: false, message: "Something went wrong on our side and nothing was saved. Please try again.", fieldErrors: {}, values, at };
    }
    if (error.code === "validation_failed" && error.fields) {
      const fieldErrors: FieldErrors = {};
      for (const [key, messages] of Object.entries(error.fields)) {
        const name = options.fieldName ? options.fieldName(key) : key;
        (fieldErrors[name] ??= []).push(...messages);
      }
      const count = Object.keys(fieldErrors).filter((k) => k !== "_").length;
      const general = fieldErrors._?.join(" ");
      return { ok: false, message: general ?? countLabel(Math.max(1, count)), fieldErrors, values, at };
    }
    if (options.fileField && (error.code === "payload_too_large" || error.code === "unsupported_media_type")) {
      return { ok: false, message: error.message, fieldErrors: { [options.fileField]: [error.message] }, values, at };
    }
    if (error.code === "unauthorized") {
      return { ok: false, message: "Your session has ended. Sign in again, then retry.", fieldErrors: {}, values, at };
    }
    return { ok: false, message: error.message, fieldErrors: {}, values, at };
  }
}

/** A trimmed text field ("" when absent or a file). */
export function textOf(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** A comma- or newline-separated list, trimmed, empty items dropped. */
export function listOf(data: FormData, name: string): string[] {
  const values = data.getAll(name).filter((v): v is string => typeof v === "string");
  return values
    .flatMap((v) => v.split(/[,\n]/))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A checkbox: present and not "off" means checked. */
export function checkedOf(data: FormData, name: string): boolean {
  const value = data.get(name);
  return typeof value === "string" && value !== "" && value !== "off" && value !== "false";
}

/** An uploaded file, or null when the input was left empty. */
export function fileOf(data: FormData, name: string): File | null {
  const value = data.get(name);
  return value instanceof File && value.size > 0 ? value : null;
}
