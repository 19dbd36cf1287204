import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { oneWayIcc, reliabilityBand } from "../../app/domain/agreement";
import type { Recommendation } from "../../app/domain/scoring";
import type { TraitKey } from "../../app/domain/traits";
import { createAssessment } from "../../app/models/assessments.server";
import { saveScorecard, type ScoringKit } from "../../app/models/scorecards.server";
import { createCandidate } from "../../app/models/candidates.server";
import { findUserForSignIn } from "../../app/models/users.server";
import { candidateSchema } from "../../app/schemas/candidate";
import { parseScorecardForm } from "../../app/schemas/scorecard";
import enShared from "../../app/locales/en-shared";
import { calibrationFormats, numberFormats } from "../../app/utils/numbers";
import { describedBy, expectAccessible, hydrated, useBrowser, usePages } from "./browser";
import { createOwnKit, createOwnRole, createOwnUser, useTestData, type OwnRole, type OwnUser } from "./factories";

/*
 * Issue #21 in a browser: the recruiter reads the calibration page, filters a
 * role, downloads the CSV and opens an interviewer's assessments; an
 * interviewer sees their own row only; a period that is no date is refused by
 * its field. The file makes its own role, kit, three interviewers and six
 * assessments: its role's figures are its own, whatever else the shared
 * database holds, and are checked against oneWayIcc on the same ratings.
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");
const CSV_HEADER = "interviewer_id,name,email,scorecards,adherence,leniency,leniency_n,outlier_count,median_days_to_submit";
const { twoDecimals } = numberFormats("en");
const { signedTwoDecimals } = calibrationFormats("en");

/** Per assessment, each interviewer's rating of the varied trait (every other trait is rated 3 by everyone). */
const PANELS: Partial<Record<"a" | "b" | "c", 1 | 2 | 3 | 4 | 5>>[] = [
  { a: 4, b: 4, c: 5 },
  { a: 2, b: 2 },
  { a: 5, b: 4, c: 5 },
  { a: 1, b: 2 },
  { a: 3, b: 3, c: 4 },
  { a: 4, b: 5 },
];
const RECOMMENDATION: Record<"a" | "b" | "c", Recommendation> = { a: "yes", b: "no", c: "strong_yes" };

type World = {
  role: OwnRole;
  interviewers: Record<"a" | "b" | "c", OwnUser>;
  trait: TraitKey;
  /** What the page must show, computed here from the same ratings. */
  expected: {
    groups: number[][];
    leniency: Record<"a" | "b" | "c", { mean: number; n: number }>;
    assessments: Record<"a" | "b" | "c", number>;
  };
};

/** A scorecard submitted as the form posts it: every question×trait cell of the kit rated. */
async function submit(
  data: ReturnType<ReturnType<typeof useTestData>>,
  kit: ScoringKit,
  assessmentId: number,
  interviewerId: number,
  ratingOf: (trait: TraitKey) => number,
  recommendation: Recommendation,
): Promise<void> {
  const fields: [string, string][] = [
    ["intent", "submit"],
    ["recommendation", recommendation],
  ];
  for (const q of kit.questions) for (const trait of q.traits) fields.push([`rating.${q.id}.${trait}`, String(ratingOf(trait))]);
  const parsed = parseScorecardForm(fields);
  if (!parsed.ok) throw new Error(`The scorecard is not valid: ${JSON.stringify(parsed.errors)}`);
  const saved = await saveScorecard(data.db, { assessmentId, interviewerId, input: parsed.data, kit, mail: null }, new Date());
  if (saved.status !== "saved") throw new Error(`The scorecard was not saved: ${saved.status}`);
}

/** Rows of a CSV download, by column. */
function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true });
}

function screenshot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, `calibration-${name}.png`), fullPage: true });
}

