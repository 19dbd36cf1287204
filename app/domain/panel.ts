import { computeFit, type FitResult } from "./fit";
import { aggregateTraits, tallyRecommendations, traitScores, type Rating, type Recommendation, type TraitAggregate } from "./scoring";
import { TRAIT_KEYS, traitRecord, type TraitKey } from "./traits";

/*
 * The panel's result for one assessment: docs/product.md's trait scores, agreement
 * and fit, from SUBMITTED scorecards only (drafts are an interviewer's private
 * work). Pure: the caller loads the scorecards and the frozen ideal profile.
 */

export type SubmittedScorecard = {
  interviewerId: string;
  recommendation: Recommendation;
  ratings: readonly { questionId: number; trait: TraitKey; rating: Rating }[];
};

export type PanelTrait =
  /** No question of the kit evaluates the trait: nothing could be rated. */
  { status: "not_in_kit"; evidence: 0 } | TraitAggregate;

export type PanelResult = {
  traits: Record<TraitKey, PanelTrait>;
  /** Scores of assessed traits only (0..100, unrounded). */
  scores: Partial<Record<TraitKey, number>>;
  /** null when the kit version froze no ideal profile. */
  fit: FitResult | null;
  recommendations: Record<Recommendation, number>;
  submittedCount: number;
  /** Number of ratings behind the result. */
  evidence: number;
};

export function panelResult(input: {
  scorecards: readonly SubmittedScorecard[];
  /** Traits some question of the kit version evaluates. */
  traitsInKit: ReadonlySet<TraitKey>;
  /** The ideal profile frozen in the kit version, or null. */
  idealProfile: Record<TraitKey, { low: number; high: number; weight: number }> | null;
}): PanelResult {
  const ratings = input.scorecards.flatMap((card) =>
    card.ratings.map((r) => ({ interviewerId: card.interviewerId, trait: r.trait, rating: r.rating })),
  );
  const aggregates = aggregateTraits(ratings);
  const traits = traitRecord<PanelTrait>((trait) => {
    const aggregate = aggregates[trait];
    return aggregate.status === "not_assessed" && !input.traitsInKit.has(trait) ? { status: "not_in_kit", evidence: 0 } : aggregate;
  });
  const scores = traitScores(aggregates);
  return {
    traits,
    scores,
    fit: input.idealProfile ? computeFit(scores, input.idealProfile) : null,
    recommendations: tallyRecommendations(input.scorecards.map((card) => card.recommendation)),
    submittedCount: input.scorecards.length,
    evidence: TRAIT_KEYS.reduce((sum, trait) => sum + aggregates[trait].evidence, 0),
  };
}

/** The traits the panel's interviewers read 2 or more points apart (docs/product.md, "Scoring"), in the traits' order. */
export function traitsFlaggedForCalibration(traits: Record<TraitKey, PanelTrait>): TraitKey[] {
  return TRAIT_KEYS.filter((trait) => {
    const aggregate = traits[trait];
    return aggregate.status === "assessed" && aggregate.needsCalibration;
  });
}
