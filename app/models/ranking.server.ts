import { sql, type ExpressionBuilder, type Kysely, type Transaction } from "kysely";
import type { Database } from "~db/schema";
import { descendingNoneLast, holds, withoutIndex } from "~db/dialect";
import { isDecision, type Decision } from "~/domain/decisions";
import { TRAIT_KEYS, traitRecord, type TraitKey } from "~/domain/traits";
import { RECOMMENDATIONS, tallyRecommendations, type Recommendation } from "~/domain/scoring";
import { computeFit } from "~/domain/fit";
import { ANSWER_VALUES, scoreSelfReport, selfReportFitScores, type AnswerValue } from "~/domain/self-report";
import { selfReportItems } from "~/models/questionnaire-items.server";
import type { DecisionFilter } from "~/schemas/list-options";
import { shownPercent } from "~/utils/numbers";

export { RECOMMENDATIONS, type Recommendation };

type Executor = Kysely<Database> | Transaction<Database>;

export const RANKING_PAGE_SIZE = 50;

/** `complete`: only candidates whose every assigned interviewer has submitted. */
export type RankingFilters = { decision: DecisionFilter; minCoverage: number; complete: boolean };

export type RankedCandidate = {
  assessmentId: number;
  candidateId: number;
  name: string;
  fit: number | null;
  coverage: number;
  evidence: number;
  decision: Decision | null;
  scores: Partial<Record<TraitKey, number>>;
  /** Submitted scorecards behind the result, and interviewers on the panel. */
  submitted: number;
  assigned: number;
  /** The traits the panel's interviewers disagree on (in trait order). */
  calibrate: TraitKey[];
};

/**
 * How a query reads the filtered results. `count`: a range of
 * assessment_results_count_idx, which holds the filters' columns (the panel's
 * completeness as the expression it indexes: SQLite uses an index on an
 * expression only for a query that writes the same one). `rankOrder`: a walk
 * of assessment_results_ranking_idx in rank order, stopping after a page; the
 * filters' terms are written with a unary + so that the count's index is not
 * usable for them: SQLite, without statistics, would otherwise take that index
 * and sort every matching row (11–17 ms a page at 8,000 matching rows, against
 * 1–7 ms walking in order).
 */
type RankedRead = "count" | "rankOrder";

/**
 * Results of the role, one per candidate (their latest assessment of the role
 * with a result), filtered. Reads only the stored aggregate: nothing is
 * recomputed, no join, no subquery per row.
 */
function rankedBase(db: Executor, slug: string, filters: RankingFilters, read: RankedRead) {
  const term = (column: "r.decision" | "r.coverage") => (read === "count" ? sql.ref(column) : withoutIndex(db, sql.ref(column)));
  let query = db.selectFrom("assessment_results as r").where("r.role_slug", "=", slug).where("r.latest", "=", 1);
  if (filters.minCoverage > 0) query = query.where(term("r.coverage"), ">=", filters.minCoverage / 100);
  // A submitted scorecard's interviewer is always on the panel (scorecards_assignment_fk): equal counts are a complete panel.
  // The panel's size is kept beside the result by the database (migration 0010).
  if (filters.complete) {
    const complete = sql<number>`(${sql.ref("r.submitted_scorecards")} >= ${sql.ref("r.assigned_interviewers")})`;
    query = query.where(holds(db, read === "count" ? complete : withoutIndex(db, complete)));
  }
  // The latest decision is kept beside the result too (migration 0011).
  if (filters.decision === "none") query = query.where(term("r.decision"), "is", null);
  else if (filters.decision !== "any") query = query.where(term("r.decision"), "=", filters.decision);
  return query;
}

/** The columns of a ranked row, from the result (r), its assessment (a) and candidate (c). */
const RANKED_COLUMNS = [
  "r.assessment_id",
  "a.candidate_id",
  "c.name",
  "c.email",
  "r.fit",
  "r.coverage",
  "r.evidence",
  "r.openness_score",
  "r.conscientiousness_score",
  "r.extraversion_score",
  "r.agreeableness_score",
  "r.emotional_stability_score",
  "r.relational_engagement_score",
  "r.openness_calibrate",
  "r.conscientiousness_calibrate",
  "r.extraversion_calibrate",
  "r.agreeableness_calibrate",
  "r.emotional_stability_calibrate",
  "r.relational_engagement_calibrate",
  "r.decision",
  "r.submitted_scorecards",
  "r.assigned_interviewers",
] as const;

