import { describe, expect, it } from "vitest";
import { diffKitVersions, type ComparedKitVersion } from "./kit-versions";

const question = (text: string, sourceQuestionId: number | null = null): ComparedKitVersion["questions"][number] => ({
  text,
  sourceQuestionId,
  traits: ["openness"],
  anchors: [],
});

const base: ComparedKitVersion = {
  name: "Panel",
  level: "senior",
  traits: [],
  questions: [question("A", 1), question("B", 2)],
  strengths: ["Calm"],
  redFlags: [],
  expectations: [],
};

/** Shows a text with the version it was read from, so each test sees which side a text came from. */
const show = (stored: string, from: "older" | "newer") => `${from}:${stored}`;

describe("what changed between two kit versions", () => {
  it("two equal versions have no changes", () => {
    expect(diffKitVersions(base, { ...base }, show)).toEqual([]);
  });

  it("a removed text is shown from the older version, an added one from the newer", () => {
    const newer = { ...base, questions: [question("A", 1), question("C")], strengths: ["Curious"] };
    expect(diffKitVersions(base, newer, show)).toEqual([
      { kind: "questionAdded", text: "newer:C" },
      { kind: "questionRemoved", text: "older:B" },
      { kind: "strengthAdded", text: "newer:Curious" },
      { kind: "strengthRemoved", text: "older:Calm" },
    ]);
  });

  it("a role question keeps its identity across versions: a new text is a change, a new place a reordering", () => {
    const newer = { ...base, questions: [question("B", 2), question("A, reworded", 1)] };
    expect(diffKitVersions(base, newer, show)).toEqual([
      { kind: "questionChanged", text: "newer:A, reworded" },
      { kind: "questionsReordered" },
    ]);
  });

  it("an ideal profile appearing, going or changing is told apart", () => {
    const profile = [{ trait: "openness" as const, low: 3, high: 4, weight: 1, statement: null }];
    expect(diffKitVersions(base, { ...base, traits: profile }, show)).toEqual([{ kind: "idealProfileAdded" }]);
    expect(diffKitVersions({ ...base, traits: profile }, base, show)).toEqual([{ kind: "idealProfileRemoved" }]);
    expect(diffKitVersions({ ...base, traits: profile }, { ...base, traits: [{ ...profile[0]!, high: 5 }] }, show)).toEqual([
      { kind: "idealProfileChanged" },
    ]);
  });
});
