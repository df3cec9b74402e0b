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

/** NUL, or half of a UTF-16 surrogate pair: PostgreSQL stores neither (text and jsonb alike). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The dotted path of the first text (value or key) in `value` that PostgreSQL cannot store ("_" for `value` itself), else null. */
export function unstorableTextAt(value: unknown): string | null {
  type Item = { value: unknown; key: string | null; parent: Item | null };
  const pathOf = (item: Item) => {
    const keys: string[] = [];
    for (let at: Item | null = item; at && at.key !== null; at = at.parent) keys.unshift(at.key);
    return keys.join(".") || "_";
  };
  const stack: Item[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === "string") {
      if (UNSTORABLE.test(item.value)) return pathOf(item);
    } else if (item.value !== null && typeof item.value === "object") {
      for (const [key, child] of Object.entries(item.value)) {
        const entry: Item = { value: child, key, parent: item };
        if (UNSTORABLE.test(key)) return pathOf(entry);
        stack.push(entry);
      }
    }
  }
  return null;
}

/**
 * Parses input or throws a 422 `validation_failed` naming every field at fault. Text the schema
 * kept (after its own clean-up) that PostgreSQL cannot store is refused too, unless the caller
 * cleans it itself (`storableText: false`).
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, options: { storableText?: boolean } = {}): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError("validation_failed", "Some fields are invalid.", { fields: fieldErrorsOf(result.error) });
  }
  const at = options.storableText === false ? null : unstorableTextAt(result.data);
  if (at !== null) {
    const message = "Text cannot contain NUL characters or half of a surrogate pair.";
    throw new AppError("validation_failed", message, { fields: { [at]: [message] } });
  }
  return result.data;
}
