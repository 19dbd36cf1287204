import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";

const RECRUITER = "recruiter@demo.traitkit.test";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");
const CSV_HEADER =
  "candidate_id,fit,coverage,openness,conscientiousness,extraversion,agreeableness,emotional_stability,relational_engagement,decision," +
  "rank,name,email,fit_percent,coverage_percent,scorecards_submitted,scorecards_assigned," +
  "recommend_strong_no,recommend_no,recommend_yes,recommend_strong_yes,calibrate_traits,assessment_url," +
  "self_fit,self_openness,self_conscientiousness,self_extraversion,self_agreeableness,self_emotional_stability,self_relational_engagement";

describe("ranking and comparing candidates", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage: newPage } = usePages(browser, baseURL);

  it("opens the ranking from the MLOps role, compares three candidates and downloads the CSV", async () => {
    const page = await newPage(RECRUITER);
    await page.goto(`${baseURL}/roles/mlops-engineer`);
    await page.getByRole("link", { name: "Candidates ranked by fit" }).click();
    await page.getByRole("heading", { level: 1, name: "MLOps Engineer: candidates ranked by fit" }).waitFor();
    await expect.poll(() => page.title()).toBe("MLOps Engineer · Ranking · Traitkit");
    // A fit of 94% with traits below their bands surprises: the page says how fit is made.
    await expect(page.getByTestId("how-fit").textContent()).resolves.toContain("Fit is 100% when every assessed trait is inside its band.");
    await expectAccessible(page);

    const table = page.getByTestId("ranking-table");
    const rows = table.locator("tbody tr");
    const firstRow = rows.first();
    await expect(firstRow.getByRole("rowheader").textContent()).resolves.toBe("Ada Demo-Lovelace");
    await expect(firstRow.getByTestId("ranking-fit").textContent()).resolves.toBe("100%");
    expect(await rows.count()).toBeGreaterThanOrEqual(3);

    // Tick the first three and compare them.
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const row = rows.nth(i);
      const name = (await row.getByRole("rowheader").textContent()) ?? "";
      names.push(name);
      await row.getByRole("checkbox", { name: `Compare ${name}` }).check();
    }
    const fits = await Promise.all([0, 1, 2].map((i) => rows.nth(i).getByTestId("ranking-fit").textContent()));
    await page.getByRole("button", { name: "Compare selected" }).click();
    await page.getByRole("heading", { level: 1, name: "MLOps Engineer: comparing candidates" }).waitFor();
    // The shareable address: one comma list of the three ids.
    expect(new URL(page.url()).pathname).toBe("/roles/mlops-engineer/compare");
    expect(decodeURIComponent(new URL(page.url()).search)).toMatch(/^\?c=\d+,\d+,\d+$/);

    const compare = page.getByTestId("compare-table");
    const headers = await compare.locator("thead th[data-candidate-id]").allTextContents();
    expect(headers).toEqual(names);
    const fitCells = await compare.locator('tr[data-row="fit"] td').allTextContents();
    expect(fitCells.slice(1)).toEqual(fits);
    await page.getByTestId("trait-radar-chart").locator("svg.recharts-surface:visible").waitFor();
    // The radar's key names the band and each candidate, in the table's order.
    await expect(page.getByTestId("trait-radar-chart").locator(".chart-legend li").allTextContents()).resolves.toEqual([
      "Ideal band",
      ...names,
    ]);
    // The radar's numbers are this table's trait rows: one table, not the same scores twice.
    await expect(compare.locator("tbody tr[data-row='openness'] th").textContent()).resolves.toBe("Openness");
    await expect(page.getByTestId("trait-radar-table").count()).resolves.toBe(0);
    await expectAccessible(page);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "compare-three.png"), fullPage: true });

    // The same address opened afresh shows the same comparison.
    const shared = page.url();
    await page.goto(shared);
    expect(await page.getByTestId("compare-table").locator("thead th[data-candidate-id]").allTextContents()).toEqual(names);

    // Back to the ranking and download the CSV.
    await page.getByRole("link", { name: "Back to the ranking" }).click();
    await page.getByTestId("ranking-table").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the ranking (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("mlops-engineer-ranking.csv");
    const file = await download.path();
    const text = fs.readFileSync(file, "utf8");
    expect(text.split("\n")[0]).toBe(CSV_HEADER);
    const downloaded: Record<string, string>[] = parse(text, { columns: true });
    // What a person reads: the page's rank, name, whole percentages and the panel, with a link back.
    expect(downloaded[0]).toMatchObject({
      rank: "1",
      name: "Ada Demo-Lovelace",
      fit_percent: "100",
      scorecards_submitted: "2",
      scorecards_assigned: "2",
    });
    expect(downloaded[0]?.assessment_url).toMatch(new RegExp(`^${baseURL}/assessments/\\d+$`));

    // Filtered, the download is what the page lists: the same candidates, every page of them.
    await page.getByLabel("Decision").selectOption("advance");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.waitForURL(/decision=advance/);
    // The address changes before the filtered rows are drawn: wait for the table itself.
    await expect
      .poll(() => page.getByTestId("ranking-table").locator("tbody tr td:last-child").allTextContents())
      .toSatisfy((decisions: string[]) => decisions.length > 0 && decisions.every((decision) => decision === "Advance"));
    const shown = (
      await page
        .getByTestId("ranking-table")
        .locator("tbody tr")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-candidate-id")))
    ).map(Number);
    const [filtered] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the ranking (CSV)" }).click(),
    ]);
    const lines: Record<string, string>[] = parse(fs.readFileSync(await filtered.path(), "utf8"), { columns: true });
    expect(lines.map((line) => Number(line.candidate_id))).toEqual(shown);
    expect(lines.every((line) => line.decision === "advance")).toBe(true);
  });

  it("shows how complete each panel is, hides the incomplete ones until asked, and flags the traits to calibrate", async () => {
    const page = await newPage(RECRUITER);
    await page.goto(`${baseURL}/roles/mlops-engineer/candidates`);
    await hydrated(page);
    const table = page.getByTestId("ranking-table");
    const row = (name: string) => table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name }) });
    await expect(row("Ada Demo-Lovelace").getByTestId("ranking-panel").textContent()).resolves.toBe("2/2 submitted");
    await expect(row("Edsger Demo-Dijkstra").getByTestId("ranking-calibrate").textContent()).resolves.toBe("Emotional Stability");
    // Barbara Demo-Liskov's panel waits for interviewer 1: not among complete panels.
    const completeOnly = page.getByRole("checkbox", { name: /Complete panels only/ });
    await expect(completeOnly.isChecked()).resolves.toBe(true);
    await expect(row("Barbara Demo-Liskov").count()).resolves.toBe(0);
    await expectAccessible(page);

    await completeOnly.uncheck();
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.waitForURL(/complete=0/);
    await expect.poll(() => row("Barbara Demo-Liskov").count()).toBe(1);
    await expect(row("Barbara Demo-Liskov").getByTestId("ranking-panel").textContent()).resolves.toBe("1/2 submitted");
    await expect(completeOnly.isChecked()).resolves.toBe(false);
    // The download keeps the filter: Barbara is in it, with her panel's count.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the ranking (CSV)" }).click(),
    ]);
    const rows: Record<string, string>[] = parse(fs.readFileSync(await download.path(), "utf8"), { columns: true });
    expect(rows.find((r) => r.name === "Barbara Demo-Liskov")).toMatchObject({ scorecards_submitted: "1", scorecards_assigned: "2" });
    expect(rows.find((r) => r.name === "Edsger Demo-Dijkstra")?.calibrate_traits).toBe("emotional_stability");
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "ranking-all-panels.png"), fullPage: true });

    await completeOnly.check();
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect.poll(() => row("Barbara Demo-Liskov").count()).toBe(0);
    await expectAccessible(page);
  });

  it("says by the button when too few or too many candidates are ticked, and stays on the ranking", async () => {
    const page = await newPage(RECRUITER);
    await page.goto(`${baseURL}/roles/mlops-engineer/candidates`);
    await hydrated(page);
    const rows = page.getByTestId("ranking-table").locator("tbody tr");
    const compare = page.getByRole("button", { name: "Compare selected" });
    const besideButton = page.locator(".actions").filter({ has: compare }).getByRole("alert");
    await rows.nth(0).getByRole("checkbox").check();
    await compare.click();
    await expect(besideButton.textContent()).resolves.toBe("Choose at least 2 candidates to compare (you chose 1).");
    expect(new URL(page.url()).pathname).toBe("/roles/mlops-engineer/candidates");
    await expectAccessible(page);

    for (let i = 1; i < 5; i++) await rows.nth(i).getByRole("checkbox").check();
    // A tick after the message makes its count stale: it goes.
    await expect(besideButton.count()).resolves.toBe(0);
    await compare.click();
    await expect(besideButton.textContent()).resolves.toBe("Compare at most 4 candidates at a time (you chose 5).");
    await expect(rows.locator("input:checked").count()).resolves.toBe(5);

    await rows.nth(4).getByRole("checkbox").uncheck();
    await compare.click();
    await page.getByRole("heading", { level: 1, name: "MLOps Engineer: comparing candidates" }).waitFor();
    await expect(page.getByTestId("compare-table").locator("thead th[data-candidate-id]").count()).resolves.toBe(4);
  });

  it("explains a comparison of one candidate instead of failing", async () => {
    const page = await newPage(RECRUITER);
    const response = await page.goto(`${baseURL}/roles/mlops-engineer/compare?c=1`);
    expect(response?.status()).toBe(400);
    await page.getByText("Choose at least 2 candidates to compare").waitFor();
    await expectAccessible(page);
  });
});
