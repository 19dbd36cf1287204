import { LEVELS, type Level } from "./levels";

/*
 * The grade calculator's rule (docs/product.md, "Grade calculator"): where a
 * person stands on a role's path from Junior to Principal, from the highest
 * level they meet in each skill of the role's matrix.
 */

/** One skill of a role's matrix as the calculator weighs it. */
export type LevelSkill = {
  /** Levels whose matrix cell names an expectation (a cell of "—", or no cell, is not expected). */
  expectedAt: readonly Level[];
  /** Levels at which the role's skill profile makes the skill mandatory. */
  mandatoryAt: readonly Level[];
  /** The highest level whose expectation the person meets; null for "not yet". */
  met: Level | null;
};

/** The share of a level's expected skills that must be met for the level to qualify: 80 %, as 4 in 5. */
export const QUALIFYING_SHARE = { met: 4, of: 5 } as const;

const rank = (level: Level): number => LEVELS.indexOf(level);

/** Whether a skill's answer meets `level`: its highest level met is `level` or above. */
export function meetsAt(met: Level | null, level: Level): boolean {
  return met !== null && rank(met) >= rank(level);
}

/** A level's standing: what it expects, what is met, and what stops it from qualifying. */
export type LevelStanding<S extends LevelSkill> = {
  level: Level;
  /** Skills expected at the level. */
  expected: S[];
  /** Of those, the skills met at the level or above. */
  met: S[];
  /** Skills mandatory at the level and not met at it. */
  mandatoryMissed: S[];
  /** Skills expected at the level and not met at it, mandatory ones first. */
  missing: S[];
  qualifies: boolean;
};

/**
 * A level qualifies when at least one skill is expected at it, every skill
 * mandatory at it is met at it or above, and at least 80 % of the skills
 * expected at it are met at it or above.
 */
export function levelStanding<S extends LevelSkill>(skills: readonly S[], level: Level): LevelStanding<S> {
  const expected = skills.filter((skill) => skill.expectedAt.includes(level));
  const met = expected.filter((skill) => meetsAt(skill.met, level));
  const mandatoryMissed = skills.filter((skill) => skill.mandatoryAt.includes(level) && !meetsAt(skill.met, level));
  const notMet = expected.filter((skill) => !meetsAt(skill.met, level));
  const missing = [...mandatoryMissed, ...notMet.filter((skill) => !mandatoryMissed.includes(skill))];
  const enoughMet = met.length * QUALIFYING_SHARE.of >= expected.length * QUALIFYING_SHARE.met;
  return {
    level,
    expected,
    met,
    mandatoryMissed,
    missing,
    qualifies: expected.length > 0 && mandatoryMissed.length === 0 && enoughMet,
  };
}

/**
 * The estimate: the highest level such that it and every level below it
 * qualify; null ("below Junior") when Junior does not.
 */
export function estimateLevel(skills: { expectedAt: Level[]; mandatoryAt: Level[]; met: Level | null }[]): Level | null {
  let estimate: Level | null = null;
  for (const level of LEVELS) {
    if (!levelStanding(skills, level).qualifies) break;
    estimate = level;
  }
  return estimate;
}

/** The level after the estimate, the one to work towards; null when the estimate is Principal. */
export function nextLevel(estimate: Level | null): Level | null {
  return LEVELS[estimate === null ? 0 : rank(estimate) + 1] ?? null;
}