function rankedSelect(db: Executor, slug: string, filters: RankingFilters) {
  return (
    rankedBase(db, slug, filters, "rankOrder")
      .innerJoin("assessments as a", "a.id", "r.assessment_id")
      .innerJoin("candidates as c", "c.id", "a.candidate_id")
      .select(RANKED_COLUMNS)
      // The order of assessment_results_ranking_idx: no fit (no trait assessed) last.
      .orderBy(descendingNoneLast(db, sql.ref("r.fit")))
      .orderBy("r.coverage", "desc")
      .orderBy("r.assessment_id")
  );
}

/**
 * The ranked rows of a few candidates. CROSS JOIN keeps their assessments
 * (assessments_candidate_idx) as the outer loop: a few rows, not a walk of the
 * whole role's ranking.
 */
function rankedRowsOf(db: Executor, slug: string, candidateIds: number[]) {
  return db
    .selectFrom("assessments as a")
    .crossJoin("assessment_results as r")
    .innerJoin("candidates as c", "c.id", "a.candidate_id")
    .whereRef("r.assessment_id", "=", "a.id")
    .where("a.candidate_id", "in", candidateIds)
    .where("r.role_slug", "=", slug)
    .where("r.latest", "=", 1)
    .select(RANKED_COLUMNS);
}

type RankedRow = {
  assessment_id: number;
  candidate_id: number;
  name: string;
  email: string | null;
  fit: number | null;
  coverage: number;
  evidence: number;
  submitted_scorecards: number;
  assigned_interviewers: number;
  openness_score: number | null;
  conscientiousness_score: number | null;
  extraversion_score: number | null;
  agreeableness_score: number | null;
  emotional_stability_score: number | null;
  relational_engagement_score: number | null;
  openness_calibrate: number;
  conscientiousness_calibrate: number;
  extraversion_calibrate: number;
  agreeableness_calibrate: number;
  emotional_stability_calibrate: number;
  relational_engagement_calibrate: number;
  decision: string | null;
};

function scoresOf(row: RankedRow): Partial<Record<TraitKey, number>> {
  const all = traitRecord((trait): number | null => row[`${trait}_score`]);
  const scores: Partial<Record<TraitKey, number>> = {};
  for (const trait of TRAIT_KEYS) {
    const value = all[trait];
    if (value !== null) scores[trait] = value;
  }
  return scores;
}

function toRanked(row: RankedRow): RankedCandidate {
  return {
    assessmentId: row.assessment_id,
    candidateId: row.candidate_id,
    name: row.name,
    fit: row.fit,
    coverage: row.coverage,
    evidence: row.evidence,
    decision: isDecision(row.decision) ? row.decision : null,
    scores: scoresOf(row),
    submitted: row.submitted_scorecards,
    assigned: row.assigned_interviewers,
    calibrate: TRAIT_KEYS.filter((trait) => row[`${trait}_calibrate`] === 1),
  };
}

/** The submitted scorecards of these assessments (a page's, or a batch of the CSV's). */
function scorecardsIn(db: Executor, assessmentIds: number[]) {
  return db.selectFrom("scorecards as s").where("s.status", "=", "submitted").where("s.assessment_id", "in", assessmentIds);
}

/** The submitted scorecards' recommendations, counted per assessment. */
async function recommendationsByAssessment(db: Executor, assessmentIds: number[]): Promise<Map<number, Record<Recommendation, number>>> {
  if (assessmentIds.length === 0) return new Map();
  const rows = await scorecardsIn(db, assessmentIds).select(["s.assessment_id", "s.recommendation"]).execute();
  const byAssessment = new Map<number, Recommendation[]>();
  for (const row of rows) {
    if (row.recommendation === null) continue;
    byAssessment.set(row.assessment_id, [...(byAssessment.get(row.assessment_id) ?? []), row.recommendation]);
  }
  return new Map([...byAssessment].map(([id, recs]) => [id, tallyRecommendations(recs)]));
}

