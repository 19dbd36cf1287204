import type { Kysely, Selectable } from "kysely";
import { LRUCache } from "lru-cache";
import { traitReliability, type TraitReliability } from "~/domain/agreement";
import { calibration, type Calibration, type ScorecardSummary } from "~/domain/calibration";
import { isRecommendation, RATINGS, type Rating } from "~/domain/scoring";
import { TRAIT_KEYS, traitRecord, type TraitKey } from "~/domain/traits";
import type { Database, ScorecardSummariesTable } from "~db/schema";
import type { ScoringKit } from "~/models/scorecards.server";

/*
 * Interviewer calibration's data: one summary row per submitted scorecard
 * (scorecard_summaries, migration 0017), rewritten with the assessment's
 * cached result in the transaction that changes a submission, and read a
 * period (and a role) at a time. docs/product.md, "Calibration", has the rules.
 */

/**
 * Rewrites the summaries of an assessment's submitted scorecards from their
 * ratings. Called by refreshAssessmentResult, inside the transaction that
 * changed a submission, so the page never reads a scorecard the panel does not count.
 */
export async function refreshScorecardSummaries(trx: Kysely<Database>, assessmentId: number, kit: ScoringKit): Promise<void> {
  await trx.deleteFrom("scorecard_summaries").where("assessment_id", "=", assessmentId).execute();
  const cards = await trx
    .selectFrom("scorecards as s")
    .leftJoin("assessment_interviewers as ai", (join) =>
      join.onRef("ai.assessment_id", "=", "s.assessment_id").onRef("ai.user_id", "=", "s.interviewer_id"),
    )
    .select(["s.id", "s.interviewer_id", "s.recommendation", "s.submitted_at", "ai.added_at"])
    .where("s.assessment_id", "=", assessmentId)
    .where("s.status", "=", "submitted")
    .execute();
  if (cards.length === 0) return;
  const ratings = await trx
    .selectFrom("ratings")
    .select(["scorecard_id", "trait", "rating"])
    .where(
      "scorecard_id",
      "in",
      cards.map((c) => c.id),
    )
    .execute();
  const kitCells = kit.questions.reduce((cells, q) => cells + q.traits.length, 0);
  const rows = cards.map((card) => {
    const own = ratings.filter((r) => r.scorecard_id === card.id);
    return {
      scorecard_id: card.id,
      assessment_id: assessmentId,
      interviewer_id: card.interviewer_id,
      role_slug: kit.roleSlug,
      // A submitted scorecard always has its time (scorecards.server sets both together).
      submitted_at: card.submitted_at ?? "",
      assigned_at: card.added_at,
      recommendation: card.recommendation,
      kit_cells: kitCells,
      rated_cells: own.length,
      ...Object.fromEntries(RATINGS.map((value) => [`ratings_${value}`, own.filter((r) => r.rating === value).length])),
      ...Object.fromEntries(
        TRAIT_KEYS.flatMap((trait) => {
          const ofTrait = own.filter((r) => r.trait === trait);
          return [
            [`${trait}_sum`, ofTrait.reduce((sum, r) => sum + r.rating, 0)],
            [`${trait}_count`, ofTrait.length],
          ];
        }),
      ),
    };
  });
  await trx.insertInto("scorecard_summaries").values(rows).execute();
}

/** Submitted scorecards from `from` (inclusive) to `to` (exclusive), UTC ISO instants; one role's, or every role's. */
export type CalibrationScope = { from: string; to: string; roleSlug: string | null };

/** One interviewer's row: who they are and their habits. */
export type CalibrationRow = Calibration["team"] & { interviewerId: number; name: string; email: string };

export type CalibrationPage = {
  /** Interviewers with a submitted scorecard in the scope, by name; only `onlyInterviewerId`'s row when given. */
  rows: CalibrationRow[];
  team: Calibration["team"];
  reliability: Calibration["reliability"];
  /** Assessments with a submitted scorecard in the scope. */
  assessments: number;
  /** Interviewers with a submitted scorecard in the scope, whoever's rows are returned. */
  interviewers: number;
};

/**
 * The calibration of a scope. Leniency, outliers and reliability compare the
 * interviewers of each assessment, so every scorecard of the scope is read
 * even when only one interviewer's row is shown.
 */
export async function calibrationPage(
  db: Kysely<Database>,
  scope: CalibrationScope,
  onlyInterviewerId: number | null,
): Promise<CalibrationPage> {
  const { result, assessments } = await whileUnchanged(db, ["page", scope.from, scope.to, scope.roleSlug ?? ""], async () => {
    const summaries = await summariesIn(db, scope);
    return { result: calibration(summaries), assessments: new Set(summaries.map((s) => s.assessmentId)).size };
  });
  const ids = [...result.interviewers.keys()].filter((id) => onlyInterviewerId === null || id === onlyInterviewerId);
  const people =
    ids.length === 0
      ? []
      : await db.selectFrom("users").select(["id", "name", "email"]).where("id", "in", ids).orderBy("name").orderBy("id").execute();
  return {
    rows: people.flatMap((person) => {
      const habits = result.interviewers.get(person.id);
      return habits ? [{ interviewerId: person.id, name: person.name, email: person.email, ...habits }] : [];
    }),
    team: result.team,
    reliability: result.reliability,
    assessments,
    interviewers: result.interviewers.size,
  };
}

