import type { z } from "zod";
import { formatPath } from "~/schemas/role";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Every field's first error by its path ("questions[2].traits"), for display next to the field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = formatPath(issue.path) || "form";
    errors[path] ??= issue.message;
  }
  return errors;
}

/** Parses a posted form with the same zod schema the browser used. */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): FormResult<z.infer<S>> {
  const values: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData) {
    // A repeated single field is tampering or a bug; the first value is the user's.
    if (!(key in values)) values[key] = value;
  }
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}
