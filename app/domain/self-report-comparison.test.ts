import { describe, expect, it } from "vitest";
import type { PanelTrait } from "./panel";
import type { DomainScore, SelfReportDomain } from "./self-report";
import { compareSelfReport, selfReportFit } from "./self-report-comparison";
import { traitRecord, type TraitKey } from "./traits";

const TRAITS: Record<SelfReportDomain, TraitKey> = {
  O: "openness",
  C: "conscientiousness",
  E: "extraversion",
  A: "agreeableness",
  N: "emotional_stability",
};

function domains(scores: Partial<Record<SelfReportDomain, number | null>>): DomainScore[] {
  return (Object.keys(TRAITS) as SelfReportDomain[]).map((domain) => {
    const score = scores[domain] ?? null;
    return { domain, trait: TRAITS[domain], score, answered: score === null ? 18 : 24, items: 24, facets: [] };
  });
}

const assessed = (score: number, evidence = 3): PanelTrait => ({
  status: "assessed",
  score,
  evidence,
  interviewers: [],
  spread: 0,
  needsCalibration: false,
});

describe("the self-report beside the interview", () => {
  const panel = traitRecord<PanelTrait>((trait) =>
    trait === "agreeableness"
      ? { status: "not_assessed", evidence: 0 }
      : trait === "extraversion"
        ? { status: "not_in_kit", evidence: 0 }
        : assessed(50),
  );

  it("flags a difference of 25 points or more, either way, and not one below", () => {
    const rows = compareSelfReport(panel, domains({ O: 75, C: 25, N: 74.9, E: 10, A: 90 }));
    const row = (trait: TraitKey) => rows.find((r) => r.trait === trait);
    expect(row("openness")).toMatchObject({ difference: 25, probe: true });
    expect(row("conscientiousness")).toMatchObject({ difference: -25, probe: true });
    expect(row("emotional_stability")?.probe).toBe(false);
  });

  it("has no difference where a side has no score: not assessed, not in the kit, not scored, not measured (never 0)", () => {
    const rows = compareSelfReport(panel, domains({ O: null, E: 10, A: 90 }));
    const row = (trait: TraitKey) => rows.find((r) => r.trait === trait);
    expect(row("openness")).toMatchObject({ self: { status: "not_scored", answered: 18, items: 24 }, difference: null, probe: false });
    expect(row("agreeableness")).toMatchObject({ interview: { status: "not_assessed" }, difference: null });
    expect(row("extraversion")).toMatchObject({ interview: { status: "not_in_kit" }, difference: null });
    expect(row("relational_engagement")).toMatchObject({ self: { status: "not_measured" }, difference: null, probe: false });
  });

  it("computes the self-report's fit with the interview's formula, its unscored traits lowering coverage only", () => {
    const profile = traitRecord(() => ({ low: 60, high: 80, weight: 1 }));
    // Every scored trait at 70 → 100; five of six traits scored → coverage 5/6.
    expect(selfReportFit(domains({ O: 70, C: 70, E: 70, A: 70, N: 70 }), profile)).toEqual({ fit: 100, coverage: 5 / 6 });
    expect(selfReportFit(domains({}), profile)).toEqual({ fit: null, coverage: 0 });
  });
});
