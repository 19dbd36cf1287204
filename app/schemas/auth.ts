import { USER_ROLES } from "~/domain/accounts";
import { z } from "./zod-mini";

// Messages are i18n keys (app/locales): the page shows them in the reader's language.

/** Minimum length of a new password; no composition rules (ASVS 5.0 6.2.1, 6.2.5). */
export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; the cap only bounds hashing work. */
export const PASSWORD_MAX_LENGTH = 256;

export const emailSchema = z.pipe(
  z.pipe(
    z
      .string({ error: "validation.emailRequired" })
      .check(z.trim(), z.minLength(1, "validation.emailRequired"), z.maxLength(254, "validation.emailTooLong")),
    z.email({ error: "validation.emailInvalid" }),
  ),
  z.transform((email) => email.toLowerCase()),
);

/** The sign-in form: fields `email` and `password` are a contract other tools post to. */
export const loginSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "validation.passwordRequired" })
    .check(z.minLength(1, "validation.passwordRequired"), z.maxLength(PASSWORD_MAX_LENGTH, "validation.passwordTooLong")),
  redirectTo: z.optional(z.string()),
});

/** A new password as the browser can check it; the server adds the breached-password list. */
export const newPasswordSchema = z
  .string({ error: "validation.passwordRequired" })
  .check(z.minLength(PASSWORD_MIN_LENGTH, "validation.passwordTooShort"), z.maxLength(PASSWORD_MAX_LENGTH, "validation.passwordTooLong"));

export const inviteSchema = z.object({
  email: emailSchema,
  role: z.enum(USER_ROLES, { error: "validation.roleRequired" }),
});

export const acceptInviteSchema = z
  .object({
    name: z
      .string({ error: "validation.nameRequired" })
      .check(z.trim(), z.minLength(1, "validation.nameRequired"), z.maxLength(120, "validation.nameTooLong")),
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "validation.confirmRequired" }),
  })
  .check(z.refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordsDiffer" }));

/** Only a path on this site: never an open redirect, nor one a Location header cannot carry (control characters). */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if ([...to].some(isControlCharacter)) return fallback;
  return to;
}

function isControlCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}
