import { describe, expect, it } from "vitest";
import { parseCompareIds, parseRankingQuery, roleSlugParam } from "./ranking";
import { publishReportSchema, revokeReportSchema } from "./report";

describe("the ranking's query: anything odd falls back to the default", () => {
  it("reads each filter, and replaces a value it cannot read by the default rather than refusing the page", () => {
    expect(parseRankingQuery(new URLSearchParams("decision=hold&minCoverage=50&complete=0&page=3"))).toEqual({
      decision: "hold",
      minCoverage: 50,
      complete: false,
      page: 3,
    });
    expect(parseRankingQuery(new URLSearchParams("decision=maybe&minCoverage=101&page=0"))).toEqual({
      decision: "any",
      minCoverage: 0,
      complete: true,
      page: 1,
    });
    expect(parseRankingQuery(new URLSearchParams("minCoverage=2.5&page=x"))).toEqual({
      decision: "any",
      minCoverage: 0,
      complete: true,
      page: 1,
    });
  });

  it("reads a role's slug in lower case, digits and dashes only", () => {
    expect(roleSlugParam.safeParse("mlops-engineer").success).toBe(true);
    for (const slug of ["", "-x", "MLOps", "a b", "a".repeat(201)]) expect(roleSlugParam.safeParse(slug).success, slug).toBe(false);
  });

  it("compares two to four distinct candidates, given repeated or as a comma list", () => {
    expect(parseCompareIds(["1,2", "2", "3"])).toEqual({ ok: true, ids: [1, 2, 3] });
    expect(parseCompareIds(["1"])).toEqual({ ok: false, reason: "tooFew", count: 1 });
    expect(parseCompareIds(["1,2,3,4,5"])).toEqual({ ok: false, reason: "tooMany", count: 5 });
    for (const value of ["1,x", "1,-2", "0,1", "1,2.5", "1,99999999999999999999"])
      expect(parseCompareIds([value]), value).toEqual({ ok: false, reason: "badIds" });
  });
});

describe("a report is published for up to 365 days, in English, Spanish or Chinese", () => {
  it("reads the expiry in whole days, or none, and refuses anything else by its field", () => {
    expect(publishReportSchema.safeParse({ language: "es", expiresInDays: " 30 ", earlier: "revoke" }).data).toEqual({
      language: "es",
      expiresInDays: 30,
      earlier: "revoke",
    });
    expect(publishReportSchema.safeParse({ language: "en", expiresInDays: "" }).data).toEqual({ language: "en", expiresInDays: null });
    expect(publishReportSchema.safeParse({ language: "zh-CN", expiresInDays: "" }).data).toEqual({
      language: "zh-CN",
      expiresInDays: null,
    });
    expect(publishReportSchema.safeParse({ language: "zh" }).error?.issues.map((issue) => issue.message)).toEqual(["language"]);
    for (const expiresInDays of ["0", "366", "1.5", "07", "x"]) {
      const parsed = publishReportSchema.safeParse({ language: "en", expiresInDays });
      const issues = parsed.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
      expect(issues.length, expiresInDays).toBeGreaterThan(0);
      expect(new Set(issues), expiresInDays).toEqual(new Set(["expiresInDays: expiresInDays"]));
    }
    expect(publishReportSchema.safeParse({ language: "fr", earlier: "later" }).error?.issues.map((issue) => issue.message)).toEqual([
      "language",
      "earlier",
    ]);
  });

  it("revokes a link by its positive whole id", () => {
    expect(revokeReportSchema.safeParse({ reportId: "12" }).data).toEqual({ reportId: 12 });
    for (const reportId of ["0", "-1", "1.5", "x"]) expect(revokeReportSchema.safeParse({ reportId }).success, reportId).toBe(false);
  });
});
