import { TRAIT_KEYS, traitRecord, type TraitKey } from "~/domain/traits";
import { ANCHOR_FIELD_KEYS, type AnchorFieldKey } from "./anchor-fields";
import { LANGS, type LocalizedText } from "./localized";
import { roleContentSchema, type RoleContent } from "./role";

/*
 * The role form: posted as flat fields named by dot paths ("questions.2.text.es",
 * the names react-hook-form uses), read into the same shape by the browser and
 * the server, then validated by one schema (roleContentSchema). Error paths are
 * therefore field names.
 *
 * An item whose fields are all blank is no item: that is how a recruiter adds
 * (fills the spare blank row) and removes (clears a row) without JavaScript.
 */

/** Band shown for a trait of a role that had no ideal profile yet. */
export const DEFAULT_BAND = { low: 40, high: 60, weight: 1 } as const;

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Arrays posted as objects with index keys ({"0": …}) or arrays with holes, in index order. */
function items(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined);
  if (isRecord(value)) {
    return Object.keys(value)
      .filter((key) => /^\d+$/.test(key))
      .sort((a, b) => Number(a) - Number(b))
      .map((key) => value[key]);
  }
  return [];
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

/** True when no field of the value holds anything but blanks or an unchecked box. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === "string") return value.trim() === "";
  if (typeof value === "number") return false;
  if (Array.isArray(value)) return value.every(isBlank);
  if (isRecord(value)) return Object.values(value).every(isBlank);
  return false;
}

function localized(value: unknown): LocalizedText | null {
  if (!isRecord(value)) return null;
  const out: LocalizedText = {};
  for (const lang of LANGS) {
    const t = text(value[lang]);
    if (t !== "") out[lang] = t;
  }
  return Object.keys(out).length === 0 ? null : out;
}

/** "" → undefined (required), "42" → 42, "4x" → "4x" (reported as not a number). */
function numberOrRaw(value: unknown): unknown {
  if (typeof value === "number") return value;
  const t = text(value);
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

function traitList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null || value === false ? [] : [value];
  return list.filter((v): v is string => typeof v === "string" && v !== "" && v !== "false");
}

/** Form index of each kept item, by list path ("questions", "transitions.0.strengths"). */
type IndexMaps = Map<string, number[]>;

function nonBlankItems(value: unknown, maps?: IndexMaps, listPath?: string): unknown[] {
  const kept: unknown[] = [];
  const formIndexes: number[] = [];
  items(value).forEach((item, index) => {
    if (!isBlank(item)) {
      kept.push(item);
      formIndexes.push(index);
    }
  });
  if (maps && listPath) maps.set(listPath, formIndexes);
  return kept;
}

/**
 * One rating's texts in a trait's anchor set. A posted form gives a record
 * ({"1": …, "3": …, "5": …}); react-hook-form reads the rating in
 * "questions.0.anchors.openness.3.en" as an array index, so a set it creates
 * in the browser (a new question, a newly ticked trait) is an array holding
 * the ratings at indexes 1, 3 and 5. Both mean the same.
 */
function anchorText(set: unknown, rating: AnchorFieldKey): unknown {
  if (Array.isArray(set)) return set[Number(rating)];
  return isRecord(set) ? set[rating] : undefined;
}

function normalizeQuestion(raw: unknown): unknown {
  const q = isRecord(raw) ? raw : {};
  const traits = traitList(q.traits);
  const rawAnchors = isRecord(q.anchors) ? q.anchors : {};
  const anchors: Record<string, Record<string, LocalizedText | null>> = {};
  for (const trait of traits) {
    const set = rawAnchors[trait];
    anchors[trait] = Object.fromEntries(ANCHOR_FIELD_KEYS.map((k) => [k, localized(anchorText(set, k))]));
  }
  return { text: localized(q.text), evaluatesNote: localized(q.evaluatesNote), traits, anchors };
}

/** `formIndex`: the transition's index in the form, which keys its strengths' index map. */
function normalizeTransition(raw: unknown, formIndex: number, maps: IndexMaps): unknown {
  const tr = isRecord(raw) ? raw : {};
  const rawDeltas = isRecord(tr.deltas) ? tr.deltas : {};
  const deltas: Record<string, unknown> = {};
  for (const trait of TRAIT_KEYS) {
    const value = numberOrRaw(rawDeltas[trait]);
    if (value !== undefined && value !== 0) deltas[trait] = value;
  }
  return {
    target: text(tr.target),
    targetName: text(tr.targetName),
    publishedFit: numberOrRaw(tr.publishedFit),
    strengths: nonBlankItems(tr.strengths, maps, `transitions.${formIndex}.strengths`).map(localized),
    deltas,
  };
}

