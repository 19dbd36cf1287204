import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import mlops from "../../seeds/roles/mlops-engineer.json";
import mlEngineer from "../../seeds/roles/ml-engineer.json";
import { TRAIT_KEYS, TRAIT_NAMES } from "../../app/domain/traits";
import { expectAccessible, hydrated, signIn, useBrowser } from "./browser";

// Every page of the library needs a signed-in user; both account roles may read it.
const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER = "interviewer1@demo.traitkit.test";

const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

describe("role library", () => {
  const { browser, baseURL } = useBrowser();

  it("finds MLOps Engineer by searching 'mlops' and shows its ideal profile as a table and a chart", async () => {
    const context = await browser().newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.goto(`${baseURL}/roles`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Role library");
    await expect(page.title()).resolves.toBe("Role library · Traitkit");
    await expectAccessible(page);

    await page.getByLabel("Search by name or family").fill("mlops");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=mlops/);
    await page.getByText("1 role", { exact: true }).waitFor();
    const rows = page.locator("tbody tr");
    await expect(rows.count()).resolves.toBe(1);
    await expectAccessible(page);

    await page.getByRole("link", { name: "MLOps Engineer" }).click();
    await page.waitForURL(/\/roles\/mlops-engineer$/);
    await page.getByRole("heading", { level: 1, name: "MLOps Engineer" }).waitFor();

    const profile = mlops.idealProfile;
    if (!profile) throw new Error("the MLOps demo role has an ideal profile");
    for (const trait of TRAIT_KEYS) {
      const row = page.locator(`[data-testid=ideal-profile-table] tr[data-trait=${trait}]`);
      const cells = await row.locator("th, td").allTextContents();
      expect(cells.slice(0, 4)).toEqual([
        TRAIT_NAMES[trait].en,
        String(profile[trait].low),
        String(profile[trait].high),
        String(profile[trait].weight),
      ]);
    }
    // The server's drawing, at the size that fits the screen.
    await page.locator("[data-testid=ideal-profile-chart] svg.recharts-surface:visible").waitFor();
    const chartText = await page.locator("[data-testid=ideal-profile-chart]").textContent();
    expect(chartText).toContain(TRAIT_NAMES.conscientiousness.en);
    expect(chartText).toContain(`${profile.conscientiousness.low}–${profile.conscientiousness.high}`);

    const transitions = await page.locator("[data-testid=transitions-table] tbody tr").allTextContents();
    expect(transitions).toHaveLength(mlops.transitions.length);
    expect(transitions[0]).toContain(`${mlops.transitions[0]?.publishedFit}%`);
    await expectAccessible(page);

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "mlops-role.png"), fullPage: true });
    await context.close();
  });

  it("shows the ML Engineer skills matrix at the level the user picks", async () => {
    const context = await browser().newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, baseURL, INTERVIEWER);
    await page.goto(`${baseURL}/roles/ml-engineer`);
    await page.locator("[data-testid=skills-matrix-table]").waitFor();
    const allHeaders = await page.locator("[data-testid=skills-matrix-table] thead th").allTextContents();
    expect(allHeaders).toEqual(["Skill", "Jun", "Mid", "Sen", "Lead", "Princ"]);

    await page.getByLabel("Level").selectOption("lead");
    await page.waitForURL(/level=lead/);
    await page.locator("[data-testid=level-summary]").waitFor();
    const headers = await page.locator("[data-testid=skills-matrix-table] thead th").allTextContents();
    expect(headers).toEqual(["Skill", "Lead"]);
    const matrix = mlEngineer.skillsMatrix;
    if (!matrix) throw new Error("the ML Engineer demo role has a skills matrix");
    const structuredLogging = matrix.groups.flatMap((g) => g.skills).find((s) => s.name === "Structured Logging");
    const row = page.locator("[data-testid=skills-matrix-table] tr", { hasText: "Structured Logging" });
    await expect(row.locator("td").textContent()).resolves.toBe(structuredLogging?.codes.lead);
    await expect(page.locator("[data-testid=level-summary]").textContent()).resolves.toContain("Focus at this level");
    await expectAccessible(page);
    await context.close();
  });

  it("keeps a role's ideal bands from an interviewer who has a scorecard of that role still to submit", async () => {
    const context = await browser().newContext({ locale: "en-US" });
    const page = await context.newPage();
    // Interviewer 1 has not started Barbara Demo-Liskov's MLOps scorecard (the demo's blind case).
    await signIn(page, baseURL, INTERVIEWER);
    await page.goto(`${baseURL}/roles/mlops-engineer`);
    await expect(page.getByTestId("bands-hidden").textContent()).resolves.toContain("would anchor the ratings");
    await expect(page.getByTestId("ideal-profile-table").count()).resolves.toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it("shows a skill profile with each role's expectation per level and whether it is mandatory", async () => {
    const context = await browser().newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, baseURL, INTERVIEWER);
    await page.goto(`${baseURL}/skills`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "MLflow" }).click();
    await page.waitForURL(/\/skills\/mlflow$/);
    await page.locator("table[data-level=junior]").waitFor();
    const junior = page.locator("table[data-level=junior] tbody tr");
    await expect(junior.count()).resolves.toBe(6);
    const mlEngineerRow = page.locator("table[data-level=junior] tr", { hasText: "ML Engineer" }).filter({ hasNotText: "MLOps" });
    await expect(mlEngineerRow.locator("td").first().textContent()).resolves.toBe("Mandatory");
    await page.getByLabel("Level").selectOption("principal");
    await page.waitForURL(/level=principal/);
    await page.locator("table[data-level=junior]").waitFor({ state: "detached" });
    await expect(page.locator("table[data-level]").count()).resolves.toBe(1);
    await expectAccessible(page);
    await context.close();
  });

  it("switches the interface to Spanish and keeps the choice over the browser's language", async () => {
    const context = await browser().newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.goto(`${baseURL}/roles/mlops-engineer`);
    await expect(page.title()).resolves.toBe("MLOps Engineer · Traitkit");
    await hydrated(page);
    // With JavaScript the choice itself switches: no button to press.
    await page.getByLabel("Language").selectOption("es");
    await page.getByRole("heading", { name: "Perfil OCEAN+ ideal" }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");
    await expect(page.locator("[data-testid=ideal-profile-table] tr[data-trait=openness] th").textContent()).resolves.toBe("Apertura");
    await expectAccessible(page);

    await page.goto(`${baseURL}/roles`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Biblioteca de roles");
    // The tab's title follows the interface language too, on the server's page and after client navigation.
    await expect(page.title()).resolves.toBe("Biblioteca de roles · Traitkit");
    await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Perfiles de habilidad" }).click();
    await page.getByRole("heading", { level: 1, name: "Perfiles de habilidad" }).waitFor();
    await expect.poll(() => page.title()).toBe("Perfiles de habilidad · Traitkit");
    await page.goto(`${baseURL}/roles/no-such-role`);
    await expect(page.title()).resolves.toBe("No encontrado · Traitkit");
    await context.close();
  });

  it("speaks Spanish to a browser that asks for it, with role content as published", async () => {
    const context = await browser().newContext({ locale: "es-ES" });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.goto(`${baseURL}/roles/mlops-engineer`);
    await page.getByRole("heading", { name: "Perfil OCEAN+ ideal" }).waitFor();
    const statement = mlops.idealProfile?.openness.statement?.es;
    if (!statement) throw new Error("the MLOps openness statement is published in Spanish");
    await expect(page.locator("[data-testid=ideal-profile-table] tr[data-trait=openness] td").last().textContent()).resolves.toBe(
      statement,
    );
    // Skill profiles are published in English only: shown as published and marked.
    await expect(page.locator("#skill-expectations ~ * .lang-mark").first().textContent()).resolves.toBe("(en inglés)");
    await expectAccessible(page);
    await context.close();
  });

  it("answers an unknown role with a 404 page", async () => {
    const context = await browser().newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    const response = await page.goto(`${baseURL}/roles/no-such-role`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Not found");
    await expect(page.title()).resolves.toBe("Not found · Traitkit");
    await expectAccessible(page);
    await context.close();
  });

  it("answers an address nothing has with a 404 in the reader's language, menu and all", async () => {
    const context = await browser().newContext({ locale: "es-ES" });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    const response = await page.goto(`${baseURL}/no-such-page/here`);
    expect(response?.status()).toBe(404);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("No encontrado");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");
    await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Candidatos" }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByRole("button", { name: "Cerrar sesión" }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await context.close();
  });
});
