import { describe, expect, it } from "vitest";
import { computeFit } from "./fit";
import {
  ANSWER_VALUES,
  canSubmitSelfReport,
  DISAGREEMENT_POINTS,
  FACETS_PER_DOMAIN,
  itemPoints,
  MAX_SKIPPED_TO_SUBMIT,
  scoreSelfReport,
  SELF_REPORT_DOMAINS,
  SELF_REPORT_ITEM_COUNT,
  selfReportDifference,
  selfReportFitScores,
  selfReportTraitScores,
  type AnswerValue,
  type DomainScore,
  type SelfReportDomain,
  type SelfReportItem,
} from "./self-report";
import { traitRecord } from "./traits";

/*
 * The items are built here, not read from the item package (a model): the
 * rules are checked on sets small enough to work by hand, and on a set with
 * the instrument's shape (5 domains × 6 facets × 4 items). The package's own
 * items are checked in tests/unit/questionnaire-items.test.ts.
 */

const item = (id: string, domain: SelfReportDomain, facet: number, keyed: "plus" | "minus" = "plus"): SelfReportItem => ({
  id,
  domain,
  facet,
  keyed,
});

/** The instrument's shape: ids "O1a" … "N6d"; `keyOf` chooses each item's keying (by its place in its facet, 0–3). */
function fullItems(keyOf: (place: number) => "plus" | "minus" = () => "plus"): SelfReportItem[] {
  return SELF_REPORT_DOMAINS.flatMap((domain) =>
    Array.from({ length: FACETS_PER_DOMAIN }, (_, f) =>
      [0, 1, 2, 3].map((place) => item(`${domain}${f + 1}${"abcd"[place]}`, domain, f + 1, keyOf(place))),
    ).flat(),
  );
}

const answerAll = (items: readonly SelfReportItem[], value: AnswerValue) => new Map(items.map((i) => [i.id, value]));

function domainOf(scores: readonly DomainScore[], domain: SelfReportDomain): DomainScore {
  const found = scores.find((d) => d.domain === domain);
  if (!found) throw new Error(`no domain ${domain}`);
  return found;
}

describe("itemPoints — an answer's points", () => {
  it("a plus-keyed item scores its value, 1 … 5", () => {
    expect(ANSWER_VALUES.map((v) => itemPoints({ keyed: "plus" }, v))).toEqual([1, 2, 3, 4, 5]);
  });

  it("a minus-keyed item scores 6 − value: 'very accurate' is the fewest points", () => {
    expect(ANSWER_VALUES.map((v) => itemPoints({ keyed: "minus" }, v))).toEqual([5, 4, 3, 2, 1]);
  });
});