/*
 * A scope's figures read a year of summaries (at 10,000 candidates about
 * 15,000 rows, a fifth of a second to read and compute), and they change only
 * when a summary does. So they are kept, by scope, while the generation
 * counter that migration 0017's triggers move on every change of
 * scorecard_summaries stays where it was: one read of one row tells whether
 * any app server sharing the database changed a summary since. The figures
 * hold ids and counts, no names (those are read on each request).
 */
const computed = new LRUCache<string, { generation: number; value: unknown }>({ max: 64 });

async function whileUnchanged<T>(db: Kysely<Database>, key: readonly string[], compute: () => Promise<T>): Promise<T> {
  const generationNow = async () =>
    (await db.selectFrom("scorecard_summaries_generation").select("generation").where("id", "=", 1).executeTakeFirstOrThrow()).generation;
  const cacheKey = key.join("\n");
  const generation = await generationNow();
  const kept = computed.get(cacheKey);
  if (kept !== undefined && kept.generation === generation) return kept.value as T;
  const value = await compute();
  computed.set(cacheKey, { generation, value });
  return value;
}

async function summariesIn(db: Kysely<Database>, scope: CalibrationScope): Promise<ScorecardSummary[]> {
  let query = db.selectFrom("scorecard_summaries").selectAll().where("submitted_at", ">=", scope.from).where("submitted_at", "<", scope.to);
  if (scope.roleSlug !== null) query = query.where("role_slug", "=", scope.roleSlug);
  const rows = await query.execute();
  return rows.map(toSummary);
}

function toSummary(row: Selectable<ScorecardSummariesTable>): ScorecardSummary {
  return {
    assessmentId: row.assessment_id,
    interviewerId: row.interviewer_id,
    recommendation: row.recommendation !== null && isRecommendation(row.recommendation) ? row.recommendation : null,
    submittedAt: row.submitted_at,
    assignedAt: row.assigned_at,
    kitCells: row.kit_cells,
    ratedCells: row.rated_cells,
    ratingCounts: Object.fromEntries(RATINGS.map((r) => [r, row[`ratings_${r}`]])) as Record<Rating, number>,
    traits: traitRecord((trait) => ({ ratingSum: row[`${trait}_sum`], count: row[`${trait}_count`] })),
  };
}

/**
 * Some traits' reliability over a scope, for the lines beside the traits
 * flagged on an assessment page: one read of only those traits' columns.
 */
export async function teamReliability(
  db: Kysely<Database>,
  traits: readonly TraitKey[],
  scope: CalibrationScope,
): Promise<Partial<Record<TraitKey, TraitReliability>>> {
  if (traits.length === 0) return {};
  return whileUnchanged(db, ["traits", scope.from, scope.to, scope.roleSlug ?? "", ...traits], () =>
    readTeamReliability(db, traits, scope),
  );
}

async function readTeamReliability(
  db: Kysely<Database>,
  traits: readonly TraitKey[],
  scope: CalibrationScope,
): Promise<Partial<Record<TraitKey, TraitReliability>>> {
  let query = db
    .selectFrom("scorecard_summaries")
    .select(["assessment_id", ...traits.flatMap((trait) => [`${trait}_sum` as const, `${trait}_count` as const])])
    .where("submitted_at", ">=", scope.from)
    .where("submitted_at", "<", scope.to);
  if (scope.roleSlug !== null) query = query.where("role_slug", "=", scope.roleSlug);
  const rows = await query.execute();
  const groups = new Map(traits.map((trait) => [trait, new Map<number, number[]>()]));
  for (const row of rows) {
    for (const trait of traits) {
      const count = row[`${trait}_count`];
      if (count === 0) continue;
      const byAssessment = groups.get(trait)!;
      const values = byAssessment.get(row.assessment_id) ?? [];
      values.push(row[`${trait}_sum`] / count);
      byAssessment.set(row.assessment_id, values);
    }
  }
  return Object.fromEntries(traits.map((trait) => [trait, traitReliability([...groups.get(trait)!.values()])]));
}

/** The columns of GET /calibration.csv, in order: a contract other tools read (issue 21). */
export const CALIBRATION_CSV_HEADER = [
  "interviewer_id",
  "name",
  "email",
  "scorecards",
  "adherence",
  "leniency",
  "leniency_n",
  "outlier_count",
  "median_days_to_submit",
] as const;

/** The CSV's records: full precision; an empty cell where there is no figure. */
export function calibrationCsvRecords(rows: readonly CalibrationRow[]): Record<(typeof CALIBRATION_CSV_HEADER)[number], string | number>[] {
  return rows.map((row) => ({
    interviewer_id: row.interviewerId,
    name: row.name,
    email: row.email,
    scorecards: row.scorecards,
    adherence: row.adherence ?? "",
    leniency: row.leniency?.mean ?? "",
    leniency_n: row.leniency?.n ?? 0,
    outlier_count: row.outlierCount,
    median_days_to_submit: row.medianDaysToSubmit ?? "",
  }));
}
