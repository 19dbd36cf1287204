import { describe, expect, it } from "vitest";
import { oneWayIcc, traitReliability } from "./agreement";
import {
  calibration,
  defaultCalibrationPeriod,
  maySeeTeamFigures,
  periodInstants,
  type InterviewerHabits,
  type ScorecardSummary,
} from "./calibration";
import type { Rating, Recommendation } from "./scoring";
import { TRAIT_KEYS, type TraitKey } from "./traits";

type CardSpec = {
  assessment: number;
  interviewer: number;
  /** Each trait's ratings on the scorecard; a trait left out was not rated. */
  ratings?: Partial<Record<TraitKey, Rating[]>>;
  recommendation?: Recommendation | null;
  submittedAt?: string;
  assignedAt?: string | null;
  /** Default: 6 cells, and as many rated as the scorecard has ratings. */
  kitCells?: number;
  ratedCells?: number;
};

/** A submitted scorecard's summary, built from its ratings as the stored summary row would be. */
function card(spec: CardSpec): ScorecardSummary {
  const ratings = spec.ratings ?? {};
  const all = TRAIT_KEYS.flatMap((t) => ratings[t] ?? []);
  return {
    assessmentId: spec.assessment,
    interviewerId: spec.interviewer,
    recommendation: spec.recommendation === undefined ? "yes" : spec.recommendation,
    submittedAt: spec.submittedAt ?? "2026-06-10T12:00:00.000Z",
    assignedAt: spec.assignedAt === undefined ? null : spec.assignedAt,
    kitCells: spec.kitCells ?? 6,
    ratedCells: spec.ratedCells ?? all.length,
    ratingCounts: {
      1: count(all, 1),
      2: count(all, 2),
      3: count(all, 3),
      4: count(all, 4),
      5: count(all, 5),
    },
    traits: Object.fromEntries(
      TRAIT_KEYS.map((t) => [
        t,
        {
          ratingSum: (ratings[t] ?? []).reduce((s, r) => s + r, 0),
          count: (ratings[t] ?? []).length,
        },
      ]),
    ) as ScorecardSummary["traits"],
  };
}

function count(ratings: readonly Rating[], rating: Rating): number {
  return ratings.filter((r) => r === rating).length;
}

function habits(summaries: ScorecardSummary[], interviewer: number): InterviewerHabits {
  const found = calibration(summaries).interviewers.get(interviewer);
  if (found === undefined) throw new Error(`no habits for interviewer ${interviewer}`);
  return found;
}

describe("calibration: who is in it", () => {
  it("lists each interviewer once, in the order of their first scorecard", () => {
    const result = calibration([
      card({ assessment: 1, interviewer: 7 }),
      card({ assessment: 1, interviewer: 3 }),
      card({ assessment: 2, interviewer: 7 }),
      card({ assessment: 2, interviewer: 5 }),
    ]);
    expect([...result.interviewers.keys()]).toEqual([7, 3, 5]);
    expect([...result.interviewers.values()].map((h) => h.scorecards)).toEqual([2, 1, 1]);
  });

  it("no scorecards: no interviewers, an empty team row, no reliability", () => {
    const result = calibration([]);
    expect(result.interviewers.size).toBe(0);
    expect(result.team).toEqual({
      scorecards: 0,
      adherence: null,
      leniency: null,
      outlierCount: 0,
      ratingDistribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      recommendationDistribution: {
        strong_no: 0,
        no: 0,
        yes: 0,
        strong_yes: 0,
      },
      medianDaysToSubmit: null,
    });
    for (const trait of TRAIT_KEYS)
      expect(result.reliability[trait]).toEqual({
        status: "not_enough_data",
        assessments: 0,
      });
  });
});

describe("calibration: adherence", () => {
  it("pools the cells over the scorecards (Σ rated / Σ kit cells), not a mean of per-scorecard ratios", () => {
    const summaries = [
      card({ assessment: 1, interviewer: 1, kitCells: 10, ratedCells: 10 }),
      card({ assessment: 2, interviewer: 1, kitCells: 2, ratedCells: 0 }),
      card({ assessment: 2, interviewer: 2, kitCells: 8, ratedCells: 4 }),
    ];
    expect(habits(summaries, 1).adherence).toBe(10 / 12); // a mean of ratios would say (1 + 0) / 2
    expect(habits(summaries, 2).adherence).toBe(0.5);
    expect(calibration(summaries).team.adherence).toBe(14 / 20);
  });

  it("is null when their kits had no cell", () => {
    expect(habits([card({ assessment: 1, interviewer: 1, kitCells: 0, ratedCells: 0 })], 1).adherence).toBeNull();
  });
});