describe("scoreSelfReport — hand-worked answer sets", () => {
  it("the instrument's shape has 120 items, 24 a domain, 4 a facet", () => {
    const items = fullItems();
    expect(items).toHaveLength(SELF_REPORT_ITEM_COUNT);
    const o = domainOf(scoreSelfReport(items, new Map()), "O");
    expect(o.items).toBe(24);
    expect(o.facets.map((f) => f.items)).toEqual([4, 4, 4, 4, 4, 4]);
  });

  it("all 1s on plus-keyed items score 0 (mean points 1), N read as Emotional Stability 100", () => {
    const items = fullItems();
    const scores = scoreSelfReport(items, answerAll(items, 1));
    for (const domain of ["O", "C", "E", "A"] as const) {
      const d = domainOf(scores, domain);
      expect(d.score).toBe(0);
      expect(d.facets.map((f) => f.score)).toEqual([0, 0, 0, 0, 0, 0]);
      expect(d.answered).toBe(24);
    }
    const n = domainOf(scores, "N");
    expect(n.trait).toBe("emotional_stability");
    expect(n.score).toBe(100);
    expect(n.facets.map((f) => f.score)).toEqual([100, 100, 100, 100, 100, 100]);
  });

  it("all 5s on plus-keyed items score 100 (mean points 5), N read as Emotional Stability 0", () => {
    const items = fullItems();
    const scores = scoreSelfReport(items, answerAll(items, 5));
    expect(scores.map((d) => [d.trait, d.score])).toEqual([
      ["openness", 100],
      ["conscientiousness", 100],
      ["extraversion", 100],
      ["agreeableness", 100],
      ["emotional_stability", 0],
    ]);
  });

  it("reversed items: all 1s with half the items keyed minus is the middle, 50", () => {
    // Each facet: two plus items (1 point each) and two minus items (6 − 1 = 5 points): mean 3 → (3 − 1) × 25.
    const items = fullItems((place) => (place % 2 === 0 ? "plus" : "minus"));
    const scores = scoreSelfReport(items, answerAll(items, 1));
    for (const d of scores) {
      expect(d.score).toBe(50);
      expect(d.facets.every((f) => f.score === 50)).toBe(true);
    }
  });

  it("reversed items: all 5s on minus-keyed items score 0, the same as all 1s on plus-keyed ones", () => {
    const minus = fullItems(() => "minus");
    const plus = fullItems(() => "plus");
    expect(scoreSelfReport(minus, answerAll(minus, 5))).toEqual(scoreSelfReport(plus, answerAll(plus, 1)));
  });

  it("a mixed set worked by hand: O facets 56.25 and 62.5, O 59.375; N facet 75 read as Emotional Stability 25", () => {
    const items = [
      item("o1", "O", 1),
      item("o2", "O", 1),
      item("o3", "O", 1, "minus"),
      item("o4", "O", 1, "minus"),
      item("o5", "O", 2),
      item("o6", "O", 2, "minus"),
      item("o7", "O", 2),
      item("o8", "O", 2),
      item("n1", "N", 1),
      item("n2", "N", 1),
      item("n3", "N", 1, "minus"),
      item("n4", "N", 1),
    ];
    const answers = new Map<string, AnswerValue>([
      // O facet 1: points 5, 3, 6 − 2 = 4, 6 − 5 = 1 → 13 / 4 = 3.25 → (3.25 − 1) × 25 = 56.25
      ["o1", 5],
      ["o2", 3],
      ["o3", 2],
      ["o4", 5],
      // O facet 2: points 2, 6 − 1 = 5, 4, 3 → 14 / 4 = 3.5 → 62.5
      ["o5", 2],
      ["o6", 1],
      ["o7", 4],
      ["o8", 3],
      // N facet 1: points 4, 5, 6 − 2 = 4, 3 → 16 / 4 = 4 → N 75 → Emotional Stability 100 − 75 = 25
      ["n1", 4],
      ["n2", 5],
      ["n3", 2],
      ["n4", 3],
    ]);
    const scores = scoreSelfReport(items, answers);
    const o = domainOf(scores, "O");
    expect(o.facets.slice(0, 2).map((f) => f.score)).toEqual([56.25, 62.5]);
    // The domain is the mean over its items, not of its facets: 27 / 8 = 3.375 → 59.375 (the same here, as the facets are equal in size).
    expect(o.score).toBe(59.375);
    expect(o.answered).toBe(8);
    const n = domainOf(scores, "N");
    expect(n.score).toBe(25);
    expect(n.facets[0]?.score).toBe(25);
  });

  it("the domain is the mean over its answered items, so a facet with more answers weighs more", () => {
    const items = [item("a", "C", 1), item("b", "C", 1), item("c", "C", 1), item("d", "C", 1), item("e", "C", 2)];
    // Facet 1 all 5 (100), facet 2 a 1 (0): points 5+5+5+5+1 = 21 / 5 = 4.2 → 80, not the facets' mean 50.
    const scores = scoreSelfReport(
      items,
      new Map<string, AnswerValue>([
        ["a", 5],
        ["b", 5],
        ["c", 5],
        ["d", 5],
        ["e", 1],
      ]),
    );
    expect(domainOf(scores, "C").score).toBe(80);
  });

  it("full precision: a score is not rounded (1 / 3 of a point)", () => {
    const items = [item("a", "E", 1), item("b", "E", 1), item("c", "E", 1)];
    const scores = scoreSelfReport(
      items,
      new Map<string, AnswerValue>([
        ["a", 2],
        ["b", 2],
        ["c", 1],
      ]),
    );
    // 5 / 3 − 1 = 2 / 3 → 16.666…
    expect(domainOf(scores, "E").score).toBeCloseTo(50 / 3, 12);
  });

  it("answers to ids the items do not have are ignored", () => {
    const items = [item("a", "A", 1)];
    const answers = new Map<string, AnswerValue>([
      ["a", 4],
      ["stranger", 1],
    ]);
    const a = domainOf(scoreSelfReport(items, answers), "A");
    expect(a.score).toBe(75);
    expect(a.answered).toBe(1);
  });

  it("a domain or facet without items is not scored", () => {
    const scores = scoreSelfReport([item("a", "O", 1)], new Map<string, AnswerValue>([["a", 3]]));
    expect(domainOf(scores, "C").score).toBeNull();
    expect(domainOf(scores, "O").facets[1]).toMatchObject({ score: null, answered: 0, items: 0 });
  });
});