function normalizeIdealProfile(values: Loose): unknown {
  const flag = values.hasIdealProfile;
  if (!(flag === true || flag === "on" || flag === "true")) return null;
  const raw = isRecord(values.idealProfile) ? values.idealProfile : {};
  const profile: Record<string, unknown> = {};
  for (const trait of TRAIT_KEYS) {
    const band = isRecord(raw[trait]) ? raw[trait] : {};
    profile[trait] = {
      low: numberOrRaw(band.low),
      high: numberOrRaw(band.high),
      weight: numberOrRaw(band.weight),
      statement: localized(band.statement),
      bandSource: band.bandSource === "published" ? "published" : "team",
    };
  }
  return profile;
}

/** The success case's scores: a blank trait is not given; no score at all is no profile (the key is left out, as in an older file). */
function normalizeSuccessProfile(raw: unknown): Record<string, unknown> | undefined {
  const scores = isRecord(raw) ? raw : {};
  const profile: Record<string, unknown> = {};
  for (const trait of TRAIT_KEYS) {
    const value = numberOrRaw(scores[trait]);
    if (value !== undefined) profile[trait] = value;
  }
  return Object.keys(profile).length === 0 ? undefined : profile;
}

/** Posted or typed form values → the shape of roleContentSchema (still unvalidated). */
export function normalizeRoleForm(input: unknown, maps: IndexMaps = new Map()): unknown {
  const values = isRecord(input) ? input : {};
  const successCase = isRecord(values.successCase) ? values.successCase : {};
  const successTitle = localized(successCase.title);
  const successStory = localized(successCase.story);
  const successProfile = normalizeSuccessProfile(successCase.profile);
  return {
    slug: text(values.slug).toLowerCase(),
    name: text(values.name),
    family: text(values.family),
    contentLanguage: text(values.contentLanguage),
    summary: localized(values.summary),
    idealProfile: normalizeIdealProfile(values),
    strengths: nonBlankItems(values.strengths, maps, "strengths").map(localized),
    redFlags: nonBlankItems(values.redFlags, maps, "redFlags").map(localized),
    questions: nonBlankItems(values.questions, maps, "questions").map(normalizeQuestion),
    transitions: nonBlankItems(values.transitions, maps, "transitions").map((tr, index) =>
      normalizeTransition(tr, maps.get("transitions")?.[index] ?? index, maps),
    ),
    similarRoles: nonBlankItems(values.similarRoles, maps, "similarRoles").map((raw) => {
      const s = isRecord(raw) ? raw : {};
      return { slug: text(s.slug).toLowerCase(), name: text(s.name) };
    }),
    successCase:
      successTitle === null && successStory === null && successProfile === undefined
        ? null
        : { title: successTitle, story: successStory, ...(successProfile === undefined ? {} : { profile: successProfile }) },
    archetypes: nonBlankItems(values.archetypes, maps, "archetypes").map((raw) => {
      const a = isRecord(raw) ? raw : {};
      return { name: localized(a.name), description: localized(a.description) };
    }),
  };
}

export type RoleFormResult = { ok: true; data: RoleContent } | { ok: false; errors: Record<string, string> };

/** A validated item's path back to the form field it came from (blank rows were skipped). */
function formPath(path: readonly PropertyKey[], maps: IndexMaps): string {
  const out: string[] = [];
  path.forEach((key, i) => {
    const previous = out.join(".");
    const formIndexes = typeof key === "number" && i > 0 ? maps.get(previous) : undefined;
    out.push(String(formIndexes?.[Number(key)] ?? String(key)));
  });
  return out.join(".");
}

/**
 * Validates the role form, in the browser and on the server alike, with
 * roleContentSchema; errors are keyed by the form's field names.
 */
