import "server-only";
import { headers } from "next/headers";
import { writerOf } from "@/lib/http/write-limit";
import { runFormActionAs, type FormOptions, type FormState } from "./form-run";

export type { FormState } from "./form-run";

/**
 * Runs a service call for a form (see `runFormActionAs`), counting the submission against the
 * caller's IP and signed-in user, as every API write is.
 */
export async function runFormAction(run: () => Promise<unknown>, options: FormOptions): Promise<FormState> {
  return runFormActionAs(await writerOf(await headers()), run, options);
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