describe("scoreSelfReport — more than 20 % unanswered is not scored", () => {
  /** A domain of 10 items in two facets of 5, all plus-keyed: at the limit a facet misses 1 item, the domain 2. */
  const tenItems = [1, 2].flatMap((facet) => [0, 1, 2, 3, 4].map((i) => item(`o${facet}${i}`, "O", facet)));

  function answeredBut(items: readonly SelfReportItem[], skipped: readonly string[], value: AnswerValue = 5) {
    return new Map(items.filter((i) => !skipped.includes(i.id)).map((i) => [i.id, value]));
  }

  it("exactly 20 % skipped (a facet 1 of 5, the domain 2 of 10) is still scored, over the answered items", () => {
    const o = domainOf(scoreSelfReport(tenItems, answeredBut(tenItems, ["o10", "o20"])), "O");
    // Skipped items are left out, never counted as 0: eight 5s are 100.
    expect(o.score).toBe(100);
    expect(o.answered).toBe(8);
    expect(o.items).toBe(10);
    expect(o.facets.slice(0, 2).map((f) => [f.score, f.answered])).toEqual([
      [100, 4],
      [100, 4],
    ]);
  });

  it("just past 20 % (the domain 3 of 10, a facet 2 of 5) is not scored; the other facet still is", () => {
    const o = domainOf(scoreSelfReport(tenItems, answeredBut(tenItems, ["o10", "o11", "o20"])), "O");
    expect(o.score).toBeNull();
    expect(o.answered).toBe(7);
    expect(o.facets[0]).toMatchObject({ score: null, answered: 3, items: 5 });
    expect(o.facets[1]).toMatchObject({ score: 100, answered: 4, items: 5 });
  });

  it("in the instrument's shape a domain of 24 is scored with 4 skipped and not with 5", () => {
    const items = fullItems();
    const atLimit = scoreSelfReport(items, answeredBut(items, ["C1a", "C2a", "C3a", "C4a"]));
    const c = domainOf(atLimit, "C");
    expect(c.score).toBe(100);
    expect(c.answered).toBe(20);
    // A facet of 4 missing one item is 25 % unanswered: not scored.
    expect(c.facets.map((f) => f.score)).toEqual([null, null, null, null, 100, 100]);
    const pastLimit = scoreSelfReport(items, answeredBut(items, ["C1a", "C2a", "C3a", "C4a", "C5a"]));
    expect(domainOf(pastLimit, "C")).toMatchObject({ score: null, answered: 19, items: 24 });
    // The other domains are untouched.
    expect(domainOf(pastLimit, "O").score).toBe(100);
  });

  it("N not scored is Emotional Stability not scored, never 100 − 0", () => {
    const items = fullItems();
    const scores = scoreSelfReport(items, answeredBut(items, ["N1a", "N1b", "N1c", "N1d", "N2a"]));
    expect(domainOf(scores, "N").score).toBeNull();
    expect(domainOf(scores, "N").facets[0]?.score).toBeNull();
    expect(selfReportTraitScores(scores).emotional_stability).toEqual({ score: null, answered: 19, items: 24 });
  });

  it("nothing answered scores nothing", () => {
    expect(scoreSelfReport(fullItems(), new Map()).every((d) => d.score === null && d.answered === 0)).toBe(true);
  });
});

