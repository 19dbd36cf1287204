import { z } from "./zod-mini";
import { MAX_RECORD_ID } from "./ids";
import { LEVELS, type Level } from "~/domain/levels";
import { isTraitKey, TRAIT_KEYS, type TraitKey } from "~/domain/traits";
import { ANCHOR_FIELD_KEYS, isAnchorFieldKey, type AnchorFieldKey } from "./anchor-fields";
import type { LocalizedText } from "./localized";

/*
 * The kit builder's one form, shared by the browser (react-hook-form through
 * zodResolver) and the server's actions. Field names are react-hook-form dot
 * paths, so the same names work when the browser posts the form without
 * JavaScript:
 *
 *   name, level
 *   questions.<i>.source            "role:<questionId>" or "custom"
 *   questions.<i>.include           checkbox of a role question
 *   questions.<i>.text.<en|es|zh>      a custom question, in the writer's language
 *   questions.<i>.traits            checkboxes of a custom question (1–3)
 *   questions.<i>.anchors.<trait>.<1|3|5>.<en|es|zh>
 *   strengths.<i>, redFlags.<i>     checkboxes, value = the item's position in the role
 *   intent                          save | add | refresh | move:<i>:up|down | remove:<i>
 *
 * Messages are i18n keys under `kits.validation` (app/locales/en-kits.ts).
 */

/** Languages a recruiter writes custom questions in: the content languages of the UI languages (contentLanguageOf). */
export const KIT_TEXT_LANGS = ["en", "es", "zh"] as const;
export type KitTextLang = (typeof KIT_TEXT_LANGS)[number];

/** A question evaluates 1 to 3 traits (docs/product.md, "Role profile"). */
export const MIN_QUESTION_TRAITS = 1;
export const MAX_QUESTION_TRAITS = 3;

/** Bounds that keep a posted form small; far above what an interview uses. */
export const MAX_KIT_QUESTIONS = 40;
export const MAX_LIST_CHECKBOXES = 60;
export const MAX_KIT_NAME_LENGTH = 200;
export const MAX_QUESTION_LENGTH = 1000;
export const MAX_ANCHOR_LENGTH = 600;

const ROLE_SOURCE = /^role:([1-9]\d{0,9})$/;
const POSITION = /^([1-9]\d{0,3})$/;

export type KitTextValues = Partial<Record<KitTextLang, string>>;
/**
 * Anchors of one trait by rating. react-hook-form reads the numeric name part
 * of `anchors.<trait>.1.en` as an array index, so in the browser this may be
 * an array (indexes 1, 3, 5); the server reads a record. Both mean the same.
 */
export type KitAnchorValues = Partial<Record<AnchorFieldKey, KitTextValues>> | (KitTextValues | null | undefined)[];

/** The array shape holds ratings at their own index: 0..5. */
const ANCHOR_ARRAY_LENGTH = 6;

/** The texts of one rating's anchor, whichever shape holds them. */
export function anchorValue(anchors: KitAnchorValues | undefined, rating: AnchorFieldKey): KitTextValues | undefined {
  if (anchors === undefined) return undefined;
  if (Array.isArray(anchors)) return anchors[Number(rating)] ?? undefined;
  return anchors[rating];
}

/** One question slot of the form, as react-hook-form holds it and as the server reads it back. */
export type KitQuestionValues = {
  source: string;
  include: boolean;
  text: KitTextValues;
  traits: string[];
  anchors: Partial<Record<TraitKey, KitAnchorValues>>;
};

/** A picked strength or red flag holds its position in the role (as text); an unticked box is false. */
export type KitListValue = string | false;

export type KitFormValues = {
  name: string;
  /** A level key; any text until validated, so that a bad one is reported rather than replaced. */
  level: string;
  questions: KitQuestionValues[];
  strengths: KitListValue[];
  redFlags: KitListValue[];
};

export type KitCustomQuestion = {
  kind: "custom";
  /** Index of the slot in the form, for errors found later (against the role). */
  formIndex: number;
  text: LocalizedText;
  traits: TraitKey[];
  anchors: Partial<Record<TraitKey, Record<AnchorFieldKey, LocalizedText>>>;
};

export type KitRoleQuestion = { kind: "role"; formIndex: number; questionId: number };