describe("calibration: leniency", () => {
  // Assessment 1, a panel of three. Overall means over all their ratings:
  //   1: (5 + 4 + 3)/3 = 4 (a mean of trait means would say (4.5 + 3)/2 = 3.75), 2: 3, 3: 2.
  //   1: 4 − (3 + 2)/2 = +1.5;  2: 3 − (4 + 2)/2 = 0;  3: 2 − (4 + 3)/2 = −1.5.
  // Assessment 2, a panel of two: 1 means 4, 2 means 2: 1: +2, 2: −2.
  // Assessment 3: 1 rated, 3 submitted without rating anything: only one scorecard rated something, it does not count.
  // Assessment 4: 4 alone.
  const summaries = [
    card({
      assessment: 1,
      interviewer: 1,
      ratings: { openness: [5, 4], conscientiousness: [3] },
    }),
    card({ assessment: 1, interviewer: 2, ratings: { openness: [3, 3] } }),
    card({ assessment: 1, interviewer: 3, ratings: { extraversion: [2] } }),
    card({ assessment: 2, interviewer: 1, ratings: { openness: [4] } }),
    card({ assessment: 2, interviewer: 2, ratings: { openness: [2] } }),
    card({ assessment: 3, interviewer: 1, ratings: { openness: [1] } }),
    card({ assessment: 3, interviewer: 3 }),
    card({ assessment: 4, interviewer: 4, ratings: { agreeableness: [5] } }),
  ];

  it("is their overall mean minus the mean of the others' overall means, averaged over their assessments, with n", () => {
    expect(habits(summaries, 1).leniency).toEqual({
      mean: (1.5 + 2) / 2,
      n: 2,
    });
    expect(habits(summaries, 2).leniency).toEqual({ mean: (0 - 2) / 2, n: 2 });
  });

  it("an assessment where only one scorecard rated anything does not count", () => {
    // Interviewer 3's assessment 3 and interviewer 1's assessment 3 leave n where assessments 1 and 2 put it.
    expect(habits(summaries, 3).leniency).toEqual({ mean: -1.5, n: 1 });
    expect(habits(summaries, 3).scorecards).toBe(2);
  });

  it("is null for an interviewer who never sat on a panel with another rating scorecard", () => {
    expect(habits(summaries, 4).leniency).toBeNull();
  });

  it("the team row has no leniency (the team is its own reference)", () => {
    expect(calibration(summaries).team.leniency).toBeNull();
  });
});