/** The ranking query of one page (exported for the query-plan test). */
export function rankingPageQuery(db: Executor, slug: string, filters: RankingFilters, page: number) {
  return rankedSelect(db, slug, filters)
    .limit(RANKING_PAGE_SIZE)
    .offset((page - 1) * RANKING_PAGE_SIZE);
}

/** One page of the role's ranking and the number of ranked candidates. */
export async function rankCandidates(
  db: Executor,
  slug: string,
  filters: RankingFilters,
  page: number,
): Promise<{ rows: RankedCandidate[]; total: number; pageCount: number }> {
  const total = await rankedCount(db, slug, filters);
  const rows = (await rankingPageQuery(db, slug, filters, page).execute()).map(toRanked);
  return {
    rows,
    total,
    pageCount: Math.max(1, Math.ceil(total / RANKING_PAGE_SIZE)),
  };
}

/** A submitted self-report (issue 20) as the CSV carries it: its scored traits and their fit on the kit's ideal profile. */
export type CsvSelfReport = {
  /** null when the kit version froze no ideal profile, or no scored trait has a band. */
  fit: number | null;
  /** The scored traits only: a trait not scored or not measured (Relational Engagement) is absent, never 0. */
  scores: Partial<Record<TraitKey, number>>;
};

export type CsvRankedCandidate = RankedCandidate & {
  rank: number;
  email: string | null;
  recommendations: Record<Recommendation, number>;
  /** null without a submitted self-report. */
  selfReport: CsvSelfReport | null;
};

function isAnswerValue(value: number): value is AnswerValue {
  return ANSWER_VALUES.some((v) => v === value);
}

/**
 * The submitted self-reports of a batch's assessments, scored, with their
 * fit on each assessment's kit version's ideal profile: two queries a batch,
 * whatever its number of self-reports. A questionnaire not submitted is
 * never scored (as on the assessment page); the fit is the interview fit's
 * formula on the self-report's scores, against the same frozen profile.
 */
async function selfReportsByAssessment(db: Executor, assessmentIds: number[]): Promise<Map<number, CsvSelfReport>> {
  if (assessmentIds.length === 0) return new Map();
  const submitted = db
    .selectFrom("questionnaires")
    .select("assessment_id")
    .where("assessment_id", "in", assessmentIds)
    .where("completed_at", "is not", null);
  const [answers, bands] = await Promise.all([
    db
      .selectFrom("questionnaire_answers as qa")
      .select(["qa.assessment_id", "qa.item_id", "qa.value"])
      .where("qa.assessment_id", "in", submitted)
      .execute(),
    db
      .selectFrom("assessments as a")
      .innerJoin("kit_version_traits as t", "t.kit_version_id", "a.kit_version_id")
      .select(["a.id", "t.trait", "t.low", "t.high", "t.weight"])
      .where("a.id", "in", submitted)
      .execute(),
  ]);
  const answersOf = new Map<number, Map<string, AnswerValue>>();
  for (const row of answers) {
    if (!isAnswerValue(row.value)) continue;
    const given = answersOf.get(row.assessment_id) ?? new Map<string, AnswerValue>();
    given.set(row.item_id, row.value);
    answersOf.set(row.assessment_id, given);
  }
  const bandsOf = new Map<number, typeof bands>();
  for (const band of bands) bandsOf.set(band.id, [...(bandsOf.get(band.id) ?? []), band]);
  const items = selfReportItems();
  const reports = new Map<number, CsvSelfReport>();
  for (const [assessmentId, given] of answersOf) {
    const scores = selfReportFitScores(scoreSelfReport(items, given));
    const frozen = bandsOf.get(assessmentId) ?? [];
    // As loadScoringKit reads a kit version: a trait without a band is no preference; a version with no band froze no profile.
    const profile = traitRecord((trait) => frozen.find((b) => b.trait === trait) ?? { low: 0, high: 100, weight: 1 });
    reports.set(assessmentId, { fit: frozen.length === 0 ? null : computeFit(scores, profile).fit, scores });
  }
  return reports;
}

