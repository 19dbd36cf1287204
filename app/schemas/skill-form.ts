import { LEVELS } from "~/domain/levels";
import type { LocalizedText } from "./localized";
import { ROLE_MESSAGES } from "./role-messages";
import { skillExpectationsSchema, type ProfileExpectation } from "./skill";

/*
 * The skill profile form: one row per expectation, posted as flat fields named
 * by dot paths ("expectations.2.description.en"; formDataToValues of the role
 * form reads them), validated by the one schema of a skill's expectations
 * (skillExpectationsSchema), errors keyed by the form's field names.
 *
 * A row whose fields are all blank is no row: a member adds an expectation by
 * filling the spare blank row and removes one by clearing it, without JavaScript.
 */

/** The languages whose description the form edits: every content language (schemas/localized.ts). */
export const SKILL_FORM_LANGS = ["es", "en", "zh"] as const;

/** The error of a row naming a role the library does not have (known on the server only). */
export const UNKNOWN_ROLE = "unknownRole";

export type SkillFormRow = {
  role: string;
  level: string;
  mandatory: boolean;
  description: Record<(typeof SKILL_FORM_LANGS)[number], string>;
};
export type SkillFormValues = { expectations: SkillFormRow[] };

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The rows as posted ({"0": …, "1": …}), in index order, each with its form index. */
function postedRows(values: unknown): { index: number; row: Loose }[] {
  const list = isRecord(values) ? values.expectations : undefined;
  if (!isRecord(list)) return [];
  return Object.keys(list)
    .filter((key) => /^\d+$/.test(key))
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => ({ index, row: isRecord(list[String(index)]) ? (list[String(index)] as Loose) : {} }));
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A checkbox posts "on" when ticked and nothing when not. */
function ticked(value: unknown): boolean {
  return value === "on" || value === "true" || value === true;
}

function rowOf(raw: Loose): SkillFormRow {
  const description = isRecord(raw.description) ? raw.description : {};
  return {
    role: str(raw.role),
    level: str(raw.level),
    mandatory: ticked(raw.mandatory),
    description: { es: str(description.es), en: str(description.en), zh: str(description.zh) },
  };
}

export function blankSkillRow(): SkillFormRow {
  return { role: "", level: "", mandatory: false, description: { es: "", en: "", zh: "" } };
}

function isBlankRow(row: SkillFormRow): boolean {
  return (
    row.role.trim() === "" &&
    row.level.trim() === "" &&
    !row.mandatory &&
    SKILL_FORM_LANGS.every((lang) => row.description[lang].trim() === "")
  );
}

/** The form's values for a skill's expectations, with one blank row at the end to add one. */
export function skillToFormValues(expectations: readonly ProfileExpectation[]): SkillFormValues {
  return {
    expectations: [
      ...expectations.map((expectation) => ({
        role: expectation.role,
        level: expectation.level,
        mandatory: expectation.mandatory,
        description: { es: expectation.description.es ?? "", en: expectation.description.en ?? "", zh: expectation.description.zh ?? "" },
      })),
      blankSkillRow(),
    ],
  };
}

/** What was posted, as typed (no row dropped, so error paths still name the same rows), ending with one blank row. */
export function postedToSkillFormValues(values: unknown): SkillFormValues {
  const rows = postedRows(values).map(({ row }) => rowOf(row));
  const last = rows.at(-1);
  return { expectations: last === undefined || !isBlankRow(last) ? [...rows, blankSkillRow()] : rows };
}

function localized(description: SkillFormRow["description"]): Partial<LocalizedText> {
  const out: Partial<LocalizedText> = {};
  for (const lang of SKILL_FORM_LANGS) {
    const text = description[lang].trim();
    if (text !== "") out[lang] = text;
  }
  return out;
}

/** The form's errors for rows naming a role in `unknown` (roles the library does not have), by their form index. */
export function unknownRoleErrors(values: unknown, unknown: ReadonlySet<string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { index, row } of postedRows(values)) {
    if (unknown.has(rowOf(row).role.trim())) errors[`expectations.${index}.role`] = UNKNOWN_ROLE;
  }
  return errors;
}

export type SkillFormResult = { ok: true; data: { expectations: ProfileExpectation[] } } | { ok: false; errors: Record<string, string> };

/** Validates the posted (or typed) form with skillExpectationsSchema. */
export function validateSkillForm(values: unknown): SkillFormResult {
  const errors: Record<string, string> = {};
  const formIndexes: number[] = [];
  const expectations: unknown[] = [];
  for (const { index, row: raw } of postedRows(values)) {
    const row = rowOf(raw);
    if (isBlankRow(row)) continue;
    const role = row.role.trim();
    const level = row.level.trim();
    // A missing choice says "required", not the schema's wording for a bad slug or level.
    if (role === "") errors[`expectations.${index}.role`] = ROLE_MESSAGES.required;
    if (level === "") errors[`expectations.${index}.level`] = ROLE_MESSAGES.required;
    else if (!LEVELS.some((known) => known === level)) errors[`expectations.${index}.level`] = ROLE_MESSAGES.required;
    formIndexes.push(index);
    expectations.push({ role, level, mandatory: row.mandatory, description: localized(row.description) });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = skillExpectationsSchema.safeParse({ expectations });
  if (parsed.success) return { ok: true, data: parsed.data };
  for (const issue of parsed.error.issues) {
    const [list, position, ...rest] = issue.path;
    const index = list === "expectations" && typeof position === "number" ? formIndexes[position] : undefined;
    const path = index === undefined ? "form" : [`expectations.${index}`, ...rest.map(String)].join(".");
    errors[path] ??= issue.message;
  }
  return { ok: false, errors };
}
