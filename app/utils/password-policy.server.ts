import { zxcvbnOptions, zxcvbn } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { z } from "~/schemas/zod-mini";
import { newPasswordSchema } from "~/schemas/auth";

// ~49,000 passwords seen in breaches, most common first (zxcvbn's list), plus
// keyboard patterns: the estimator knows how attackers guess.
zxcvbnOptions.setOptions({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });

const COMMON_PASSWORDS = new Set(common.dictionary.passwords.map((p) => p.toLowerCase()));
/** zxcvbn's "safely unguessable" threshold: ~10^8 guesses or more. */
const MIN_STRENGTH = 3;

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** True when the password is on the breached list or close to something on it. */
export function isGuessablePassword(password: string): boolean {
  return isCommonPassword(password) || zxcvbn(password).score < MIN_STRENGTH;
}

/** The browser's rules plus the breached-password check, which stays on the server. */
export const serverNewPasswordSchema = newPasswordSchema.check(
  z.refine((password) => !isGuessablePassword(password), { message: "validation.passwordGuessable" }),
);