/** Rows of the CSV read per query: enough that the queries' cost is small beside the rows', few enough that memory stays flat. */
const RANKING_BATCH_ROWS = 500;

/** Where the previous batch stopped: its last row's sort keys (the ranking's order ends with the unique assessment id). */
export type RankCursor = { fit: number | null; coverage: number; assessmentId: number };

type RankedScope = ExpressionBuilder<Database & { r: Database["assessment_results"] }, "r">;

/**
 * The rows after `cursor` in rank order (fit high to low, then coverage high
 * to low, then id), among rows with a fit or among rows without, as the
 * cursor's own. Written as ranges on the index's columns, so each batch seeks
 * to where the last one stopped instead of walking the rows before it (an OR
 * across the two parts would lose the range: the parts are read one after the other).
 */
function afterCursor(eb: RankedScope, cursor: RankCursor) {
  const laterInTie = eb.or([
    eb("r.coverage", "<", cursor.coverage),
    eb.and([eb("r.coverage", "=", cursor.coverage), eb("r.assessment_id", ">", cursor.assessmentId)]),
  ]);
  return cursor.fit === null
    ? eb.and([eb("r.coverage", "<=", cursor.coverage), laterInTie])
    : eb.and([eb("r.fit", "<=", cursor.fit), eb.or([eb("r.fit", "<", cursor.fit), laterInTie])]);
}

/** One batch of the CSV: the rows with a fit or those without, after `cursor` (exported for the query-plan test). */
export function rankingBatchQuery(
  db: Executor,
  slug: string,
  filters: RankingFilters,
  part: { withFit: boolean; after: RankCursor | undefined },
  batchRows: number,
) {
  const query = rankedSelect(db, slug, filters)
    .where("r.fit", part.withFit ? "is not" : "is", null)
    .limit(batchRows);
  const { after } = part;
  return after === undefined ? query : query.where((eb) => afterCursor(eb, after));
}

/**
 * The whole ranking in rank order, filtered as the page (the CSV), a batch of
 * `batchRows` at a time: four queries a batch (its rows, their
 * recommendations, their self-reports' answers and ideal profiles), the next read only when the caller asks
 * for it, so memory holds one batch whatever the ranking's length.
 *
 * Each batch is its own read, not one transaction: the app shares one
 * connection, and a transaction held open while a slow client downloads would
 * make every other request wait. A scorecard submitted or reopened during the
 * download can therefore move its candidate across a batch boundary (listed
 * twice, or not at all) or change a later row; the file is the ranking as it
 * stood while it was written, as the page is between two clicks, and a new
 * download is exact.
 */
export async function* rankingInBatches(
  db: Executor,
  slug: string,
  filters: RankingFilters,
  batchRows = RANKING_BATCH_ROWS,
): AsyncGenerator<CsvRankedCandidate[]> {
  let rank = 0;
  // No fit sorts last: the rows with a fit first, then those without.
  for (const withFit of [true, false]) {
    let cursor: RankCursor | undefined;
    for (;;) {
      const rows = await rankingBatchQuery(db, slug, filters, { withFit, after: cursor }, batchRows).execute();
      const last = rows.at(-1);
      if (last === undefined) break;
      const ids = rows.map((row) => row.assessment_id);
      const [recommendations, selfReports] = await Promise.all([recommendationsByAssessment(db, ids), selfReportsByAssessment(db, ids)]);
      yield rows.map((row) => ({
        ...toRanked(row),
        rank: ++rank,
        email: row.email,
        recommendations: recommendations.get(row.assessment_id) ?? tallyRecommendations([]),
        selfReport: selfReports.get(row.assessment_id) ?? null,
      }));
      if (rows.length < batchRows) break;
      cursor = { fit: last.fit, coverage: last.coverage, assessmentId: last.assessment_id };
    }
  }
}

/** How many candidates the ranking lists with these filters (the CSV's audit, before its rows are read). */
export async function rankedCount(db: Executor, slug: string, filters: RankingFilters): Promise<number> {
  const { total } = await rankedBase(db, slug, filters, "count")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return Number(total);
}

