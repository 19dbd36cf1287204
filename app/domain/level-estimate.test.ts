import { describe, expect, it } from "vitest";
import { estimateLevel, levelStanding, nextLevel } from "./level-estimate";
import { LEVELS, type Level } from "./levels";

const everywhere: Level[] = [...LEVELS];

/** `count` skills expected at every level, none mandatory, each met up to `met`. */
function skills(count: number, met: Level | null, expectedAt: Level[] = everywhere, mandatoryAt: Level[] = []) {
  return Array.from({ length: count }, () => ({ expectedAt, mandatoryAt, met }));
}

describe("a level qualifies with every mandatory skill and 80 % of its expected skills met", () => {
  it("estimates Principal when every skill is met at Principal", () => {
    expect(estimateLevel(skills(5, "principal"))).toBe("principal");
  });

  it("estimates the highest level met by every skill", () => {
    expect(estimateLevel(skills(5, "senior"))).toBe("senior");
  });

  it("is below Junior (null) when nothing is met", () => {
    expect(estimateLevel(skills(5, null))).toBeNull();
  });

  it("qualifies at exactly 80 % and not one skill below it", () => {
    const fourOfFive = [...skills(4, "mid"), ...skills(1, "junior")];
    expect(estimateLevel(fourOfFive)).toBe("mid");
    const sevenOfTen = [...skills(7, "mid"), ...skills(3, "junior")];
    expect(levelStanding(sevenOfTen, "mid").qualifies).toBe(false);
    expect(estimateLevel(sevenOfTen)).toBe("junior");
    const eightOfTen = [...skills(8, "mid"), ...skills(2, "junior")];
    expect(estimateLevel(eightOfTen)).toBe("mid");
  });

  it("refuses a level when one mandatory skill is missed there, however many others are met", () => {
    const many = [...skills(9, "lead"), ...skills(1, "mid", everywhere, ["senior"])];
    expect(levelStanding(many, "senior").mandatoryMissed).toHaveLength(1);
    expect(estimateLevel(many)).toBe("mid");
    const metAbove = [...skills(9, "lead"), ...skills(1, "lead", everywhere, ["senior"])];
    expect(estimateLevel(metAbove)).toBe("lead");
  });

  it('does not count a skill at a level its matrix cell leaves out (a "—" cell)', () => {
    const juniorOnlyGap = [...skills(4, "lead"), ...skills(1, null, ["junior", "mid", "senior", "lead", "principal"])];
    expect(estimateLevel(juniorOnlyGap)).toBe("lead");
    // The same fifth skill, not expected at Junior or Mid: 4 of 4 are met there.
    const notExpectedLow = [...skills(4, "mid"), ...skills(1, null, ["senior", "lead", "principal"])];
    expect(levelStanding(notExpectedLow, "junior").expected).toHaveLength(4);
    expect(estimateLevel(notExpectedLow)).toBe("mid");
  });

  it("stops at a level no skill is expected at, even when higher levels would qualify", () => {
    const gap = skills(3, "principal", ["junior", "mid", "lead", "principal"]);
    expect(levelStanding(gap, "senior").qualifies).toBe(false);
    expect(estimateLevel(gap)).toBe("mid");
  });

  it("stops at the first level that does not qualify: a higher qualifying level does not count", () => {
    const mandatoryMidMissed = [...skills(9, "principal"), ...skills(1, "junior", everywhere, ["mid"])];
    expect(levelStanding(mandatoryMidMissed, "mid").qualifies).toBe(false);
    expect(levelStanding(mandatoryMidMissed, "senior").qualifies).toBe(true);
    expect(estimateLevel(mandatoryMidMissed)).toBe("junior");
  });

  it("gives no estimate for a role without skills", () => {
    expect(estimateLevel([])).toBeNull();
  });

  it("lists what stops a level, mandatory skills first", () => {
    const optional = { expectedAt: everywhere, mandatoryAt: [] as Level[], met: "junior" as Level };
    const mandatory = { expectedAt: everywhere, mandatoryAt: ["mid"] as Level[], met: null };
    const standing = levelStanding([optional, mandatory, ...skills(3, "mid")], "mid");
    expect(standing.missing).toEqual([mandatory, optional]);
    expect(standing.met).toHaveLength(3);
  });

  it("names the next level to work towards, none after Principal", () => {
    expect(nextLevel(null)).toBe("junior");
    expect(nextLevel("senior")).toBe("lead");
    expect(nextLevel("principal")).toBeNull();
  });
});
