import { unstable_rethrow } from "next/navigation";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { assertWriteAllowed, type Writer } from "@/lib/http/write-limit";

/**
 * What a server action hands back to `useActionState`. `at` changes on every submission, so the
 * form can move focus even when the same errors come back twice. `values` echoes what was typed
 * (text fields only) so a refused form shows it again instead of the saved profile.
 */
export type FormState =
  | { ok: true; message: string; at: number }
  | { ok: false; message: string; fieldErrors: FieldErrors; values?: Record<string, string>; at: number }
  | null;

export type FormOptions = {
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
 * Runs a service call for a form on behalf of `writer`: the submission first counts against the
 * writer's IP and user write limits (refused, it runs nothing and asks to wait), then success
 * becomes `{ ok: true }`, an AppError becomes field errors and a form-level message, anything else
 * is logged and reported without details. Next's own control flow (redirect, notFound) passes through.
 */
export async function runFormActionAs(writer: Writer, run: () => Promise<unknown>, options: FormOptions): Promise<FormState> {
  const at = Date.now();
  try {
    await assertWriteAllowed(writer);
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
    if (error.code === "rate_limited") {
      const seconds = Math.max(1, Math.ceil(error.retryAfter ?? 1));
      return { ok: false, message: `Too many changes in a short time: nothing was saved. Wait ${seconds} seconds, then try again.`, fieldErrors: {}, values, at };
    }
    if (error.code === "unauthorized") {
      return { ok: false, message: "Your session has ended. Sign in again, then retry.", fieldErrors: {}, values, at };
    }
    return { ok: false, message: error.message, fieldErrors: {}, values, at };
  }
}