/**
 * The CSV's columns: the first ones exactly as before (other tools read them:
 * full precision, coverage as a fraction), then what a person reads, as the
 * page shows it, then the submitted self-report's fit and trait scores at full
 * precision (the ranking itself stays on the interview's fit).
 */
export const RANKING_CSV_HEADER = [
  "candidate_id",
  "fit",
  "coverage",
  ...TRAIT_KEYS,
  "decision",
  "rank",
  "name",
  "email",
  "fit_percent",
  "coverage_percent",
  "scorecards_submitted",
  "scorecards_assigned",
  ...RECOMMENDATIONS.map((r) => `recommend_${r}` as const),
  "calibrate_traits",
  "assessment_url",
  "self_fit",
  ...TRAIT_KEYS.map((trait) => `self_${trait}` as const),
] as const;

/** Separates the trait keys of `calibrate_traits`. */
export const CALIBRATE_TRAITS_SEPARATOR = ";";

/**
 * A CSV record per ranked candidate: empty cells for no fit, traits not
 * assessed, no decision and no email, and for the self-report's columns when
 * there is no submitted self-report, its fit is null or a trait is not scored
 * (Relational Engagement never is). `origin` makes each assessment's address absolute.
 */
export function rankingCsvRecords(rows: CsvRankedCandidate[], origin: string): (string | number)[][] {
  return rows.map((row) => [
    row.candidateId,
    row.fit ?? "",
    row.coverage,
    ...TRAIT_KEYS.map((trait) => row.scores[trait] ?? ""),
    row.decision ?? "",
    row.rank,
    row.name,
    row.email ?? "",
    row.fit === null ? "" : shownPercent(row.fit),
    shownPercent(row.coverage * 100),
    row.submitted,
    row.assigned,
    ...RECOMMENDATIONS.map((r) => row.recommendations[r]),
    row.calibrate.join(CALIBRATE_TRAITS_SEPARATOR),
    `${origin}/assessments/${row.assessmentId}`,
    row.selfReport?.fit ?? "",
    ...TRAIT_KEYS.map((trait) => row.selfReport?.scores[trait] ?? ""),
  ]);
}

export type RoleSummary = { id: number; slug: string; name: string; band: Partial<Record<TraitKey, { low: number; high: number }>> | null };

/** The role by slug with its current ideal profile as bands, or undefined. */
export async function roleForRanking(db: Executor, slug: string): Promise<RoleSummary | undefined> {
  const role = await db.selectFrom("roles").select(["id", "slug", "name"]).where("slug", "=", slug).executeTakeFirst();
  if (!role) return undefined;
  const traits = await db.selectFrom("role_traits").select(["trait", "low", "high"]).where("role_id", "=", role.id).execute();
  const band: Partial<Record<TraitKey, { low: number; high: number }>> = {};
  for (const t of traits) band[t.trait] = { low: t.low, high: t.high };
  return { id: role.id, slug: role.slug, name: role.name, band: traits.length === 0 ? null : band };
}

export type ComparedCandidate = RankedCandidate & { recommendations: Record<Recommendation, number> };

export type Comparison = { ok: true; candidates: ComparedCandidate[] } | { ok: false; missing: number[] };

/**
 * The latest result of the role of each candidate, in the order asked, with
 * the tally of their submitted scorecards' recommendations; or the ids that
 * have no result for the role.
 */
export async function compareCandidates(db: Executor, slug: string, candidateIds: number[]): Promise<Comparison> {
  const rows = await rankedRowsOf(db, slug, candidateIds).execute();
  const byCandidate = new Map(rows.map((row) => [row.candidate_id, toRanked(row)]));
  const missing = candidateIds.filter((id) => !byCandidate.has(id));
  if (missing.length > 0) return { ok: false, missing };
  const tallies = await recommendationsByAssessment(
    db,
    rows.map((row) => row.assessment_id),
  );
  const candidates = candidateIds.flatMap((id): ComparedCandidate[] => {
    const ranked = byCandidate.get(id);
    return ranked ? [{ ...ranked, recommendations: tallies.get(ranked.assessmentId) ?? tallyRecommendations([]) }] : [];
  });
  return { ok: true, candidates };
}
