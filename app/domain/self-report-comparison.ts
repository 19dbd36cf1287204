import { computeFit } from "./fit";
import type { PanelTrait } from "./panel";
import { selfReportDifference, selfReportFitScores, type DomainScore } from "./self-report";
import { TRAIT_KEYS, type TraitKey } from "./traits";

/*
 * The self-report beside the interview, trait by trait (issue 20): the
 * panel's score and evidence, the questionnaire's score, their difference and
 * whether to probe it; and the fit on the self-report's scores, computed as
 * the interview's is. docs/product.md, "Self-report", says the same in words.
 */

/** The interview's side of a trait, as the panel's aggregate has it. */
export type InterviewSide = { status: "assessed"; score: number; evidence: number } | { status: "not_assessed" | "not_in_kit" };

/** The questionnaire's side: scored, not scored (too many statements skipped), or not measured (Relational Engagement). */
export type SelfSide =
  | { status: "scored"; score: number; answered: number; items: number }
  | { status: "not_scored"; answered: number; items: number }
  | { status: "not_measured" };

export type ComparisonRow = {
  trait: TraitKey;
  interview: InterviewSide;
  self: SelfSide;
  /** self − interview in points, full precision; null unless both sides have a score. */
  difference: number | null;
  /** |difference| ≥ DISAGREEMENT_POINTS: the self-view and the interview disagree. */
  probe: boolean;
};

/** Each trait's interview and self-report sides, in TRAIT_KEYS order. */
export function compareSelfReport(panel: Record<TraitKey, PanelTrait>, domains: readonly DomainScore[]): ComparisonRow[] {
  return TRAIT_KEYS.map((trait): ComparisonRow => {
    const agg = panel[trait];
    const interview: InterviewSide =
      agg.status === "assessed" ? { status: "assessed", score: agg.score, evidence: agg.evidence } : { status: agg.status };
    const domain = domains.find((d) => d.trait === trait);
    const self: SelfSide = !domain
      ? { status: "not_measured" }
      : domain.score === null
        ? { status: "not_scored", answered: domain.answered, items: domain.items }
        : { status: "scored", score: domain.score, answered: domain.answered, items: domain.items };
    const compared = selfReportDifference(
      self.status === "scored" ? self.score : null,
      interview.status === "assessed" ? interview.score : null,
    );
    return { trait, interview, self, difference: compared?.difference ?? null, probe: compared?.probe ?? false };
  });
}

/** The fit of the self-report's scored traits to the ideal profile: the same formula as the interview's, unscored traits left out. */
export function selfReportFit(
  domains: readonly DomainScore[],
  profile: Record<TraitKey, { low: number; high: number; weight: number }>,
): { fit: number | null; coverage: number } {
  const { fit, coverage } = computeFit(selfReportFitScores(domains), profile);
  return { fit, coverage };
}
