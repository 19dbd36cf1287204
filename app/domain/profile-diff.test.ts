import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyChanges, ChangeDoesNotApply, diffProfiles, mergeChanges, resolveConflicts, type Json } from "./profile-diff";

const ROLE: Json = {
  slug: "mlops-engineer",
  name: "MLOps Engineer",
  summary: { en: "Runs models in production." },
  idealProfile: {
    openness: { low: 65, high: 85, weight: 2 },
    conscientiousness: { low: 75, high: 95, weight: 3 },
  },
  questions: [{ text: { en: "Q1" } }, { text: { en: "Q2" } }, { text: { en: "Q3" } }],
  strengths: [{ en: "A" }, { en: "B" }],
};

type RoleDoc = {
  name: string;
  summary: Record<string, string>;
  idealProfile: Record<"openness" | "conscientiousness", { low: number; high: number; weight: number }>;
  questions: [{ text: { en: string } }, ...{ text: { en: string } }[]];
};

function asRole(doc: Json | null): RoleDoc {
  return doc as unknown as RoleDoc;
}

function edited(change: (doc: RoleDoc) => void): Json {
  const doc = structuredClone(ROLE);
  change(asRole(doc));
  return doc;
}

/** Small JSON documents shaped like profiles: records of scalars, records and lists. */
const profileLike: fc.Arbitrary<Json> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.integer({ min: 0, max: 5 }),
    fc.constantFrom("a", "b", "c"),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("x", "y", "z"), tie("value"), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value as fc.Arbitrary<Json>;

describe("diff and apply are inverse", () => {
  it("applying the diff of two documents to the first gives the second", () => {
    fc.assert(
      fc.property(profileLike, profileLike, (before, after) => {
        expect(applyChanges(before, diffProfiles(before, after))).toEqual(after);
      }),
      { numRuns: 500 },
    );
  });

  it("the same document has no changes", () => {
    expect(diffProfiles(ROLE, structuredClone(ROLE))).toEqual([]);
  });

  it("a changed band is one field change per changed number", () => {
    const after = edited((doc) => {
      doc.idealProfile.openness.high = 90;
    });
    expect(diffProfiles(ROLE, after)).toEqual([{ kind: "field", path: ["idealProfile", "openness", "high"], before: 85, after: 90 }]);
  });

  it("a question removed from the middle is one list change, not a shift of those after it", () => {
    const after = edited((doc) => {
      doc.questions.splice(1, 1);
    });
    expect(diffProfiles(ROLE, after)).toEqual([{ kind: "list", path: ["questions"], at: 1, removed: [{ text: { en: "Q2" } }], added: [] }]);
  });

  it("a key added or removed has no before or no after", () => {
    const after = edited((doc) => {
      doc.summary = { en: "Runs models.", es: "Opera modelos." };
    });
    expect(diffProfiles(ROLE, after)).toEqual([
      { kind: "field", path: ["summary", "en"], before: "Runs models in production.", after: "Runs models." },
      { kind: "field", path: ["summary", "es"], after: "Opera modelos." },
    ]);
  });

  it("refuses changes made from another version", () => {
    const changes = diffProfiles(
      ROLE,
      edited((doc) => {
        doc.idealProfile.openness.high = 90;
      }),
    );
    const moved = edited((doc) => {
      doc.idealProfile.openness.high = 80;
    });
    expect(() => applyChanges(moved, changes)).toThrow(ChangeDoesNotApply);
  });
});

describe("applying to a changed base reports the conflicting fields", () => {
  const proposal = diffProfiles(
    ROLE,
    edited((doc) => {
      doc.idealProfile.openness.high = 90;
      doc.idealProfile.conscientiousness.low = 70;
      doc.questions.push({ text: { en: "Q4" } });
    }),
  );

  it("merges changes to other fields and lists without a conflict", () => {
    const current = edited((doc) => {
      doc.name = "MLOps Engineer II";
      doc.questions[0].text.en = "Q1, reworded";
    });
    const { merged, conflicts } = mergeChanges(ROLE, current, proposal);
    expect(conflicts).toEqual([]);
    expect(merged).toEqual(
      edited((doc) => {
        doc.name = "MLOps Engineer II";
        doc.questions[0].text.en = "Q1, reworded";
        doc.idealProfile.openness.high = 90;
        doc.idealProfile.conscientiousness.low = 70;
        doc.questions.push({ text: { en: "Q4" } });
      }),
    );
  });

  it("reports a field both changed differently, with the three values, and applies the rest", () => {
    const current = edited((doc) => {
      doc.idealProfile.openness.high = 80;
    });
    const { merged, conflicts } = mergeChanges(ROLE, current, proposal);
    expect(conflicts).toEqual([
      { key: "idealProfile.openness.high", path: ["idealProfile", "openness", "high"], kind: "field", base: 85, current: 80, proposed: 90 },
    ]);
    expect(asRole(merged).idealProfile.openness.high).toBe(80);
    expect(asRole(merged).idealProfile.conscientiousness.low).toBe(70);
  });

  it("a change the current version already has is no conflict", () => {
    const current = edited((doc) => {
      doc.idealProfile.openness.high = 90;
    });
    expect(mergeChanges(ROLE, current, proposal).conflicts).toEqual([]);
  });

  it("reports a list both changed at the same place", () => {
    const current = edited((doc) => {
      doc.questions.push({ text: { en: "Another Q4" } });
    });
    const { conflicts } = mergeChanges(ROLE, current, proposal);
    expect(conflicts.map((c) => c.key)).toEqual(["questions"]);
    expect(conflicts[0]?.proposed).toEqual([...asRole(ROLE).questions, { text: { en: "Q4" } }]);
  });

  it("applies nothing until every conflict has a choice, then each choice", () => {
    const current = edited((doc) => {
      doc.idealProfile.openness.high = 80;
    });
    const merge = mergeChanges(ROLE, current, proposal);
    expect(resolveConflicts(merge, {}).unresolved.map((c) => c.key)).toEqual(["idealProfile.openness.high"]);
    const proposed = asRole(resolveConflicts(merge, { "idealProfile.openness.high": "proposed" }).resolved);
    expect(proposed.idealProfile.openness.high).toBe(90);
    const kept = asRole(resolveConflicts(merge, { "idealProfile.openness.high": "current" }).resolved);
    expect(kept.idealProfile.openness.high).toBe(80);
  });

  it("the merge of an unchanged base is the proposal itself", () => {
    fc.assert(
      fc.property(profileLike, profileLike, (before, after) => {
        const { merged, conflicts } = mergeChanges(before, before, diffProfiles(before, after));
        expect(conflicts).toEqual([]);
        expect(merged).toEqual(after);
      }),
      { numRuns: 300 },
    );
  });
});
