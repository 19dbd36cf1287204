import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { migrateToLatest } from "~db/migrator";
import type { AnchorRating } from "../../app/domain/anchors";
import type { TraitKey } from "../../app/domain/traits";
import { loadKitVersionQuestions, loadRoleQuestions } from "../../app/models/questions.server";

/*
 * The one loader of a role's questions and the one of kit versions'
 * questions, each with its traits and behaviour anchors. Rows are written
 * out of order on purpose: the order a reader gets is the loaders' doing.
 */

const NOW = "2026-12-01T12:00:00.000Z";

let database: TestDatabase | undefined;
let db: TraitkitDb;
let queries: string[];

beforeEach(async () => {
  queries = [];
  database = await createTestDatabase({ log: (event) => queries.push(event.query.sql) });
  ({ db } = database);
  await migrateToLatest(db);
  queries.length = 0;
});

afterEach(async () => {
  await database?.drop();
});

const text = (en: string) => JSON.stringify({ en });

type Written = { position: number; text: string; traits: TraitKey[]; anchors: [TraitKey, AnchorRating][] };

async function insertRole(slug: string): Promise<number> {
  const row = await db
    .insertInto("roles")
    .values({
      slug,
      name: slug,
      family: "Engineering",
      summary: null,
      content_language: "en",
      source_note: null,
      success_case_title: null,
      success_case_story: null,
      created_at: NOW,
      updated_at: NOW,
      saved_by: null,
      archived_at: null,
      archived_by: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertRoleQuestions(roleId: number, questions: readonly (Written & { evaluatesNote: string | null })[]): Promise<number[]> {
  const ids: number[] = [];
  for (const q of questions) {
    const { id } = await db
      .insertInto("questions")
      .values({ role_id: roleId, position: q.position, text: q.text, evaluates_note: q.evaluatesNote })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(id);
    for (const trait of q.traits) await db.insertInto("question_traits").values({ question_id: id, trait }).execute();
    for (const [trait, rating] of q.anchors) {
      await db
        .insertInto("question_anchors")
        .values({ question_id: id, trait, rating, text: text(`${q.text} ${trait} ${rating}`) })
        .execute();
    }
  }
  return ids;
}

async function insertKitVersion(kitId: number, version: number): Promise<number> {
  const row = await db
    .insertInto("kit_versions")
    .values({
      kit_id: kitId,
      version,
      name: `Kit v${version}`,
      level: "senior",
      role_slug: "r",
      role_name: "R",
      content_language: "en",
      created_by: null,
      created_at: NOW,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertKitQuestions(versionId: number, questions: readonly (Written & { sourceQuestionId: number | null })[]): Promise<void> {
  for (const q of questions) {
    const { id } = await db
      .insertInto("kit_questions")
      .values({ kit_version_id: versionId, position: q.position, text: q.text, source_question_id: q.sourceQuestionId })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const trait of q.traits) await db.insertInto("kit_question_traits").values({ kit_question_id: id, trait }).execute();
    for (const [trait, rating] of q.anchors) {
      await db
        .insertInto("kit_question_anchors")
        .values({ kit_question_id: id, trait, rating, text: text(`${q.text} ${trait} ${rating}`) })
        .execute();
    }
  }
}

const shuffledAnchors: [TraitKey, AnchorRating][] = [
  ["openness", 5],
  ["conscientiousness", 3],
  ["openness", 1],
  ["conscientiousness", 5],
  ["openness", 3],
  ["conscientiousness", 1],
];

/** The anchors StoredQuestion promises for a question on openness and conscientiousness. */
const orderedAnchors = (questionText: string) =>
  (
    [
      ["openness", 1],
      ["openness", 3],
      ["openness", 5],
      ["conscientiousness", 1],
      ["conscientiousness", 3],
      ["conscientiousness", 5],
    ] as const
  ).map(([trait, rating]) => ({ trait, rating, text: text(`${questionText} ${trait} ${rating}`) }));

describe("loadRoleQuestions", () => {
  it("gives a role's questions by position, each with its traits in trait order and its anchors by trait, then rating", async () => {
    const roleId = await insertRole("r");
    const other = await insertRole("other");
    const [second, first] = await insertRoleQuestions(roleId, [
      {
        position: 2,
        text: text("Second"),
        evaluatesNote: text("Why"),
        traits: ["conscientiousness", "openness"],
        anchors: shuffledAnchors,
      },
      { position: 1, text: text("First"), evaluatesNote: null, traits: ["emotional_stability"], anchors: [["emotional_stability", 3]] },
    ]);
    await insertRoleQuestions(other, [{ position: 1, text: text("Elsewhere"), evaluatesNote: null, traits: ["openness"], anchors: [] }]);
    queries.length = 0;

    expect(await loadRoleQuestions(db, roleId)).toEqual([
      {
        id: first,
        position: 1,
        text: text("First"),
        evaluatesNote: null,
        traits: ["emotional_stability"],
        anchors: [{ trait: "emotional_stability", rating: 3, text: text(`${text("First")} emotional_stability 3`) }],
      },
      {
        id: second,
        position: 2,
        text: text("Second"),
        evaluatesNote: text("Why"),
        traits: ["openness", "conscientiousness"],
        anchors: orderedAnchors(text("Second")),
      },
    ]);
    expect(queries).toHaveLength(3);
  });

  it("gives no questions for a role without any", async () => {
    const roleId = await insertRole("empty");
    expect(await loadRoleQuestions(db, roleId)).toEqual([]);
  });
});

describe("loadKitVersionQuestions", () => {
  it("gives the questions of several kit versions in one call of three queries, each version's by position", async () => {
    const roleId = await insertRole("r");
    const [roleQuestion] = await insertRoleQuestions(roleId, [
      { position: 1, text: text("From the role"), evaluatesNote: null, traits: ["openness"], anchors: [] },
    ]);
    const kit = await db
      .insertInto("kits")
      .values({ role_id: roleId, created_by: null, created_at: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    const v1 = await insertKitVersion(kit.id, 1);
    const v2 = await insertKitVersion(kit.id, 2);
    const empty = await insertKitVersion(kit.id, 3);
    await insertKitQuestions(v2, [
      { position: 2, text: text("Own"), sourceQuestionId: null, traits: ["conscientiousness", "openness"], anchors: shuffledAnchors },
      { position: 1, text: text("From the role"), sourceQuestionId: roleQuestion ?? null, traits: ["openness"], anchors: [] },
    ]);
    await insertKitQuestions(v1, [
      { position: 1, text: text("Only in v1"), sourceQuestionId: null, traits: ["extraversion"], anchors: [["extraversion", 5]] },
    ]);
    queries.length = 0;

    const byVersion = await loadKitVersionQuestions(db, [v1, v2, empty]);

    expect(queries).toHaveLength(3);
    expect([...byVersion.keys()]).toEqual([v1, v2, empty]);
    expect(byVersion.get(v1)).toEqual([
      {
        id: expect.any(Number),
        position: 1,
        text: text("Only in v1"),
        sourceQuestionId: null,
        traits: ["extraversion"],
        anchors: [{ trait: "extraversion", rating: 5, text: text(`${text("Only in v1")} extraversion 5`) }],
      },
    ]);
    expect(byVersion.get(v2)).toEqual([
      {
        id: expect.any(Number),
        position: 1,
        text: text("From the role"),
        sourceQuestionId: roleQuestion,
        traits: ["openness"],
        anchors: [],
      },
      {
        id: expect.any(Number),
        position: 2,
        text: text("Own"),
        sourceQuestionId: null,
        traits: ["openness", "conscientiousness"],
        anchors: orderedAnchors(text("Own")),
      },
    ]);
    expect(byVersion.get(empty)).toEqual([]);
  });

  it("asks nothing of the database for no kit versions", async () => {
    expect(await loadKitVersionQuestions(db, [])).toEqual(new Map());
    expect(queries).toEqual([]);
  });
});
