import { safeParse, type $ZodError, type $ZodType, type output } from "zod/v4/core";
import { formatPath } from "~/schemas/role";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Every field's first error by its path ("questions[2].traits"), for display next to the field. */
export function fieldErrors(error: $ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = formatPath(issue.path) || "form";
    errors[path] ??= issue.message;
  }
  return errors;
}

/** Parses a posted form with the same zod schema the browser used (zod/mini, or classic zod for server-only forms). */
export function parseForm<S extends $ZodType>(formData: FormData, schema: S): FormResult<output<S>> {
  const values: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData) {
    // A repeated single field is tampering or a bug; the first value is the user's.
    if (!(key in values)) values[key] = value;
  }
  const parsed = safeParse(schema, values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

/**
 * The posted form. A body that is no form (JSON, plain text, a truncated
 * multipart upload, none at all), or a field with a NUL character, is the
 * client's mistake: a 400, not a crash.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw new Response("The request body is not a form (send application/x-www-form-urlencoded or multipart/form-data).", { status: 400 });
  }
  for (const [name, value] of formData) {
    if (containsNul(name) || (typeof value === "string" && containsNul(value))) {
      throw new Response("The form contains a NUL character (U+0000), which no field takes.", { status: 400 });
    }
  }
  return formData;
}

/**
 * U+0000 in a text. No text of Traitkit's holds it (a browser's form never
 * sends one), and PostgreSQL cannot store it: refused on the way in, on both
 * databases, so that they keep the same data.
 */
export function containsNul(text: string): boolean {
  return text.includes("\u0000");
}
