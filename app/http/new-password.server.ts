import type { $ZodType, output } from "zod/v4/core";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/schemas/auth";
import { isGuessablePassword } from "~/utils/password-policy.server";
import { parseForm, type FormResult } from "./forms.server";

/**
 * Parses a form that sets a new password (the invite's, the account page's)
 * with one verdict on all that was posted: a guessable password is said
 * beside the form's other errors (a mismatch, an empty name), not only once
 * they are fixed. The breached-password check stays on the server.
 */
export function parseNewPasswordForm<S extends $ZodType>(formData: FormData, schema: S): FormResult<output<S>> {
  const parsed = parseForm(formData, schema);
  const password = formData.get("password");
  const guessable =
    typeof password === "string" &&
    password.length >= PASSWORD_MIN_LENGTH &&
    password.length <= PASSWORD_MAX_LENGTH &&
    isGuessablePassword(password);
  if (!guessable) return parsed;
  return { ok: false, errors: { ...(parsed.ok ? {} : parsed.errors), password: "validation.passwordGuessable" } };
}