describe("calibration: outliers", () => {
  it("counts, on a trait flagged for calibration, the unique interviewer farthest from the mean of the others' means", () => {
    // Openness: means 5, 4, 1 (spread 4, flagged). Distances: 1 → |5 − 2.5| = 2.5, 2 → |4 − 3| = 1, 3 → |1 − 4.5| = 3.5.
    const result = calibration([
      card({ assessment: 1, interviewer: 1, ratings: { openness: [5] } }),
      card({ assessment: 1, interviewer: 2, ratings: { openness: [4] } }),
      card({ assessment: 1, interviewer: 3, ratings: { openness: [1] } }),
    ]);
    expect([1, 2, 3].map((id) => result.interviewers.get(id)!.outlierCount)).toEqual([0, 0, 1]);
    expect(result.team.outlierCount).toBe(1);
  });

  it("counts once per assessment and per flagged trait, and the team row counts them all", () => {
    const result = calibration([
      // Assessment 1: 3 is farthest on openness (means 4, 5, 1: distances 1, 2.5, 3.5) and on extraversion (1, 2, 5: 2.5, 1, 3.5).
      card({
        assessment: 1,
        interviewer: 1,
        ratings: { openness: [4], extraversion: [1] },
      }),
      card({
        assessment: 1,
        interviewer: 2,
        ratings: { openness: [5], extraversion: [2] },
      }),
      card({
        assessment: 1,
        interviewer: 3,
        ratings: { openness: [1], extraversion: [5, 5] },
      }),
      // Assessment 2: 1 is farthest on agreeableness (means 1, 3.5, 4: distances |1 − 3.75| = 2.75, 1, 1.75).
      card({ assessment: 2, interviewer: 1, ratings: { agreeableness: [1] } }),
      card({
        assessment: 2,
        interviewer: 2,
        ratings: { agreeableness: [3, 4] },
      }),
      card({ assessment: 2, interviewer: 3, ratings: { agreeableness: [4] } }),
    ]);
    expect([1, 2, 3].map((id) => result.interviewers.get(id)!.outlierCount)).toEqual([1, 0, 2]);
    expect(result.team.outlierCount).toBe(3);
  });

  it("a tie counts no one: every two-person panel, and a three-person panel symmetric about its middle", () => {
    const result = calibration([
      card({ assessment: 1, interviewer: 1, ratings: { openness: [5] } }),
      card({ assessment: 1, interviewer: 2, ratings: { openness: [1] } }),
      // Means 1, 3, 5: 1 and 3 are both 3 away from the others' mean.
      card({ assessment: 2, interviewer: 1, ratings: { openness: [1] } }),
      card({ assessment: 2, interviewer: 2, ratings: { openness: [3] } }),
      card({ assessment: 2, interviewer: 3, ratings: { openness: [5] } }),
    ]);
    expect([1, 2, 3].map((id) => result.interviewers.get(id)!.outlierCount)).toEqual([0, 0, 0]);
    expect(result.team.outlierCount).toBe(0);
  });

  it("a trait not flagged for calibration never counts, however unequal the distances", () => {
    // Means 4, 3, 3: spread 1 < 2; interviewer 1 is the unique farthest, and still not an outlier.
    const result = calibration([
      card({ assessment: 1, interviewer: 1, ratings: { openness: [4] } }),
      card({ assessment: 1, interviewer: 2, ratings: { openness: [3] } }),
      card({ assessment: 1, interviewer: 3, ratings: { openness: [3] } }),
    ]);
    expect(result.interviewers.get(1)!.outlierCount).toBe(0);
    expect(result.team.outlierCount).toBe(0);
  });

  it("leaves out the scorecards that did not rate the trait", () => {
    // Openness rated by 1 (5) and 2 (1) only: a two-person tie, whatever 3 rated elsewhere.
    const result = calibration([
      card({ assessment: 1, interviewer: 1, ratings: { openness: [5] } }),
      card({ assessment: 1, interviewer: 2, ratings: { openness: [1] } }),
      card({
        assessment: 1,
        interviewer: 3,
        ratings: { conscientiousness: [3] },
      }),
    ]);
    expect(result.team.outlierCount).toBe(0);
  });
});

describe("calibration: distributions", () => {
  it("adds up their ratings 1 to 5 and tallies their recommendations, a missing one left out, every key present", () => {
    const summaries = [
      card({
        assessment: 1,
        interviewer: 1,
        ratings: { openness: [5, 4], conscientiousness: [4] },
        recommendation: "strong_yes",
      }),
      card({
        assessment: 2,
        interviewer: 1,
        ratings: { openness: [1] },
        recommendation: null,
      }),
      card({
        assessment: 3,
        interviewer: 1,
        ratings: { extraversion: [4] },
        recommendation: "strong_yes",
      }),
      card({
        assessment: 3,
        interviewer: 2,
        ratings: { extraversion: [2, 2] },
        recommendation: "no",
      }),
    ];
    const one = habits(summaries, 1);
    expect(one.ratingDistribution).toEqual({ 1: 1, 2: 0, 3: 0, 4: 3, 5: 1 });
    expect(one.recommendationDistribution).toEqual({
      strong_no: 0,
      no: 0,
      yes: 0,
      strong_yes: 2,
    });
    const team = calibration(summaries).team;
    expect(team.ratingDistribution).toEqual({ 1: 1, 2: 2, 3: 0, 4: 3, 5: 1 });
    expect(team.recommendationDistribution).toEqual({
      strong_no: 0,
      no: 1,
      yes: 0,
      strong_yes: 2,
    });
  });
});

