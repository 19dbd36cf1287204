import type { Kysely } from "kysely";
import type { AnchorRating } from "~/domain/anchors";
import { TRAIT_KEYS, type TraitKey } from "~/domain/traits";
import type { Database } from "~db/schema";

/*
 * Interview questions as stored, with the traits each evaluates and their
 * behaviour anchors: a role's (what the role page, its file and the kit
 * builder read) and a kit version's (what the kit pages, the scorecard, the
 * panel and the exports read). Three queries per call, whatever the number
 * of questions or kit versions.
 */

export const byTraitOrder = (a: TraitKey, b: TraitKey): number => TRAIT_KEYS.indexOf(a) - TRAIT_KEYS.indexOf(b);

/** A question, texts as stored JSON; traits in the traits' order, anchors by trait in that order, then by rating. */
export type StoredQuestion = {
  id: number;
  position: number;
  text: string;
  traits: TraitKey[];
  anchors: { trait: TraitKey; rating: AnchorRating; text: string }[];
};

/** A kit's question; `sourceQuestionId` is the role question it was copied from (null for the recruiter's own). */
export type StoredKitQuestion = StoredQuestion & { sourceQuestionId: number | null };

/** A role's question with the note on what it evaluates. */
export type StoredRoleQuestion = StoredQuestion & { evaluatesNote: string | null };

type TraitRow = { questionId: number; trait: TraitKey };
type AnchorRow = { questionId: number; trait: TraitKey; rating: AnchorRating; text: string };

/** Each question's traits and anchors in the order StoredQuestion promises. */
function contentByQuestion(traitRows: readonly TraitRow[], anchorRows: readonly AnchorRow[]) {
  const traits = new Map<number, TraitKey[]>();
  for (const row of traitRows) {
    const list = traits.get(row.questionId);
    if (list) list.push(row.trait);
    else traits.set(row.questionId, [row.trait]);
  }
  const anchors = new Map<number, StoredQuestion["anchors"]>();
  for (const row of anchorRows) {
    const anchor = { trait: row.trait, rating: row.rating, text: row.text };
    const list = anchors.get(row.questionId);
    if (list) list.push(anchor);
    else anchors.set(row.questionId, [anchor]);
  }
  return (questionId: number): Pick<StoredQuestion, "traits" | "anchors"> => ({
    traits: (traits.get(questionId) ?? []).sort(byTraitOrder),
    anchors: (anchors.get(questionId) ?? []).sort((a, b) => byTraitOrder(a.trait, b.trait) || a.rating - b.rating),
  });
}

/** A role's questions by position ([] for a role without questions or no such role). */
export async function loadRoleQuestions(db: Kysely<Database>, roleId: number): Promise<StoredRoleQuestion[]> {
  const [questions, traits, anchors] = await Promise.all([
    db
      .selectFrom("questions")
      .select(["id", "position", "text", "evaluates_note"])
      .where("role_id", "=", roleId)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("question_traits")
      .innerJoin("questions", "questions.id", "question_traits.question_id")
      .select(["question_traits.question_id as questionId", "question_traits.trait"])
      .where("questions.role_id", "=", roleId)
      .execute(),
    db
      .selectFrom("question_anchors")
      .innerJoin("questions", "questions.id", "question_anchors.question_id")
      .select(["question_anchors.question_id as questionId", "question_anchors.trait", "question_anchors.rating", "question_anchors.text"])
      .where("questions.role_id", "=", roleId)
      .execute(),
  ]);
  const content = contentByQuestion(traits, anchors);
  return questions.map((q) => ({ id: q.id, position: q.position, text: q.text, evaluatesNote: q.evaluates_note, ...content(q.id) }));
}

/** The questions of each kit version asked for, by position, keyed by version id; a version without questions has []. */
export async function loadKitVersionQuestions(
  db: Kysely<Database>,
  kitVersionIds: readonly number[],
): Promise<Map<number, StoredKitQuestion[]>> {
  const byVersion = new Map<number, StoredKitQuestion[]>(kitVersionIds.map((id) => [id, []]));
  if (kitVersionIds.length === 0) return byVersion;
  const [questions, traits, anchors] = await Promise.all([
    db
      .selectFrom("kit_questions")
      .select(["id", "kit_version_id", "position", "text", "source_question_id"])
      .where("kit_version_id", "in", kitVersionIds)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("kit_question_traits")
      .innerJoin("kit_questions", "kit_questions.id", "kit_question_traits.kit_question_id")
      .select(["kit_question_traits.kit_question_id as questionId", "kit_question_traits.trait"])
      .where("kit_questions.kit_version_id", "in", kitVersionIds)
      .execute(),
    db
      .selectFrom("kit_question_anchors")
      .innerJoin("kit_questions", "kit_questions.id", "kit_question_anchors.kit_question_id")
      .select([
        "kit_question_anchors.kit_question_id as questionId",
        "kit_question_anchors.trait",
        "kit_question_anchors.rating",
        "kit_question_anchors.text",
      ])
      .where("kit_questions.kit_version_id", "in", kitVersionIds)
      .execute(),
  ]);
  const content = contentByQuestion(traits, anchors);
  for (const q of questions) {
    byVersion
      .get(q.kit_version_id)
      ?.push({ id: q.id, position: q.position, text: q.text, sourceQuestionId: q.source_question_id, ...content(q.id) });
  }
  return byVersion;
}