describe("interviewer calibration", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage } = usePages(browser, baseURL);
  const testData = useTestData("calibration");
  let world: World;

  beforeAll(async () => {
    const data = testData();
    const role = await createOwnRole(data);
    const { kit } = await createOwnKit(data, role.slug);
    const trait = kit.questions.flatMap((q) => q.traits)[0];
    if (!trait) throw new Error("The kit rates no trait");
    const interviewers = {
      a: await createOwnUser(data, "interviewer"),
      b: await createOwnUser(data, "interviewer"),
      c: await createOwnUser(data, "interviewer"),
    };
    const recruiter = await findUserForSignIn(data.db, RECRUITER);
    if (!recruiter) throw new Error("No demo recruiter");
    // A card's mean over every rated cell: the varied trait's rating on its cells, 3 on the others.
    const cells = kit.questions.flatMap((q) => q.traits);
    const cardMean = (rating: number) => cells.reduce((sum, t) => sum + (t === trait ? rating : 3), 0) / cells.length;
    const differences: Record<"a" | "b" | "c", number[]> = { a: [], b: [], c: [] };
    const groups: number[][] = [];
    const assessments = { a: 0, b: 0, c: 0 };
    for (const panel of PANELS) {
      const who = (Object.keys(panel) as ("a" | "b" | "c")[]).filter((k) => panel[k] !== undefined);
      const candidate = await createCandidate(
        data.db,
        candidateSchema.parse({ name: data.unique("Candidate"), email: "", roleSlug: role.slug, notes: "" }),
        recruiter.id,
        new Date(),
      );
      if (!candidate.ok) throw new Error("The candidate was refused");
      const assessment = await createAssessment(
        data.db,
        {
          candidateId: candidate.id,
          kitVersionId: kit.kitVersionId,
          interviewerIds: who.map((k) => interviewers[k].id),
          actorId: recruiter.id,
          schedule: null,
          mail: null,
        },
        new Date(),
      );
      if (!assessment.ok) throw new Error("The assessment was refused");
      for (const k of who) {
        const rating = panel[k] ?? 3;
        await submit(data, kit, assessment.id, interviewers[k].id, (t) => (t === trait ? rating : 3), RECOMMENDATION[k]);
        assessments[k] += 1;
      }
      groups.push(who.map((k) => panel[k] ?? 3));
      // Leniency, recomputed: own card's mean minus the mean of the others' means.
      for (const k of who) {
        const others = who.filter((o) => o !== k).map((o) => cardMean(panel[o] ?? 3));
        differences[k].push(cardMean(panel[k] ?? 3) - others.reduce((s, v) => s + v, 0) / others.length);
      }
    }
    const leniency = Object.fromEntries(
      (["a", "b", "c"] as const).map((k) => [
        k,
        { mean: differences[k].reduce((s, v) => s + v, 0) / differences[k].length, n: differences[k].length },
      ]),
    ) as World["expected"]["leniency"];
    world = { role, interviewers, trait, expected: { groups, leniency, assessments } };
  });

  it("lets a recruiter read an interviewer's row and a trait's reliability, filter a role, download the CSV and open the scorecards", async () => {
    const { role, interviewers, trait, expected } = world;
    const page = await signedInPage(RECRUITER);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" }).click();
    await page.getByRole("heading", { level: 1, name: "Calibration" }).waitFor();
    await expect.poll(() => page.title()).toBe("Calibration · Traitkit");
    await hydrated(page);
    await expectAccessible(page);

    // Every role: this file's interviewers have scorecards of its role only, so their rows are the same as filtered.
    const rowOf = (user: OwnUser) => page.locator(`tr[data-testid="calibration-row"][data-interviewer-id="${user.id}"]`);
    const a = rowOf(interviewers.a);
    await expect(a.getByRole("rowheader").textContent()).resolves.toBe(interviewers.a.name);
    await expect(a.locator("td").first().textContent()).resolves.toBe(String(expected.assessments.a));
    const leniencyA = `${signedTwoDecimals(expected.leniency.a.mean)} (n = ${expected.leniency.a.n})`;
    await expect(a.getByTestId("calibration-leniency").textContent()).resolves.toBe(leniencyA);
    await expect(page.getByTestId("calibration-team").getByRole("rowheader").textContent()).resolves.toBe("Team (everyone)");

    // The role alone.
    await page.getByLabel("Role", { exact: true }).selectOption(role.slug);
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.waitForURL(new RegExp(`role=${role.slug}`));
    await expect
      .poll(() => page.getByTestId("calibration-row").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-interviewer-id")))))
      .toEqual([interviewers.a, interviewers.b, interviewers.c].sort((x, y) => x.name.localeCompare(y.name)).map((u) => u.id));
    await expect(page.getByTestId("calibration-period").textContent()).resolves.toContain(`${role.name}: ${PANELS.length} assessments.`);
    await expect(a.getByTestId("calibration-leniency").textContent()).resolves.toBe(leniencyA);

    // The varied trait's reliability is the one-way ICC of the same ratings; the others never vary.
    const icc = oneWayIcc(expected.groups);
    if (!icc) throw new Error("The test's ratings give no ICC");
    const traitName = enShared.traits[trait];
    const row = page.getByTestId("calibration-reliability").locator(`tr[data-trait="${trait}"]`);
    await expect(row.getByTestId("icc-n").textContent()).resolves.toBe(String(PANELS.length));
    await expect(row.getByTestId("icc-k0").textContent()).resolves.toBe(twoDecimals(icc.k0));
    await expect(row.getByTestId("icc-single").textContent()).resolves.toBe(
      `${twoDecimals(icc.single.icc)} (95% interval ${twoDecimals(icc.single.lower)} to ${twoDecimals(icc.single.upper)})`,
    );
    await expect(row.getByTestId("icc-average").textContent()).resolves.toBe(
      `${twoDecimals(icc.average.icc)} (95% interval ${twoDecimals(icc.average.lower)} to ${twoDecimals(icc.average.upper)})`,
    );
    const words = { poor: "agree poorly", moderate: "agree moderately", good: "agree well", excellent: "agree excellently" };
    await expect(row.getByTestId("icc-reading").textContent()).resolves.toBe(
      `Two interviewers rating ${traitName} ${words[reliabilityBand(icc.single.icc)]}`,
    );
    const still = page.getByTestId("calibration-reliability").locator('tr[data-status="no_variation"]').first();
    await expect(still.textContent()).resolves.toContain("Every reading of this trait was the same in its 6 assessments");
    // Each chart carries its numbers in a table: interviewer a rated every cell, the varied trait's as given.
    await page.getByTestId("calibration-ratings-chart").locator("svg.recharts-surface:visible").waitFor();
    const recommendationsOfA = page
      .getByTestId("calibration-recommendations-table")
      .locator("tbody tr")
      .filter({ has: page.getByRole("rowheader", { name: interviewers.a.name, exact: true }) });
    // Interviewer a recommended "yes" (the third column) on each of their scorecards.
    await expect(recommendationsOfA.locator("td").nth(2).textContent()).resolves.toBe(String(expected.assessments.a));
    await expectAccessible(page);
    await screenshot(page, "recruiter");

    // The CSV keeps the filters: the three rows, at full precision.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("calibration.csv");
    const text = fs.readFileSync(await download.path(), "utf8");
    expect(text.split("\n")[0]).toBe(CSV_HEADER);
    const lines = csvRows(text);
    expect(lines.map((line) => Number(line.interviewer_id)).sort()).toEqual(
      [interviewers.a.id, interviewers.b.id, interviewers.c.id].sort(),
    );
    const lineA = lines.find((line) => Number(line.interviewer_id) === interviewers.a.id);
    expect(lineA).toMatchObject({
      name: interviewers.a.name,
      email: interviewers.a.email,
      scorecards: String(expected.assessments.a),
      adherence: "1",
      leniency_n: String(expected.leniency.a.n),
    });
    expect(Number(lineA?.leniency)).toBeCloseTo(expected.leniency.a.mean, 12);

    // The name opens the interviewer's assessments of the role.
    await a.getByRole("link", { name: interviewers.a.name }).click();
    await page.waitForURL(/\/assessments\?/);
    const search = new URL(page.url()).searchParams;
    expect(search.get("interviewer")).toBe(String(interviewers.a.id));
    expect(search.get("role")).toBe(role.slug);
    await expect.poll(() => page.getByTestId("assessment-row").count()).toBe(expected.assessments.a);
  });

  it("shows an interviewer their own row only, and gives them a CSV of it", async () => {
    const { role, interviewers } = world;
    const page = await signedInPage(interviewers.c.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" }).click();
    await page.getByRole("heading", { level: 1, name: "Calibration" }).waitFor();
    await expect(page.getByTestId("calibration-row").count()).resolves.toBe(1);
    const own = page.getByTestId("calibration-row");
    await expect(own.getByRole("rowheader").textContent()).resolves.toBe(interviewers.c.name);
    await expect(own.getByRole("link").getAttribute("href")).resolves.toBe("/assessments");
    await expect(page.getByTestId("calibration-team").count()).resolves.toBe(1);
    // The charts' tables: their own row and the team's, no one else's.
    await expect(page.getByTestId("calibration-ratings-table").locator("tbody tr").count()).resolves.toBe(2);
    await expectAccessible(page);

    const csv = await page.request.get(`${baseURL}/calibration.csv?role=${role.slug}`);
    expect(csv.status()).toBe(200);
    const lines = csvRows(await csv.text());
    expect(lines.map((line) => Number(line.interviewer_id))).toEqual([interviewers.c.id]);
    await screenshot(page, "interviewer");
  });

  it("refuses a start that is not a date, by its field, with a 400", async () => {
    const page = await signedInPage(RECRUITER);
    const response = await page.goto(`${baseURL}/calibration?from=2026-02-30`);
    expect(response?.status()).toBe(400);
    const from = page.getByLabel("From", { exact: true });
    await expect(from.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(from)).resolves.toBe("Enter a date as year-month-day, like 2026-01-31.");
    await expect(page.getByTestId("calibration-interviewers").count()).resolves.toBe(0);
    await expectAccessible(page);
    const csv = await page.request.get(`${baseURL}/calibration.csv?from=2026-02-30`);
    expect(csv.status()).toBe(400);
    await expect(csv.text()).resolves.toContain("Enter a date as year-month-day");
  });

  it("fits a 390 px phone without the page scrolling sideways", async () => {
    const page = await signedInPage(RECRUITER, { viewport: { width: 390, height: 844 } });
    await page.goto(`${baseURL}/calibration?role=${world.role.slug}`);
    await page.getByTestId("calibration-reliability").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId("calibration-ratings-chart").locator(".chart-narrow svg").waitFor();
    await expectAccessible(page);
    await screenshot(page, "phone");
  });
});
