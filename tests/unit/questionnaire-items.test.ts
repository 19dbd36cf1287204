import { describe, expect, it } from "vitest";
import {
  FACETS_PER_DOMAIN,
  QUESTIONNAIRE_LANGUAGES,
  scoreSelfReport,
  SELF_REPORT_DOMAINS,
  SELF_REPORT_ITEM_COUNT,
  selfReportTraitScores,
  type AnswerValue,
} from "~/domain/self-report";
import { answerLabels, questionnaireItems, selfReportItems } from "~/models/questionnaire-items.server";
import { facetTexts } from "~/models/self-report-texts.server";

/*
 * The item package (@alheimsins/b5-johnson-120-ipip-neo-pi-r) as Traitkit
 * reads it: an answer is stored by item id and scored on the item's domain,
 * facet and key, so these must be the same in every language the
 * questionnaire offers, or a candidate who switches language would have their
 * answers scored on other items.
 */

const skeleton = (language: (typeof QUESTIONNAIRE_LANGUAGES)[number]) =>
  questionnaireItems(language).map(({ id, domain, facet, keyed }) => ({ id, domain, facet, keyed }));

describe("the IPIP-NEO-120 items from the package", () => {
  it("are the same ids, domains, facets and keys, in the same order, in en, es and zh-cn", () => {
    const en = skeleton("en");
    for (const language of QUESTIONNAIRE_LANGUAGES) expect(skeleton(language)).toEqual(en);
  });

  it("are 120 items with distinct ids and a text in each language", () => {
    for (const language of QUESTIONNAIRE_LANGUAGES) {
      const items = questionnaireItems(language);
      expect(items).toHaveLength(SELF_REPORT_ITEM_COUNT);
      expect(new Set(items.map((i) => i.id)).size).toBe(SELF_REPORT_ITEM_COUNT);
      expect(items.every((i) => i.text.trim().length > 0)).toBe(true);
    }
  });

  it("are 30 facets of 4 items, six facets to each of the five domains", () => {
    const perFacet = new Map<string, number>();
    for (const item of selfReportItems()) {
      const key = `${item.domain}${item.facet}`;
      perFacet.set(key, (perFacet.get(key) ?? 0) + 1);
    }
    const expected = SELF_REPORT_DOMAINS.flatMap((d) => Array.from({ length: FACETS_PER_DOMAIN }, (_, f) => `${d}${f + 1}`));
    expect([...perFacet.keys()].sort()).toEqual([...expected].sort());
    expect([...perFacet.values()].every((n) => n === 4)).toBe(true);
  });

  it("have five answer labels in each language, distinct and not empty", () => {
    for (const language of QUESTIONNAIRE_LANGUAGES) {
      const labels = answerLabels(language);
      expect(labels).toHaveLength(5);
      expect(new Set(labels).size).toBe(5);
      expect(labels.every((l) => l.trim().length > 0)).toBe(true);
    }
    expect(answerLabels("en")).toEqual([
      "Very Inaccurate",
      "Moderately Inaccurate",
      "Neither Accurate Nor Inaccurate",
      "Moderately Accurate",
      "Very Accurate",
    ]);
  });

  it("every facet has a title and a plain-language text in English and Spanish", () => {
    for (const domain of SELF_REPORT_DOMAINS) {
      for (let facet = 1; facet <= FACETS_PER_DOMAIN; facet++) {
        for (const language of ["en", "es"] as const) {
          const { title, text } = facetTexts(domain, facet, language);
          expect(title.trim()).not.toBe("");
          expect(text.trim()).not.toBe("");
          expect(text).not.toMatch(/<br/i);
        }
      }
    }
  });
});

describe("scoring the package's items, worked by hand from their keys", () => {
  // Items keyed minus, per domain (of 24) and per facet (of 4), in the package's version 6.0.13.
  const MINUS = { O: [0, 2, 2, 3, 3, 2], C: [0, 3, 2, 2, 2, 4], E: [2, 2, 1, 1, 0, 0], A: [1, 4, 2, 4, 4, 2], N: [0, 1, 1, 1, 3, 1] };

  it("the keys are as counted", () => {
    for (const domain of SELF_REPORT_DOMAINS) {
      const counts = Array.from(
        { length: FACETS_PER_DOMAIN },
        (_, f) => selfReportItems().filter((i) => i.domain === domain && i.facet === f + 1 && i.keyed === "minus").length,
      );
      expect(counts, domain).toEqual(MINUS[domain]);
    }
  });

  it("all 1s: a plus item is 1 point and a minus item 5, so a domain scores (minus items × 4 / 24) × 25", () => {
    const items = selfReportItems();
    const scores = scoreSelfReport(items, new Map(items.map((i) => [i.id, 1 as AnswerValue])));
    const traits = selfReportTraitScores(scores);
    expect(traits.openness?.score).toBeCloseTo(50, 10); // 12 minus
    expect(traits.conscientiousness?.score).toBeCloseTo((13 * 100) / 24, 10); // 54.17
    expect(traits.extraversion?.score).toBeCloseTo(25, 10); // 6 minus
    expect(traits.agreeableness?.score).toBeCloseTo((17 * 100) / 24, 10); // 70.83
    // N: 7 minus → 29.17, read as Emotional Stability 100 − 29.17.
    expect(traits.emotional_stability?.score).toBeCloseTo(100 - (7 * 100) / 24, 10);
    expect(traits.relational_engagement).toBeNull();
    // A facet of 4: minus items × 25; N's facets reversed.
    const n = scores.find((d) => d.domain === "N");
    expect(n?.facets.map((f) => f.score)).toEqual([100, 75, 75, 75, 25, 75]);
  });

  it("all 5s mirror all 1s: 100 − the same score", () => {
    const items = selfReportItems();
    const ones = scoreSelfReport(items, new Map(items.map((i) => [i.id, 1 as AnswerValue])));
    const fives = scoreSelfReport(items, new Map(items.map((i) => [i.id, 5 as AnswerValue])));
    fives.forEach((d, i) => {
      expect(d.score).toBeCloseTo(100 - (ones[i]?.score ?? Number.NaN), 10);
      d.facets.forEach((f, j) => expect(f.score).toBeCloseTo(100 - (ones[i]?.facets[j]?.score ?? Number.NaN), 10));
    });
  });
});