export type KitQuestionInput = KitRoleQuestion | KitCustomQuestion;

export type KitListPick = { formIndex: number; position: number };

/** A validated kit form: the questions in kit order, empty slots and unticked role questions left out. */
export type KitDraft = {
  name: string;
  level: Level;
  questions: KitQuestionInput[];
  strengths: KitListPick[];
  redFlags: KitListPick[];
};

const textValues = z.object({
  en: z.optional(z.string().check(z.maxLength(MAX_QUESTION_LENGTH, "kits.validation.tooLong"))),
  es: z.optional(z.string().check(z.maxLength(MAX_QUESTION_LENGTH, "kits.validation.tooLong"))),
});

const anchorTextValues = z.object({
  en: z.optional(z.string().check(z.maxLength(MAX_ANCHOR_LENGTH, "kits.validation.tooLong"))),
  es: z.optional(z.string().check(z.maxLength(MAX_ANCHOR_LENGTH, "kits.validation.tooLong"))),
});

const questionValues = z.object({
  source: z.string(),
  include: z.boolean(),
  text: textValues,
  traits: z.array(z.string()).check(z.maxLength(TRAIT_KEYS.length)),
  anchors: z.partialRecord(
    z.enum(TRAIT_KEYS),
    z.union([
      z.partialRecord(z.enum(ANCHOR_FIELD_KEYS), anchorTextValues),
      z.array(z.nullish(anchorTextValues)).check(z.maxLength(ANCHOR_ARRAY_LENGTH)),
    ]),
  ),
});

const listValues = z.array(z.union([z.string(), z.literal(false)])).check(z.maxLength(MAX_LIST_CHECKBOXES));

/** The language a custom question is written in: the one its text field names, else the reader's. */
export function questionLanguage(question: Pick<KitQuestionValues, "text">, fallback: KitTextLang): KitTextLang {
  return KIT_TEXT_LANGS.find((lang) => question.text[lang] !== undefined) ?? fallback;
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === "";
}

/** An untouched custom slot (the always-present empty one, or one added and left empty) is not an error. */
export function isEmptyCustomSlot(question: KitQuestionValues): boolean {
  if (question.traits.length > 0) return false;
  if (KIT_TEXT_LANGS.some((lang) => !isBlank(question.text[lang]))) return false;
  for (const trait of TRAIT_KEYS) {
    const anchors = question.anchors[trait];
    if (!anchors) continue;
    for (const rating of ANCHOR_FIELD_KEYS) {
      if (KIT_TEXT_LANGS.some((lang) => !isBlank(anchorValue(anchors, rating)?.[lang]))) return false;
    }
  }
  return true;
}

type Issue = { path: (string | number)[]; message: string };

function readCustomQuestion(question: KitQuestionValues, index: number, issues: Issue[]): KitCustomQuestion | undefined {
  const lang = questionLanguage(question, "en");
  const at = (...path: (string | number)[]) => ["questions", index, ...path];
  const before = issues.length;
  const text = question.text[lang]?.trim() ?? "";
  if (text === "") issues.push({ path: at("text", lang), message: "kits.validation.questionTextRequired" });

  const traits: TraitKey[] = [];
  for (const trait of question.traits) {
    if (!isTraitKey(trait)) {
      issues.push({ path: at("traits"), message: "kits.validation.unknownTrait" });
    } else if (!traits.includes(trait)) {
      traits.push(trait);
    }
  }
  if (traits.length < MIN_QUESTION_TRAITS) issues.push({ path: at("traits"), message: "kits.validation.traitsRequired" });
  if (traits.length > MAX_QUESTION_TRAITS) issues.push({ path: at("traits"), message: "kits.validation.tooManyTraits" });

  // Anchors of traits not ticked are ignored: the inputs stay in the page (hidden) so the form works without JavaScript.
  const anchors: KitCustomQuestion["anchors"] = {};
  for (const trait of traits.slice(0, MAX_QUESTION_TRAITS)) {
    const given = question.anchors[trait];
    const read = (rating: AnchorFieldKey): LocalizedText => {
      const value = anchorValue(given, rating)?.[lang]?.trim() ?? "";
      if (value === "") issues.push({ path: at("anchors", trait, rating, lang), message: "kits.validation.anchorRequired" });
      return { [lang]: value };
    };
    anchors[trait] = { "1": read("1"), "3": read("3"), "5": read("5") };
  }
  if (issues.length > before) return undefined;
  const sortedTraits = [...traits].sort((a, b) => TRAIT_KEYS.indexOf(a) - TRAIT_KEYS.indexOf(b));
  return { kind: "custom", formIndex: index, text: { [lang]: text }, traits: sortedTraits, anchors };
}

