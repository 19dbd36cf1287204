/**
 * What the role format says of a value that is wrong. A role file's import
 * report quotes them as they are, after the field's path; the role form shows
 * each in the reader's language (roleForm.errors.<key>).
 */
export const ROLE_MESSAGES = {
  required: "required",
  notEmpty: "must not be empty",
  oneLanguage: "at least one language",
  slugShort: "at least 2 characters",
  slugLong: "at most 80 characters",
  slugChars: "lowercase letters, digits and single hyphens only",
  slugReserved: "a word the app's addresses use (like new or import): choose another",
  nameLong: "at most 200 characters",
  textLong: "at most 2000 characters",
  questionLong: "at most 1000 characters",
  anchorLong: "at most 600 characters",
  noteLong: "at most 5000 characters",
  itemLong: "at most 200 characters each",
  codeLong: "at most 8 characters",
  codeSpaces: "no spaces",
  scoreWhole: "must be a whole number between 0 and 100",
  scoreRange: "must be between 0 and 100",
  weight: "must be 1, 2 or 3",
  highBelowLow: "must be at least low",
  traitsFew: "at least 1",
  traitsMany: "at most 3",
  traitsTwice: "each trait at most once",
  anchorsMissing: "anchors 1, 3 and 5 are required for every trait of the question",
  anchorsExtra: "not a trait of this question",
  deltaWhole: "must be a whole number between -100 and 100",
  deltaRange: "must be between -100 and 100",
  expectationTwice: "one expectation per role and level",
} as const;

/** What a role may list once each; a second one is `duplicate <subject> "<value>"`. */
export const ROLE_DUPLICATES = {
  duplicateTransitionTarget: "transition target",
  duplicateSimilarRole: "similar role",
  duplicateGroup: "group",
  duplicateSkill: "skill",
} as const;

function duplicatePrefix(subject: string): string {
  return `duplicate ${subject} "`;
}

/** The format's message for a value listed twice (the skills matrix's groups and skills too). */
export function duplicateMessage(subject: string, value: string): string {
  return `${duplicatePrefix(subject)}${value}"`;
}

export type RoleMessageKey = keyof typeof ROLE_MESSAGES | keyof typeof ROLE_DUPLICATES;

const KEYS = new Map<string, RoleMessageKey>(Object.entries(ROLE_MESSAGES).map(([key, message]) => [message, key as RoleMessageKey]));
const DUPLICATE_PREFIXES = Object.entries(ROLE_DUPLICATES).map(
  ([key, subject]) => [duplicatePrefix(subject), key as RoleMessageKey] as const,
);

/** The key of one of the format's messages; undefined for any other text. */
export function roleMessageKey(message: string): RoleMessageKey | undefined {
  const key = KEYS.get(message);
  if (key !== undefined) return key;
  // A duplicate's message ends with the value: the prefix names it.
  return DUPLICATE_PREFIXES.find(([prefix]) => message.startsWith(prefix))?.[1];
}
