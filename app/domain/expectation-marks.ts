/*
 * Expectation marks (docs/product.md, "Skill expectations in assessments"): a
 * kit freezes its role's skill expectations at the kit's level, and each
 * interviewer may mark, per expectation, whether the candidate met it. No mark
 * is "not asked". The panel reads the submitted scorecards' marks together.
 */

/** What an interviewer may mark an expectation; "not asked" is the absence of a mark. */
export const EXPECTATION_MARKS = ["met", "partly", "not_met"] as const;

export type ExpectationMark = (typeof EXPECTATION_MARKS)[number];

/** The form's value for an expectation the interviewer did not ask about (stored as no mark). */
export const NOT_ASKED = "not_asked";

export function isExpectationMark(value: unknown): value is ExpectationMark {
  return EXPECTATION_MARKS.some((mark) => mark === value);
}

/** The panel's view of one expectation: met, not met, or asked by no one. */
export type ExpectationVerdict = "met" | "not_met" | "not_asked";

/** One expectation as the panel reads it from the submitted scorecards. */
export type PanelExpectation = {
  position: number;
  /** Each submitting interviewer's mark, by interviewer id; absent: not asked. */
  marks: Record<string, ExpectationMark>;
  /** Interviewers who marked it, and how many of them marked met, partly and not met. */
  asked: number;
  counts: Record<ExpectationMark, number>;
  verdict: ExpectationVerdict;
};

/**
 * The rule of "meets the expectation": at least one interviewer asked about it,
 * and more than half of those who asked marked it met (partly is not met).
 */
export function expectationVerdict(counts: Record<ExpectationMark, number>): ExpectationVerdict {
  const asked = counts.met + counts.partly + counts.not_met;
  if (asked === 0) return "not_asked";
  return counts.met * 2 > asked ? "met" : "not_met";
}

/** Per expectation of the kit (in its order), the submitted scorecards' marks and the panel's verdict, beside what the kit says of it. */
export function panelExpectations<E extends { position: number }>(
  expectations: readonly E[],
  scorecards: readonly { interviewerId: string; marks: readonly { position: number; mark: ExpectationMark }[] }[],
): (E & PanelExpectation)[] {
  return expectations.map((expectation) => {
    const { position } = expectation;
    const marks: Record<string, ExpectationMark> = {};
    const counts: Record<ExpectationMark, number> = { met: 0, partly: 0, not_met: 0 };
    for (const card of scorecards) {
      const mark = card.marks.find((m) => m.position === position)?.mark;
      if (mark === undefined) continue;
      marks[card.interviewerId] = mark;
      counts[mark] += 1;
    }
    return {
      ...expectation,
      position,
      marks,
      asked: counts.met + counts.partly + counts.not_met,
      counts,
      verdict: expectationVerdict(counts),
    };
  });
}

/** "Meets the expectations in `met` of `total` skills", and how many of them no interviewer asked about. */
export type ExpectationSummary = { met: number; total: number; notAsked: number };

export function expectationSummary(expectations: readonly PanelExpectation[]): ExpectationSummary {
  return {
    met: expectations.filter((e) => e.verdict === "met").length,
    total: expectations.length,
    notAsked: expectations.filter((e) => e.verdict === "not_asked").length,
  };
}