describe("selfReportTraitScores and selfReportFitScores — traits", () => {
  const items = fullItems();
  const scores = scoreSelfReport(items, answerAll(items, 4));

  it("the domains are the traits, N as Emotional Stability = 100 − N", () => {
    const traits = selfReportTraitScores(scores);
    expect(traits.openness).toEqual({ score: 75, answered: 24, items: 24 });
    expect(traits.conscientiousness?.score).toBe(75);
    expect(traits.extraversion?.score).toBe(75);
    expect(traits.agreeableness?.score).toBe(75);
    expect(traits.emotional_stability?.score).toBe(25);
  });

  it("Relational Engagement is never measured by the questionnaire: null, never 0", () => {
    expect(selfReportTraitScores(scores).relational_engagement).toBeNull();
    expect(selfReportTraitScores(scoreSelfReport(items, answerAll(items, 1))).relational_engagement).toBeNull();
    expect("relational_engagement" in selfReportFitScores(scores)).toBe(false);
  });

  it("fit reads the scored traits only: a domain not scored and Relational Engagement are left out, never 0", () => {
    const withSkips = scoreSelfReport(
      items,
      // E misses its facet 1 and one more item: 5 of 24, past the limit.
      new Map(items.filter((i) => !(i.domain === "E" && (i.facet === 1 || i.id === "E2a"))).map((i) => [i.id, 4 as AnswerValue])),
    );
    expect(selfReportFitScores(withSkips)).toEqual({ openness: 75, conscientiousness: 75, agreeableness: 75, emotional_stability: 25 });
    const fit = computeFit(
      selfReportFitScores(withSkips),
      traitRecord(() => ({ low: 60, high: 80, weight: 1 })),
    );
    expect(fit.traitsNotAssessed).toEqual(["extraversion", "relational_engagement"]);
    expect(fit.coverage).toBeCloseTo(4 / 6, 12);
  });
});

describe("canSubmitSelfReport — every item answered or at most 10 skipped", () => {
  it("all 120 answered may be submitted", () => {
    expect(canSubmitSelfReport(SELF_REPORT_ITEM_COUNT, 120)).toEqual({ ok: true });
  });

  it("10 skipped may be submitted", () => {
    expect(MAX_SKIPPED_TO_SUBMIT).toBe(10);
    expect(canSubmitSelfReport(SELF_REPORT_ITEM_COUNT, 110)).toEqual({ ok: true });
  });

  it("11 skipped may not, and says how many", () => {
    expect(canSubmitSelfReport(SELF_REPORT_ITEM_COUNT, 109)).toEqual({ ok: false, skipped: 11 });
    expect(canSubmitSelfReport(SELF_REPORT_ITEM_COUNT, 0)).toEqual({ ok: false, skipped: 120 });
  });
});

describe("selfReportDifference — 25 points or more apart is flagged to probe", () => {
  it("exactly 25 points apart is flagged, either way", () => {
    expect(DISAGREEMENT_POINTS).toBe(25);
    expect(selfReportDifference(75, 50)).toEqual({ difference: 25, probe: true });
    expect(selfReportDifference(25, 50)).toEqual({ difference: -25, probe: true });
  });

  it("just under 25 points is not flagged", () => {
    const under = selfReportDifference(74.99, 50);
    expect(under?.probe).toBe(false);
    expect(under?.difference).toBeCloseTo(24.99, 10);
    expect(selfReportDifference(50, 50)).toEqual({ difference: 0, probe: false });
  });

  it("the difference is self − interview at full precision", () => {
    expect(selfReportDifference(59.375, 62.5)).toEqual({ difference: -3.125, probe: false });
  });

  it("no difference when either side has no score (not scored, not assessed)", () => {
    expect(selfReportDifference(null, 50)).toBeNull();
    expect(selfReportDifference(50, null)).toBeNull();
    expect(selfReportDifference(null, null)).toBeNull();
  });
});