function readPicks(values: readonly KitListValue[], field: "strengths" | "redFlags", issues: Issue[]): KitListPick[] {
  const picks: KitListPick[] = [];
  values.forEach((value, formIndex) => {
    if (value === false || value === "") return;
    const match = POSITION.exec(value);
    if (!match?.[1]) {
      issues.push({ path: [field, formIndex], message: "kits.validation.notInRole" });
      return;
    }
    const position = Number(match[1]);
    if (!picks.some((p) => p.position === position)) picks.push({ formIndex, position });
  });
  return picks.sort((a, b) => a.position - b.position);
}

/*
 * The shape is checked first; every rule of content is checked in one pass
 * after it, so that a form with several mistakes gets every field's error at
 * once (zod skips later steps of an object that already has issues).
 */
export const kitFormSchema = z.pipe(
  z.object({
    name: z.string(),
    level: z.string(),
    questions: z.array(questionValues).check(z.maxLength(MAX_KIT_QUESTIONS, "kits.validation.tooManyQuestions")),
    strengths: listValues,
    redFlags: listValues,
  }),
  z.transform((values, payload): KitDraft => {
    const issues: Issue[] = [];
    const name = values.name.trim();
    if (name === "") issues.push({ path: ["name"], message: "kits.validation.nameRequired" });
    else if (name.length > MAX_KIT_NAME_LENGTH) issues.push({ path: ["name"], message: "kits.validation.nameTooLong" });
    const level = LEVELS.find((l) => l === values.level);
    if (level === undefined) issues.push({ path: ["level"], message: "kits.validation.levelRequired" });
    const questions: KitQuestionInput[] = [];
    const issuesBeforeQuestions = issues.length;
    const seenRoleQuestions = new Set<number>();
    values.questions.forEach((question, index) => {
      if (question.source === "custom") {
        if (isEmptyCustomSlot(question)) return;
        const custom = readCustomQuestion(question, index, issues);
        if (custom) questions.push(custom);
        return;
      }
      const match = ROLE_SOURCE.exec(question.source);
      if (!match?.[1]) {
        issues.push({ path: ["questions", index, "source"], message: "kits.validation.notInRole" });
        return;
      }
      if (!question.include) return;
      const questionId = Number(match[1]);
      if (questionId > MAX_RECORD_ID) {
        issues.push({ path: ["questions", index, "source"], message: "kits.validation.notInRole" });
        return;
      }
      if (seenRoleQuestions.has(questionId)) {
        issues.push({ path: ["questions", index, "include"], message: "kits.validation.duplicateQuestion" });
        return;
      }
      seenRoleQuestions.add(questionId);
      questions.push({ kind: "role", formIndex: index, questionId });
    });
    // "At least one question" only when no slot has its own error (a half-written question is not "none").
    if (questions.length === 0 && issues.length === issuesBeforeQuestions) {
      issues.push({ path: ["questions"], message: "kits.validation.questionsRequired" });
    }
    const strengths = readPicks(values.strengths, "strengths", issues);
    const redFlags = readPicks(values.redFlags, "redFlags", issues);
    // zod/mini's transform gets the parse payload itself (no addIssue helper): issues go straight into it.
    for (const issue of issues) payload.issues.push({ code: "custom", path: issue.path, message: issue.message, input: values });
    if (issues.length > 0 || level === undefined) return z.NEVER;
    return { name, level, questions, strengths, redFlags };
  }),
);

export type KitFieldErrors = Record<string, string>;

/** Errors by react-hook-form dot path ("questions.2.traits"), the names of the form's fields. */
export function kitFieldErrors(error: z.core.$ZodError): KitFieldErrors {
  const errors: KitFieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map((key) => String(key)).join(".") || "form";
    errors[path] ??= issue.message;
  }
  return errors;
}

