import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Field errors keyed by dotted path ("links.0.url"); problems with the whole input go under "_". */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  // No prototype: a field called "constructor" or "__proto__" is just a key here.
  const fields: FieldErrors = Object.create(null) as FieldErrors;
  for (const issue of error.issues) {
    // A strict object's unknown keys: name each one, so the client learns which field to drop.
    if (issue.code === "unrecognized_keys") {
      for (const unknown of issue.keys) (fields[[...issue.path, unknown].map(String).join(".")] ??= []).push("Unknown field.");
      continue;
    }
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Parses input or throws a 422 `validation_failed` naming every field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError("validation_failed", "Some fields are invalid.", { fields: fieldErrorsOf(result.error) });
  }
  return result.data;
}