describe("calibration: median days to submit", () => {
  const submitted = "2026-06-21T12:00:00.000Z";
  /** A scorecard submitted `days` after its interviewer was put on the panel. */
  const after = (days: number, interviewer = 1): ScorecardSummary =>
    card({
      assessment: 100 + days,
      interviewer,
      submittedAt: submitted,
      assignedAt: new Date(Date.parse(submitted) - days * 86_400_000).toISOString(),
    });

  it("is the middle value of an odd count, in days with their fractions", () => {
    expect(habits([after(10), after(0.5), after(3)], 1).medianDaysToSubmit).toBe(3);
    expect(habits([after(0.5)], 1).medianDaysToSubmit).toBe(0.5);
  });

  it("is the mean of the two middle values of an even count", () => {
    expect(habits([after(20), after(1), after(10), after(3)], 1).medianDaysToSubmit).toBe(6.5);
  });

  it("leaves out an assignment made after the submission", () => {
    // −2: removed and added back after submitting. Left in, the median of −2, 1, 3, 10 would be 2.
    expect(habits([after(-2), after(1), after(3), after(10)], 1).medianDaysToSubmit).toBe(3);
  });

  it("leaves out a scorecard without its assignment", () => {
    const noAssignment = card({
      assessment: 1,
      interviewer: 1,
      submittedAt: submitted,
      assignedAt: null,
    });
    expect(habits([noAssignment, after(1), after(5)], 1).medianDaysToSubmit).toBe(3);
  });

  it("is null when no scorecard has its assignment, or every one came after", () => {
    expect(habits([card({ assessment: 1, interviewer: 1, assignedAt: null })], 1).medianDaysToSubmit).toBeNull();
    expect(habits([after(-1)], 1).medianDaysToSubmit).toBeNull();
  });

  it("the team row takes the median over every scorecard", () => {
    expect(calibration([after(1, 1), after(2, 1), after(9, 2)]).team.medianDaysToSubmit).toBe(2);
  });
});

describe("calibration: the team row", () => {
  it("is every scorecard together, with no leniency and the outliers' total", () => {
    const summaries = [
      card({
        assessment: 1,
        interviewer: 1,
        ratings: { openness: [5] },
        kitCells: 4,
        ratedCells: 1,
      }),
      card({
        assessment: 1,
        interviewer: 2,
        ratings: { openness: [4] },
        kitCells: 4,
        ratedCells: 1,
      }),
      card({
        assessment: 1,
        interviewer: 3,
        ratings: { openness: [1] },
        kitCells: 4,
        ratedCells: 1,
        recommendation: "strong_no",
      }),
      card({
        assessment: 2,
        interviewer: 1,
        ratings: { openness: [3] },
        kitCells: 2,
        ratedCells: 2,
      }),
    ];
    const result = calibration(summaries);
    expect(result.team).toEqual({
      scorecards: 4,
      adherence: 5 / 14,
      leniency: null,
      outlierCount: 1,
      ratingDistribution: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 1 },
      recommendationDistribution: {
        strong_no: 1,
        no: 0,
        yes: 3,
        strong_yes: 0,
      },
      medianDaysToSubmit: null,
    });
  });
});

describe("calibration: reliability per trait", () => {
  it("makes one group per assessment of its scorecards' mean ratings, leaving out scorecards that did not rate the trait", () => {
    // Five assessments rate openness twice each; a third scorecard on each rated only conscientiousness
    // (left in, its 0/0 would be NaN, or a 0 far off the scale); assessment 6 has one rating of openness.
    const openness: Rating[][][] = [
      [[4, 5], [4]],
      [[2], [1, 2]],
      [[3], [3, 4]],
      [[5], [5]],
      [[1, 1], [2]],
    ];
    const summaries = openness.flatMap(([a, b], i) => [
      card({ assessment: i + 1, interviewer: 1, ratings: { openness: a! } }),
      card({ assessment: i + 1, interviewer: 2, ratings: { openness: b! } }),
      card({
        assessment: i + 1,
        interviewer: 3,
        ratings: { conscientiousness: [3] },
      }),
    ]);
    summaries.push(
      card({
        assessment: 6,
        interviewer: 1,
        ratings: { openness: [2], conscientiousness: [4] },
      }),
    );
    const groups = [[4.5, 4], [2, 1.5], [3, 3.5], [5, 5], [1, 2], [2]];
    const { reliability } = calibration(summaries);
    expect(reliability.openness).toEqual(traitReliability(groups));
    expect(reliability.openness.status).toBe("estimated");
    if (reliability.openness.status === "estimated") expect(reliability.openness.estimate).toEqual(oneWayIcc(groups));
    // Conscientiousness: six assessments, each rated by one scorecard: no group counts.
    expect(reliability.conscientiousness).toEqual({
      status: "not_enough_data",
      assessments: 0,
    });
    expect(reliability.extraversion).toEqual({
      status: "not_enough_data",
      assessments: 0,
    });
  });

  it("says not enough data below 5 assessments and no variation when every reading is the same", () => {
    const panels = (n: number, ratings: [Rating, Rating]) =>
      Array.from({ length: n }, (_, i) => [
        card({
          assessment: i + 1,
          interviewer: 1,
          ratings: { openness: [ratings[0]] },
        }),
        card({
          assessment: i + 1,
          interviewer: 2,
          ratings: { openness: [ratings[1]] },
        }),
      ]).flat();
    expect(calibration(panels(4, [3, 4])).reliability.openness).toEqual({
      status: "not_enough_data",
      assessments: 4,
    });
    expect(calibration(panels(5, [4, 4])).reliability.openness).toEqual({
      status: "no_variation",
      assessments: 5,
    });
  });
});

