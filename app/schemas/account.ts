import { UI_LANGUAGES } from "~/domain/languages";
import { newPasswordSchema, PASSWORD_MAX_LENGTH } from "./auth";
import { z } from "./zod-mini";

/** A ticked checkbox posts "on"; an unticked one posts nothing. */
const checkbox = z.pipe(
  z.optional(z.union([z.boolean(), z.string()])),
  z.transform((v) => v === true || v === "on"),
);

/** One's own account at /settings/account: name, language, the optional e-mails. */
export const accountSchema = z.object({
  name: z
    .string({ error: "validation.nameRequired" })
    .check(z.trim(), z.minLength(1, "validation.nameRequired"), z.maxLength(120, "validation.nameTooLong")),
  language: z.enum(UI_LANGUAGES, { error: "validation.languageRequired" }),
  mailReminders: checkbox,
  mailAllIn: checkbox,
});

/** A password change: the current one, then the new one twice. */
export const passwordChangeSchema = z
  .object({
    currentPassword: z
      .string({ error: "validation.passwordRequired" })
      .check(z.minLength(1, "validation.passwordRequired"), z.maxLength(PASSWORD_MAX_LENGTH, "validation.passwordTooLong")),
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "validation.confirmRequired" }),
  })
  .check(z.refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordsDiffer" }));