export function validateRoleForm(values: unknown): RoleFormResult {
  const maps: IndexMaps = new Map();
  const parsed = roleContentSchema.safeParse(normalizeRoleForm(values, maps));
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = formPath(issue.path, maps) || "form";
    errors[path] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Builds nested form values from posted fields named by dot paths; numeric segments are list indexes. */
export function formDataToValues(formData: FormData): Loose {
  const root: Loose = {};
  for (const [name, value] of formData) {
    if (typeof value !== "string") continue;
    const keys = name.split(".");
    let node: Loose = root;
    keys.forEach((key, index) => {
      if (key === "__proto__" || key === "constructor" || key === "prototype") return;
      if (index === keys.length - 1) {
        const existing = node[key];
        // Checkbox groups post one field per ticked box.
        node[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
        return;
      }
      const next = node[key];
      if (isRecord(next)) node = next;
      else {
        const created: Loose = {};
        node[key] = created;
        node = created;
      }
    });
  }
  return root;
}

// ----- What the form shows -----

export type LocalizedField = { es: string; en: string; zh: string };
export type AnchorFields = Record<AnchorFieldKey, LocalizedField>;
/** A trait's anchor set as the form holds it: a record, or react-hook-form's array (ratings at indexes 1, 3, 5; see anchorText). */
export type AnchorFieldValues = AnchorFields | (LocalizedField | undefined)[];

export type RoleFormValues = {
  slug: string;
  name: string;
  family: string;
  contentLanguage: string;
  summary: LocalizedField;
  hasIdealProfile: boolean;
  idealProfile: Record<TraitKey, { low: string; high: string; weight: string; statement: LocalizedField; bandSource: string }>;
  strengths: LocalizedField[];
  redFlags: LocalizedField[];
  questions: {
    text: LocalizedField;
    evaluatesNote: LocalizedField;
    traits: string[];
    anchors: Partial<Record<TraitKey, AnchorFieldValues>>;
  }[];
  transitions: {
    target: string;
    targetName: string;
    publishedFit: string;
    strengths: LocalizedField[];
    deltas: Record<TraitKey, string>;
  }[];
  similarRoles: { slug: string; name: string }[];
  /** profile: the case's score per trait as typed, "" when not given. */
  successCase: { title: LocalizedField; story: LocalizedField; profile: Record<TraitKey, string> };
  archetypes: { name: LocalizedField; description: LocalizedField }[];
};

const field = (t: LocalizedText | null | undefined): LocalizedField => ({ es: t?.es ?? "", en: t?.en ?? "", zh: t?.zh ?? "" });
const blankField = (): LocalizedField => ({ es: "", en: "", zh: "" });
const blankAnchors = (): AnchorFields => ({ "1": blankField(), "3": blankField(), "5": blankField() });

export function blankQuestion(): RoleFormValues["questions"][number] {
  return { text: blankField(), evaluatesNote: blankField(), traits: [], anchors: {} };
}

export function blankTransition(): RoleFormValues["transitions"][number] {
  return {
    target: "",
    targetName: "",
    publishedFit: "",
    strengths: [blankField()],
    deltas: traitRecord(() => ""),
  };
}

export { blankAnchors, blankField };

/** The form's values for a role (or a new one), each list ending with one blank row to fill. */
export function roleToFormValues(role: RoleContent | null): RoleFormValues {
  const profile = role?.idealProfile ?? null;
  const band = (trait: TraitKey) => {
    const b = profile?.[trait];
    return {
      low: String(b?.low ?? DEFAULT_BAND.low),
      high: String(b?.high ?? DEFAULT_BAND.high),
      weight: String(b?.weight ?? DEFAULT_BAND.weight),
      statement: field(b?.statement),
      bandSource: b?.bandSource ?? "team",
    };
  };
  return {
    slug: role?.slug ?? "",
    name: role?.name ?? "",
    family: role?.family ?? "",
    contentLanguage: role?.contentLanguage ?? "en",
    summary: field(role?.summary),
    hasIdealProfile: profile !== null,
    idealProfile: traitRecord(band),
    strengths: [...(role?.strengths ?? []).map(field), blankField()],
    redFlags: [...(role?.redFlags ?? []).map(field), blankField()],
    questions: [
      ...(role?.questions ?? []).map((q) => {
        const anchors: Partial<Record<TraitKey, AnchorFields>> = {};
        for (const trait of q.traits) {
          const set = q.anchors[trait];
          anchors[trait] = { "1": field(set?.["1"]), "3": field(set?.["3"]), "5": field(set?.["5"]) };
        }
        return { text: field(q.text), evaluatesNote: field(q.evaluatesNote), traits: [...q.traits], anchors };
      }),
      blankQuestion(),
    ],
    transitions: [
      ...(role?.transitions ?? []).map((tr) => ({
        target: tr.target,
        targetName: tr.targetName,
        publishedFit: String(tr.publishedFit),
        strengths: [...tr.strengths.map(field), blankField()],
        deltas: traitRecord((trait) => {
          const delta = tr.deltas[trait];
          return delta === undefined ? "" : String(delta);
        }),
      })),
      blankTransition(),
    ],
    similarRoles: [...(role?.similarRoles ?? []).map((s) => ({ slug: s.slug, name: s.name })), { slug: "", name: "" }],
    successCase: {
      title: field(role?.successCase?.title),
      story: field(role?.successCase?.story),
      profile: traitRecord((trait) => {
        const score = role?.successCase?.profile?.[trait];
        return score === undefined ? "" : String(score);
      }),
    },
    archetypes: [
      ...(role?.archetypes ?? []).map((a) => ({ name: field(a.name), description: field(a.description) })),
      { name: blankField(), description: blankField() },
    ],
  };
}

function fieldOf(value: unknown): LocalizedField {
  const r = isRecord(value) ? value : {};
  return { es: typeof r.es === "string" ? r.es : "", en: typeof r.en === "string" ? r.en : "", zh: typeof r.zh === "string" ? r.zh : "" };
}

function str(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** Ensures a list ends with one blank row to fill. */
function withBlankRow<T>(list: T[], blank: () => T): T[] {
  const last = list.at(-1);
  return last === undefined || !isBlank(last) ? [...list, blank()] : list;
}

/**
 * What was posted, read back into form values as typed (nothing dropped, so
 * error paths still name the same rows), to show the form again with its errors.
 */
export function postedToFormValues(raw: unknown): RoleFormValues {
  const v = isRecord(raw) ? raw : {};
  const profile = isRecord(v.idealProfile) ? v.idealProfile : {};
  const band = (trait: TraitKey) => {
    const b = isRecord(profile[trait]) ? profile[trait] : {};
    return {
      low: str(b.low),
      high: str(b.high),
      weight: str(b.weight) || String(DEFAULT_BAND.weight),
      statement: fieldOf(b.statement),
      bandSource: b.bandSource === "published" ? "published" : "team",
    };
  };
  const flag = v.hasIdealProfile;
  const successCase = isRecord(v.successCase) ? v.successCase : {};
  const successProfile = isRecord(successCase.profile) ? successCase.profile : {};
  return {
    slug: str(v.slug),
    name: str(v.name),
    family: str(v.family),
    contentLanguage: str(v.contentLanguage) || "en",
    summary: fieldOf(v.summary),
    hasIdealProfile: flag === true || flag === "on" || flag === "true",
    idealProfile: traitRecord(band),
    strengths: withBlankRow(items(v.strengths).map(fieldOf), blankField),
    redFlags: withBlankRow(items(v.redFlags).map(fieldOf), blankField),
    questions: withBlankRow(
      items(v.questions).map((rawQuestion) => {
        const q = isRecord(rawQuestion) ? rawQuestion : {};
        const traits = traitList(q.traits);
        const rawAnchors = isRecord(q.anchors) ? q.anchors : {};
        const anchors: Partial<Record<TraitKey, AnchorFields>> = {};
        for (const trait of TRAIT_KEYS) {
          const set = rawAnchors[trait];
          if (isRecord(set)) anchors[trait] = { "1": fieldOf(set["1"]), "3": fieldOf(set["3"]), "5": fieldOf(set["5"]) };
        }
        return { text: fieldOf(q.text), evaluatesNote: fieldOf(q.evaluatesNote), traits, anchors };
      }),
      blankQuestion,
    ),
    transitions: withBlankRow(
      items(v.transitions).map((rawTransition) => {
        const tr = isRecord(rawTransition) ? rawTransition : {};
        const d = isRecord(tr.deltas) ? tr.deltas : {};
        return {
          target: str(tr.target),
          targetName: str(tr.targetName),
          publishedFit: str(tr.publishedFit),
          strengths: withBlankRow(items(tr.strengths).map(fieldOf), blankField),
          deltas: traitRecord((trait) => str(d[trait])),
        };
      }),
      blankTransition,
    ),
    similarRoles: withBlankRow(
      items(v.similarRoles).map((raw) => {
        const s = isRecord(raw) ? raw : {};
        return { slug: str(s.slug), name: str(s.name) };
      }),
      () => ({ slug: "", name: "" }),
    ),
    successCase: {
      title: fieldOf(successCase.title),
      story: fieldOf(successCase.story),
      profile: traitRecord((trait) => str(successProfile[trait])),
    },
    archetypes: withBlankRow(
      items(v.archetypes).map((raw) => {
        const a = isRecord(raw) ? raw : {};
        return { name: fieldOf(a.name), description: fieldOf(a.description) };
      }),
      () => ({ name: blankField(), description: blankField() }),
    ),
  };
}
