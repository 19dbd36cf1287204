import { TRAIT_KEYS } from "~/domain/traits";
import { RATINGS } from "~/domain/scoring";
import { z } from "./zod-mini";

export const AGREED_REASON_MAX = 2000;

/** The debrief's form for one trait: the reading the panel agreed on (1–5) and why. */
export const agreedReadingSchema = z.object({
  trait: z.enum(TRAIT_KEYS, { error: "validation.traitRequired" }),
  reading: z.pipe(
    z.string({ error: "validation.readingRequired" }).check(z.trim()),
    z.enum(RATINGS.map(String) as [string, ...string[]], { error: "validation.readingRequired" }),
  ),
  reason: z
    .string({ error: "validation.reasonRequired" })
    .check(z.trim(), z.minLength(1, "validation.reasonRequired"), z.maxLength(AGREED_REASON_MAX, "validation.tooLong")),
});