describe("defaultCalibrationPeriod: the last 12 months, today included", () => {
  it("on 2026-12-04 runs from 2025-12-05 to 2026-12-04, whatever the time of day (UTC)", () => {
    for (const now of ["2026-12-04T00:00:00.000Z", "2026-12-04T21:50:00.000Z", "2026-12-04T23:59:59.999Z"]) {
      expect(defaultCalibrationPeriod(new Date(now))).toEqual({
        from: "2025-12-05",
        to: "2026-12-04",
      });
    }
  });

  it("crosses month and year ends", () => {
    expect(defaultCalibrationPeriod(new Date("2026-12-31T10:00:00Z"))).toEqual({
      from: "2026-01-01",
      to: "2026-12-31",
    });
    expect(defaultCalibrationPeriod(new Date("2027-01-31T10:00:00Z"))).toEqual({
      from: "2026-02-01",
      to: "2027-01-31",
    });
    expect(defaultCalibrationPeriod(new Date("2026-03-01T10:00:00Z"))).toEqual({
      from: "2025-03-02",
      to: "2026-03-01",
    });
  });

  it("on a 29 February starts on 1 March: the year before has no 29 February, its 28th stands for it", () => {
    expect(defaultCalibrationPeriod(new Date("2028-02-29T12:00:00Z"))).toEqual({
      from: "2027-03-01",
      to: "2028-02-29",
    });
  });

  it("the year after a leap day takes the 29 February in", () => {
    expect(defaultCalibrationPeriod(new Date("2029-02-28T12:00:00Z"))).toEqual({
      from: "2028-02-29",
      to: "2029-02-28",
    });
    expect(defaultCalibrationPeriod(new Date("2029-03-01T12:00:00Z"))).toEqual({
      from: "2028-03-02",
      to: "2029-03-01",
    });
  });

  it("every day of 2024 to 2031: 365 days, or 366 when a 29 February falls in them", () => {
    const DAY = 86_400_000;
    for (let t = Date.UTC(2024, 0, 1); t <= Date.UTC(2031, 11, 31); t += DAY) {
      const { from, to } = defaultCalibrationPeriod(new Date(t + 13 * 3_600_000));
      expect(to).toBe(new Date(t).toISOString().slice(0, 10));
      const days = (Date.parse(to) - Date.parse(from)) / DAY + 1;
      const leapDays = ["2024-02-29", "2028-02-29"].filter((leap) => from <= leap && leap <= to).length;
      expect(days, to).toBe(365 + leapDays);
    }
  });
});

describe("periodInstants: whole UTC days, both ends included", () => {
  it("runs from the first day's midnight (inclusive) to the midnight after the last day (exclusive)", () => {
    expect(periodInstants({ from: "2025-12-05", to: "2026-12-04" })).toEqual({
      from: "2025-12-05T00:00:00.000Z",
      to: "2026-12-05T00:00:00.000Z",
    });
  });

  it("crosses a year end and a leap day", () => {
    expect(periodInstants({ from: "2026-01-01", to: "2026-12-31" }).to).toBe("2027-01-01T00:00:00.000Z");
    expect(periodInstants({ from: "2027-03-01", to: "2028-02-28" }).to).toBe("2028-02-29T00:00:00.000Z");
    expect(periodInstants({ from: "2027-03-01", to: "2028-02-29" }).to).toBe("2028-03-01T00:00:00.000Z");
  });

  it("a period of one day is the 24 hours of that day", () => {
    const { from, to } = periodInstants({
      from: "2026-06-10",
      to: "2026-06-10",
    });
    expect(Date.parse(to) - Date.parse(from)).toBe(86_400_000);
  });
});

describe("calibration: who sees the team's figures", () => {
  it("shows them to a recruiter always, to an interviewer only with three or more interviewers behind them", () => {
    expect(maySeeTeamFigures("recruiter", 1)).toBe(true);
    expect(maySeeTeamFigures("interviewer", 1)).toBe(false);
    // Two: the team minus the reader's own row is their colleague's.
    expect(maySeeTeamFigures("interviewer", 2)).toBe(false);
    expect(maySeeTeamFigures("interviewer", 3)).toBe(true);
  });
});