// ---------- Reading a posted form ----------

export type KitIntent =
  | { kind: "save" }
  | { kind: "add" }
  | { kind: "refresh" }
  | { kind: "move"; index: number; direction: "up" | "down" }
  | { kind: "remove"; index: number };

export function parseKitIntent(value: FormDataEntryValue | null): KitIntent {
  if (typeof value !== "string" || value === "save") return { kind: "save" };
  if (value === "add") return { kind: "add" };
  if (value === "refresh") return { kind: "refresh" };
  const move = /^move:(\d{1,3}):(up|down)$/.exec(value);
  if (move?.[1] && (move[2] === "up" || move[2] === "down")) return { kind: "move", index: Number(move[1]), direction: move[2] };
  const remove = /^remove:(\d{1,3})$/.exec(value);
  if (remove?.[1]) return { kind: "remove", index: Number(remove[1]) };
  return { kind: "save" };
}

function emptyQuestion(source: string): KitQuestionValues {
  return { source, include: false, text: {}, traits: [], anchors: {} };
}

/** An empty custom slot written in `lang`. */
export function emptyCustomQuestion(lang: KitTextLang): KitQuestionValues {
  return { source: "custom", include: false, text: { [lang]: "" }, traits: [], anchors: {} };
}

function isTextLang(value: string): value is KitTextLang {
  return KIT_TEXT_LANGS.some((lang) => lang === value);
}

/**
 * The posted form as react-hook-form would hold it: a ticked box is true (or its
 * value), an unticked one false, repeated checkboxes a list. Unknown names are
 * ignored and indexes are bounded, so a forged post cannot build a huge array.
 * Texts stay as posted (an unknown level too): the schema reports them by the field.
 */
export function readKitForm(formData: FormData): { values: KitFormValues; intent: KitIntent } {
  const first = (key: string): string => {
    const value = formData.get(key);
    return typeof value === "string" ? value : "";
  };
  const questions: KitQuestionValues[] = [];
  const strengths: KitListValue[] = [];
  const redFlags: KitListValue[] = [];
  const slot = (index: number): KitQuestionValues => {
    while (questions.length <= index) questions.push(emptyQuestion("custom"));
    const question = questions[index];
    if (!question) throw new Error("unreachable: the slot was just filled");
    return question;
  };

  for (const key of new Set(formData.keys())) {
    const list = /^(strengths|redFlags)\.(\d{1,3})$/.exec(key);
    if (list?.[1] && list[2]) {
      const index = Number(list[2]);
      if (index >= MAX_LIST_CHECKBOXES) continue;
      const target = list[1] === "strengths" ? strengths : redFlags;
      while (target.length <= index) target.push(false);
      target[index] = first(key);
      continue;
    }
    const field = /^questions\.(\d{1,3})\.(.+)$/.exec(key);
    if (!field?.[1] || !field[2]) continue;
    const index = Number(field[1]);
    // One slot more than allowed, so that an over-long list is reported rather than cut.
    if (index > MAX_KIT_QUESTIONS) continue;
    const rest = field[2];
    const question = slot(index);
    if (rest === "source") question.source = first(key);
    else if (rest === "include") question.include = true;
    else if (rest === "traits")
      question.traits = formData
        .getAll(key)
        .filter((v): v is string => typeof v === "string")
        .slice(0, TRAIT_KEYS.length);
    else {
      const text = /^text\.(\w+)$/.exec(rest);
      if (text?.[1] && isTextLang(text[1])) {
        question.text[text[1]] = first(key);
        continue;
      }
      const anchor = /^anchors\.(\w+)\.(\d)\.(\w+)$/.exec(rest);
      const [, trait, rating, lang] = anchor ?? [];
      if (trait && rating && lang && isTraitKey(trait) && isAnchorFieldKey(rating) && isTextLang(lang)) {
        // Posted forms give records; only the browser's react-hook-form makes arrays.
        const existing = question.anchors[trait];
        const anchors: Partial<Record<AnchorFieldKey, KitTextValues>> = existing && !Array.isArray(existing) ? existing : {};
        question.anchors[trait] = anchors;
        anchors[rating] = { ...anchors[rating], [lang]: first(key) };
      }
    }
  }
  return {
    values: { name: first("name"), level: first("level"), questions, strengths, redFlags },
    intent: parseKitIntent(formData.get("intent")),
  };
}

