import type { Level } from "~/domain/levels";
import type { ShownText } from "~/domain/shown-text";
import type { SentChart } from "~/components/charts/drawing";

/** What a skill asks at a level: its profile's text for the role, or the matrix code as published (read with the level's focus). */
export type ExpectationView = { kind: "profile"; text: ShownText } | { kind: "matrix"; code: string };

/** One skill as the calculator asks it, with the person's answer from the page's address. */
export type SkillQuestion = {
  slug: string;
  name: string;
  /** The levels one may answer: those the skill has an expectation at, in order. */
  choices: Level[];
  mandatoryAt: Level[];
  expectations: Partial<Record<Level, ExpectationView>>;
  /** The highest level met, null for "not yet". */
  answer: Level | null;
  /** The address held a value for this skill that is not one of its choices. */
  invalid: boolean;
};

export type SkillGroup = { name: string; skills: SkillQuestion[] };

/** A level's line of the "met at each level" table. */
export type LevelRow = { level: Level; expected: number; met: number; mandatoryMissed: number; counts: boolean };

/** A skill that keeps the next level from counting. */
export type MissingSkill = { slug: string; name: string; mandatory: boolean; answer: Level | null; expectation: ExpectationView | null };

export type NextLevelView = {
  level: Level;
  expected: number;
  met: number;
  /** Skills expected at the level that must still be met to reach 80 %. */
  moreNeeded: number;
  /** Skills expected at the level met for 80 %, rounded up. */
  needed: number;
  hasMandatory: boolean;
  /** The level's focus, which reads a matrix code. */
  focus: ShownText | null;
  missing: MissingSkill[];
};

export type LevelResults = {
  estimate: Level | null;
  answered: number;
  total: number;
  next: NextLevelView | null;
  rows: LevelRow[];
  chart: SentChart;
};
