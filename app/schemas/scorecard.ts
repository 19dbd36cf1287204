import { z } from "./zod-mini";
import { isRating, RATING_MAX, RATING_MIN, RECOMMENDATIONS, type Rating, type Recommendation } from "~/domain/scoring";
import { isTraitKey, type TraitKey } from "~/domain/traits";
import { EXPECTATION_MARKS, NOT_ASKED, type ExpectationMark } from "~/domain/expectation-marks";

/*
 * The scorecard form is a contract (issue #6): other tools post it without
 * JavaScript, with these field names:
 *   intent                        save | submit
 *   rating.<questionId>.<trait>   1–5; missing or empty = not rated
 *   notes.<questionId>            free text
 *   strength.<index>              checkbox, for the kit's strengths to probe
 *   redFlag.<index>               checkbox, for the kit's red flags to probe
 *   redFlagEvidence.<index>       a line of evidence, required for a ticked red flag on submit
 *   recommendation                strong_no | no | yes | strong_yes
 *   expectations.<position>       met | partly | not_met | not_asked, per skill expectation of the kit
 *                                 (its position, from 1); missing or not_asked = not asked
 * The browser and the server read it with this one function; errors are keyed
 * by field name.
 */

export const SCORECARD_INTENTS = ["save", "submit"] as const;
export type ScorecardIntent = (typeof SCORECARD_INTENTS)[number];
export const NOTES_MAX = 5000;
export const EVIDENCE_MAX = 1000;

export type ScorecardInput = {
  intent: ScorecardIntent;
  ratings: { questionId: number; trait: TraitKey; rating: Rating }[];
  notes: { questionId: number; text: string }[];
  strengths: number[];
  redFlags: { index: number; evidence: string }[];
  recommendation: Recommendation | null;
  /** The kit's skill expectations marked, by position; absent or empty: none asked about. */
  expectationMarks?: { position: number; mark: ExpectationMark }[];
};

export type ScorecardParse = { ok: true; data: ScorecardInput } | { ok: false; errors: Record<string, string> };

const intentSchema = z.enum(SCORECARD_INTENTS);
// Digits only, no sign, space or leading zero: "rating.03.openness" and "rating.3.openness" must not both
// name question 3, or one form would save the same rating twice (a UNIQUE violation, a 500).
const idSchema = z.pipe(z.string().check(z.regex(/^[1-9]\d{0,15}$/)), z.pipe(z.transform(Number), z.int().check(z.positive())));
const indexSchema = z.pipe(z.string().check(z.regex(/^(0|[1-9]\d{0,2})$/)), z.transform(Number));
const ratingSchema = z.pipe(z.coerce.number(), z.int().check(z.minimum(RATING_MIN), z.maximum(RATING_MAX)));
const recommendationSchema = z.enum(RECOMMENDATIONS);
const checkedSchema = z.enum(["on", "true", "1"]);
const expectationValueSchema = z.enum([...EXPECTATION_MARKS, NOT_ASKED]);

