import type { UiLanguage } from "./languages";
import { TRAIT_SCALE, type TraitKey } from "./traits";

/*
 * The candidate's self-report: Johnson's IPIP-NEO-120 (120 public-domain
 * items, five domains of six facets, four items a facet), scored on
 * Traitkit's 0–100 scale so it reads beside the interview. docs/product.md,
 * "Self-report", says the same rules in words.
 */

/** The instrument's name in exports and audit entries. */
export const SELF_REPORT_INSTRUMENT = "ipip-neo-120";

/** The languages the questionnaire's items come in (the item package's codes). */
export const QUESTIONNAIRE_LANGUAGES = ["en", "es", "zh-cn"] as const;
export type QuestionnaireLanguage = (typeof QUESTIONNAIRE_LANGUAGES)[number];

export function isQuestionnaireLanguage(value: unknown): value is QuestionnaireLanguage {
  return QUESTIONNAIRE_LANGUAGES.some((lang) => lang === value);
}

/** The questionnaire's language for a reader of an interface language (zh-CN reads the package's zh-cn items). */
export function questionnaireLanguageOf(language: UiLanguage): QuestionnaireLanguage {
  return language === "zh-CN" ? "zh-cn" : language;
}

/** The interface language that writes about a questionnaire (its e-mail, its pages' frame). */
export function uiLanguageOfQuestionnaire(language: QuestionnaireLanguage): UiLanguage {
  return language === "zh-cn" ? "zh-CN" : language;
}

/** Where an assessment's questionnaire stands, as the recruiter reads it: revoked means no live link (revoked or expired). */
export type QuestionnaireStatus =
  | { state: "none" }
  | { state: "sent" | "revoked"; language: QuestionnaireLanguage }
  | { state: "started"; language: QuestionnaireLanguage; answered: number }
  | { state: "completed"; language: QuestionnaireLanguage; answered: number; completedAt: string };

/** Items a page of the questionnaire shows: 120 items in 8 pages, then a page to review and submit. */
export const ITEMS_PER_PAGE = 15;

/** The five domains of the Big Five, as the item package names them. */
export const SELF_REPORT_DOMAINS = ["O", "C", "E", "A", "N"] as const;
export type SelfReportDomain = (typeof SELF_REPORT_DOMAINS)[number];

export const FACETS_PER_DOMAIN = 6;
export const SELF_REPORT_ITEM_COUNT = 120;

/** The answer scale: 1 = very inaccurate (as a description of me) … 5 = very accurate, whatever the item's keying. */
export const ANSWER_VALUES = [1, 2, 3, 4, 5] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];

/** An item as scoring needs it: its stable id, where it belongs and which way it is keyed. */
export type SelfReportItem = { id: string; domain: SelfReportDomain; facet: number; keyed: "plus" | "minus" };

/** Each domain's trait; N is read the other way, as Emotional Stability. */
export const DOMAIN_TRAITS: Record<SelfReportDomain, Exclude<TraitKey, "relational_engagement">> = {
  O: "openness",
  C: "conscientiousness",
  E: "extraversion",
  A: "agreeableness",
  N: "emotional_stability",
};

/** A domain or facet with more than this share of its items unanswered is not scored. */
export const MAX_UNANSWERED_SHARE = 0.2;
/** Submitting needs every item answered, or at most this many skipped in all. */
export const MAX_SKIPPED_TO_SUBMIT = 10;
/** A self-report and an interview score this far apart (0–100 points) are flagged: probe. */
export const DISAGREEMENT_POINTS = 25;

/** Points an answer gives its item: the value, or 6 − value for an item keyed "minus". */
export function itemPoints(item: Pick<SelfReportItem, "keyed">, value: AnswerValue): number {
  return item.keyed === "minus" ? 6 - value : value;
}

/** A scored set of items: the 0–100 score (null when too many are unanswered) with how many were answered of how many. */
export type ScaleScore = { score: number | null; answered: number; items: number };

/** (mean points − 1) × 25 over the answered items; null when more than 20 % are unanswered. */
function scaleScore(items: readonly SelfReportItem[], answers: ReadonlyMap<string, AnswerValue>, reversed: boolean): ScaleScore {
  const points = items.flatMap((item) => {
    const value = answers.get(item.id);
    return value === undefined ? [] : [itemPoints(item, value)];
  });
  const unanswered = items.length - points.length;
  if (items.length === 0 || points.length === 0 || unanswered > items.length * MAX_UNANSWERED_SHARE) {
    return { score: null, answered: points.length, items: items.length };
  }
  const mean = points.reduce((sum, p) => sum + p, 0) / points.length;
  const score = (mean - 1) * 25;
  return { score: reversed ? TRAIT_SCALE.max - score : score, answered: points.length, items: items.length };
}

export type FacetScore = ScaleScore & { domain: SelfReportDomain; facet: number };
export type DomainScore = ScaleScore & { domain: SelfReportDomain; trait: TraitKey; facets: FacetScore[] };

/**
 * Scores the answers (item id → value) on the items' keys: each domain as its
 * trait, and its six facets; N and its facets reversed (100 − score), so every
 * figure reads "higher is the stable side". Answers to ids the items do not
 * have are ignored. Full precision: rounding is for display.
 */
export function scoreSelfReport(items: readonly SelfReportItem[], answers: ReadonlyMap<string, AnswerValue>): DomainScore[] {
  return SELF_REPORT_DOMAINS.map((domain) => {
    const reversed = domain === "N";
    const ofDomain = items.filter((item) => item.domain === domain);
    const facets = Array.from({ length: FACETS_PER_DOMAIN }, (_, i): FacetScore => {
      const facet = i + 1;
      return {
        domain,
        facet,
        ...scaleScore(
          ofDomain.filter((item) => item.facet === facet),
          answers,
          reversed,
        ),
      };
    });
    return { domain, trait: DOMAIN_TRAITS[domain], facets, ...scaleScore(ofDomain, answers, reversed) };
  });
}

/** The self-report's trait scores, keyed by trait: null for a domain not scored; Relational Engagement is never measured. */
export function selfReportTraitScores(domains: readonly DomainScore[]): Record<TraitKey, ScaleScore | null> {
  const scores = { relational_engagement: null } as Record<TraitKey, ScaleScore | null>;
  for (const d of domains) scores[d.trait] = { score: d.score, answered: d.answered, items: d.items };
  return scores;
}

/** Whether the answers may be submitted: every item answered, or at most MAX_SKIPPED_TO_SUBMIT left out. */
export function canSubmitSelfReport(itemCount: number, answered: number): { ok: true } | { ok: false; skipped: number } {
  const skipped = itemCount - answered;
  return skipped <= MAX_SKIPPED_TO_SUBMIT ? { ok: true } : { ok: false, skipped };
}

/**
 * The self-report beside the interview for one trait: the difference
 * (self − interview, points) and whether it is large enough to probe. Null
 * when either side has no score.
 */
export function selfReportDifference(
  selfScore: number | null,
  interviewScore: number | null,
): { difference: number; probe: boolean } | null {
  if (selfScore === null || interviewScore === null) return null;
  const difference = selfScore - interviewScore;
  return { difference, probe: Math.abs(difference) >= DISAGREEMENT_POINTS };
}

/** The scored traits as fit reads scores (computeFit in fit.ts): a trait not scored or not measured is left out, never 0. */
export function selfReportFitScores(domains: readonly DomainScore[]): Partial<Record<TraitKey, number>> {
  const scores: Partial<Record<TraitKey, number>> = {};
  for (const d of domains) if (d.score !== null) scores[d.trait] = d.score;
  return scores;
}
