import type { AnchorRating } from "./anchors";
import type { Level } from "./levels";
import type { TraitKey } from "./traits";

/*
 * What changed between two versions of an interview kit, as the kit's history
 * tells it. Texts are compared as stored (every language of a localized text),
 * so a translation added to a question is a change; the caller decides how a
 * text is shown.
 */

/** What the comparison reads of a stored version; texts as stored. */
export type ComparedKitVersion = {
  name: string;
  level: Level;
  traits: readonly { trait: TraitKey; low: number; high: number; weight: number; statement: string | null }[];
  questions: readonly {
    text: string;
    /** The role question it was copied from; null for a question the recruiter wrote. */
    sourceQuestionId: number | null;
    traits: readonly TraitKey[];
    anchors: readonly { trait: TraitKey; rating: AnchorRating; text: string }[];
  }[];
  strengths: readonly string[];
  redFlags: readonly string[];
  expectations: readonly { skillName: string; mandatory: boolean; description: string }[];
};

/** One change, its texts as `show` made them. */
export type KitVersionChange<Text> =
  | { kind: "name"; from: string; to: string }
  | { kind: "level"; from: Level; to: Level }
  | { kind: "questionAdded" | "questionRemoved" | "questionChanged"; text: Text }
  | { kind: "questionsReordered" }
  | { kind: "strengthAdded" | "strengthRemoved" | "redFlagAdded" | "redFlagRemoved"; text: Text }
  | { kind: "expectationsChanged"; from: number; to: number }
  | { kind: "idealProfileAdded" | "idealProfileRemoved" | "idealProfileChanged" };

type ComparedQuestion = ComparedKitVersion["questions"][number];

/** A question's identity across versions: its role question, or its own text. */
function questionKey(q: ComparedQuestion): string {
  return q.sourceQuestionId !== null ? `role:${q.sourceQuestionId}` : `text:${q.text}`;
}

function questionContent(q: ComparedQuestion): string {
  return JSON.stringify([q.text, q.traits, q.anchors]);
}

/**
 * The changes from `older` to `newer`, in reading order. `show` turns a stored
 * text into what the reader sees: a removed text comes from the older version,
 * every other text from the newer one.
 */
export function diffKitVersions<Text>(
  older: ComparedKitVersion,
  newer: ComparedKitVersion,
  show: (stored: string, from: "older" | "newer") => Text,
): KitVersionChange<Text>[] {
  const changes: KitVersionChange<Text>[] = [];
  if (older.name !== newer.name) changes.push({ kind: "name", from: older.name, to: newer.name });
  if (older.level !== newer.level) changes.push({ kind: "level", from: older.level, to: newer.level });

  const oldByKey = new Map(older.questions.map((q) => [questionKey(q), q]));
  const newByKey = new Map(newer.questions.map((q) => [questionKey(q), q]));
  for (const q of newer.questions) {
    const before = oldByKey.get(questionKey(q));
    if (!before) changes.push({ kind: "questionAdded", text: show(q.text, "newer") });
    else if (questionContent(before) !== questionContent(q)) changes.push({ kind: "questionChanged", text: show(q.text, "newer") });
  }
  for (const q of older.questions) {
    if (!newByKey.has(questionKey(q))) changes.push({ kind: "questionRemoved", text: show(q.text, "older") });
  }
  const keptOld = older.questions.map(questionKey).filter((key) => newByKey.has(key));
  const keptNew = newer.questions.map(questionKey).filter((key) => oldByKey.has(key));
  if (keptOld.join("\n") !== keptNew.join("\n")) changes.push({ kind: "questionsReordered" });

  for (const [added, removed, before, after] of [
    ["strengthAdded", "strengthRemoved", older.strengths, newer.strengths],
    ["redFlagAdded", "redFlagRemoved", older.redFlags, newer.redFlags],
  ] as const) {
    for (const text of after) if (!before.includes(text)) changes.push({ kind: added, text: show(text, "newer") });
    for (const text of before) if (!after.includes(text)) changes.push({ kind: removed, text: show(text, "older") });
  }

  if (JSON.stringify(older.expectations) !== JSON.stringify(newer.expectations)) {
    changes.push({ kind: "expectationsChanged", from: older.expectations.length, to: newer.expectations.length });
  }
  if (older.traits.length === 0 && newer.traits.length > 0) changes.push({ kind: "idealProfileAdded" });
  else if (older.traits.length > 0 && newer.traits.length === 0) changes.push({ kind: "idealProfileRemoved" });
  else if (JSON.stringify(older.traits) !== JSON.stringify(newer.traits)) changes.push({ kind: "idealProfileChanged" });
  return changes;
}