/** Reads the posted fields; a field seen twice keeps its first value. */
export function parseScorecardForm(entries: Iterable<[string, FormDataEntryValue]>): ScorecardParse {
  const fields = new Map<string, string>();
  for (const [name, value] of entries) {
    if (typeof value === "string" && !fields.has(name)) fields.set(name, value);
  }
  const errors: Record<string, string> = {};
  const intent = intentSchema.safeParse(fields.get("intent") ?? "save");
  if (!intent.success) errors.intent = "scorecard.errors.intent";

  const ratings: ScorecardInput["ratings"] = [];
  const notes: ScorecardInput["notes"] = [];
  const strengths: number[] = [];
  const redFlagIndexes: number[] = [];
  const evidence = new Map<number, string>();
  let recommendation: Recommendation | null = null;
  const expectationMarks: { position: number; mark: ExpectationMark }[] = [];

  for (const [name, posted] of fields) {
    // A browser posts a textarea's line breaks as CRLF but counts them as one
    // character: read them as one, or a note its counter passed would be refused.
    const raw = posted.replace(/\r\n?/g, "\n");
    const value = raw.trim();
    const parts = name.split(".");
    const [kind, first, second] = parts;
    if (kind === "rating" && parts.length === 3 && first !== undefined && second !== undefined) {
      if (value === "") continue;
      const questionId = idSchema.safeParse(first);
      const rating = ratingSchema.safeParse(value);
      if (!questionId.success || !isTraitKey(second)) errors[name] = "scorecard.errors.unknownQuestion";
      else if (!rating.success || !isRating(rating.data)) errors[name] = "scorecard.errors.rating";
      else ratings.push({ questionId: questionId.data, trait: second, rating: rating.data });
    } else if (kind === "notes" && parts.length === 2 && first !== undefined) {
      const questionId = idSchema.safeParse(first);
      if (!questionId.success) errors[name] = "scorecard.errors.unknownQuestion";
      else if (raw.length > NOTES_MAX) errors[name] = "scorecard.errors.notesTooLong";
      else if (value !== "") notes.push({ questionId: questionId.data, text: raw.trim() });
    } else if ((kind === "strength" || kind === "redFlag") && parts.length === 2 && first !== undefined) {
      const index = indexSchema.safeParse(first);
      if (!index.success) errors[name] = "scorecard.errors.unknownItem";
      else if (checkedSchema.safeParse(value).success) (kind === "strength" ? strengths : redFlagIndexes).push(index.data);
    } else if (kind === "redFlagEvidence" && parts.length === 2 && first !== undefined) {
      const index = indexSchema.safeParse(first);
      if (!index.success) errors[name] = "scorecard.errors.unknownItem";
      else if (raw.length > EVIDENCE_MAX) errors[name] = "scorecard.errors.evidenceTooLong";
      else evidence.set(index.data, value);
    } else if (name === "recommendation") {
      if (value === "") continue;
      const parsed = recommendationSchema.safeParse(value);
      if (parsed.success) recommendation = parsed.data;
      else errors.recommendation = "scorecard.errors.recommendationUnknown";
    } else if (kind === "expectations" && parts.length === 2 && first !== undefined) {
      const position = idSchema.safeParse(first);
      const mark = expectationValueSchema.safeParse(value);
      if (!position.success) errors[name] = "scorecard.errors.unknownItem";
      else if (!mark.success) errors[name] = "scorecard.errors.expectationMarkUnknown";
      else if (mark.data !== NOT_ASKED) expectationMarks.push({ position: position.data, mark: mark.data });
    }
  }

  const redFlags = redFlagIndexes.map((index) => ({ index, evidence: evidence.get(index) ?? "" }));
  if (intent.success && intent.data === "submit") {
    if (recommendation === null && errors.recommendation === undefined) errors.recommendation = "scorecard.errors.recommendationRequired";
    for (const flag of redFlags) {
      if (flag.evidence === "") errors[`redFlagEvidence.${flag.index}`] = "scorecard.errors.evidenceRequired";
    }
  }
  if (Object.keys(errors).length > 0 || !intent.success) return { ok: false, errors };
  return { ok: true, data: { intent: intent.data, ratings, notes, strengths, redFlags, recommendation, expectationMarks } };
}

/** What the scorecard form shows: raw values by field name, as saved or as just posted. */
export type ScorecardFormState = {
  /** "questionId.trait" → "1".."5". */
  ratings: Record<string, string>;
  notes: Record<string, string>;
  strengths: number[];
  redFlags: number[];
  evidence: Record<string, string>;
  recommendation: string;
  /** Expectation position → "met" | "partly" | "not_met"; absent: not asked. */
  expectations: Record<string, string>;
};

/** The posted fields read back as typed, to show the form again with its errors. */
export function readScorecardFields(entries: Iterable<[string, FormDataEntryValue]>): ScorecardFormState {
  const state: ScorecardFormState = {
    ratings: {},
    notes: {},
    strengths: [],
    redFlags: [],
    evidence: {},
    recommendation: "",
    expectations: {},
  };
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    const [kind, first, second] = name.split(".");
    if (kind === "rating" && first && second) state.ratings[`${first}.${second}`] ??= value;
    else if (kind === "notes" && first) state.notes[first] ??= value;
    else if (kind === "strength" && first && value !== "") state.strengths.push(Number(first));
    else if (kind === "redFlag" && first && value !== "") state.redFlags.push(Number(first));
    else if (kind === "redFlagEvidence" && first) state.evidence[first] ??= value;
    else if (name === "recommendation" && state.recommendation === "") state.recommendation = value;
    else if (kind === "expectations" && first) state.expectations[first] ??= value;
  }
  return state;
}

/** A saved scorecard as form state. */
export function scorecardToFormState(card: {
  ratings: readonly { questionId: number; trait: string; rating: number }[];
  notes: readonly { questionId: number; text: string }[];
  strengths: readonly number[];
  redFlags: readonly { index: number; evidence: string }[];
  recommendation: string | null;
  expectationMarks: readonly { position: number; mark: string }[];
}): ScorecardFormState {
  return {
    ratings: Object.fromEntries(card.ratings.map((r) => [`${r.questionId}.${r.trait}`, String(r.rating)])),
    notes: Object.fromEntries(card.notes.map((n) => [String(n.questionId), n.text])),
    strengths: [...card.strengths],
    redFlags: card.redFlags.map((f) => f.index),
    evidence: Object.fromEntries(card.redFlags.map((f) => [String(f.index), f.evidence])),
    recommendation: card.recommendation ?? "",
    expectations: Object.fromEntries(card.expectationMarks.map((m) => [String(m.position), m.mark])),
  };
}