// ---------- What the form's buttons do without JavaScript ----------

/** Moves question `index` one place up or down; out-of-range moves change nothing. */
export function moveQuestion(values: KitFormValues, index: number, direction: "up" | "down"): KitFormValues {
  const to = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || index >= values.questions.length || to < 0 || to >= values.questions.length) return values;
  const questions = [...values.questions];
  const [moved] = questions.splice(index, 1);
  if (!moved) return values;
  questions.splice(to, 0, moved);
  return { ...values, questions };
}

/** Removes a custom question; role questions are unticked instead, so they stay available. */
export function removeQuestion(values: KitFormValues, index: number): KitFormValues {
  if (values.questions[index]?.source !== "custom") return values;
  return { ...values, questions: values.questions.filter((_, i) => i !== index) };
}

/** Keeps one empty custom slot at the end, so a question can be added without JavaScript. */
export function withEmptySlot(values: KitFormValues, lang: KitTextLang): KitFormValues {
  const last = values.questions[values.questions.length - 1];
  if (last && last.source === "custom" && isEmptyCustomSlot(last)) return values;
  if (values.questions.length >= MAX_KIT_QUESTIONS) return values;
  return { ...values, questions: [...values.questions, emptyCustomQuestion(lang)] };
}

/** Applies a button other than Save; the form comes back with the change and nothing is stored. */
export function applyKitIntent(
  values: KitFormValues,
  intent: KitIntent,
  lang: KitTextLang,
): { values: KitFormValues; focus: string | null } {
  switch (intent.kind) {
    case "move": {
      const moved = moveQuestion(values, intent.index, intent.direction);
      const to = moved === values ? intent.index : intent.direction === "up" ? intent.index - 1 : intent.index + 1;
      return { values: withEmptySlot(moved, lang), focus: moveButtonId(to, intent.direction, moved.questions.length) };
    }
    case "remove":
      return { values: withEmptySlot(removeQuestion(values, intent.index), lang), focus: null };
    case "add": {
      const added =
        values.questions.length < MAX_KIT_QUESTIONS ? { ...values, questions: [...values.questions, emptyCustomQuestion(lang)] } : values;
      return { values: added, focus: `question-${added.questions.length - 1}-text` };
    }
    case "refresh":
    case "save":
      return { values: withEmptySlot(values, lang), focus: null };
  }
}

/**
 * The id of a question's move button. After a move, focus goes back to the
 * same button of the moved question; at the top or bottom that button is
 * disabled, so the other one takes it.
 */
export function moveButtonId(index: number, direction: "up" | "down", count: number): string {
  const atEdge = (direction === "up" && index === 0) || (direction === "down" && index === count - 1);
  const effective = atEdge ? (direction === "up" ? "down" : "up") : direction;
  return `question-${index}-move-${effective}`;
}

/** What a post of the builder form leads to: the form again (with a change or with errors), or a draft to save. */
export type KitFormStep =
  | { kind: "render"; values: KitFormValues; errors: KitFieldErrors; focus: string | null; status: 200 | 400 }
  | { kind: "save"; draft: KitDraft; values: KitFormValues };

/** Reads a posted builder form: applies a non-saving button, or validates for Save. Stores nothing. */
export function kitFormStep(formData: FormData, lang: KitTextLang): KitFormStep {
  const read = readKitForm(formData);
  if (read.intent.kind !== "save") {
    const { values, focus } = applyKitIntent(read.values, read.intent, lang);
    return { kind: "render", values, errors: {}, focus, status: 200 };
  }
  const parsed = kitFormSchema.safeParse(read.values);
  const values = withEmptySlot(read.values, lang);
  if (!parsed.success) return { kind: "render", values, errors: kitFieldErrors(parsed.error), focus: null, status: 400 };
  return { kind: "save", draft: parsed.data, values };
}

/** `?version=N` of the print view: a positive integer. */
export const kitVersionParam = z.pipe(z.string().check(z.regex(/^[1-9]\d{0,5}$/)), z.transform(Number));
