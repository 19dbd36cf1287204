import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, useBrowser } from "./browser";

const RECRUITER = "recruiter@demo.traitkit.test";

describe("role editing", () => {
  const { browser, baseURL } = useBrowser();

  it("edits a band with JavaScript: the error shows by the field before posting and the chart follows the typing", async () => {
    const context = await browser().newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.goto(`${baseURL}/roles/mlops-engineer`);
    await page.getByRole("link", { name: "Edit role" }).click();
    await page.getByRole("heading", { level: 1, name: "Edit MLOps Engineer" }).waitFor();
    await page.locator(".chart-canvas svg.recharts-surface").waitFor();
    await expectAccessible(page);

    const low = page.getByLabel("Openness: Low");
    await low.fill("90");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator("#f-idealProfile\\.openness\\.high-error").getByText("must be at least low").waitFor();
    expect(page.url()).toMatch(/\/roles\/mlops-engineer\/edit$/);
    await expect(low.evaluate((el) => el === document.activeElement || el.closest("tr")?.contains(document.activeElement))).resolves.toBe(true);

    await low.fill("68");
    await page.locator(".chart-canvas").getByText("68–85").waitFor();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Role saved.").waitFor();
    const row = page.locator("[data-testid=ideal-profile-table] tr[data-trait=openness] td");
    await expect(row.first().textContent()).resolves.toBe("68");
    await expectAccessible(page);

    // Other browser tests read the demo bands: put the published value back.
    await page.getByRole("link", { name: "Edit role" }).click();
    await page.getByLabel("Openness: Low").fill("65");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Role saved.").waitFor();
    await context.close();
  });

  it("edits a band without JavaScript: the server's error shows by the field, and a fix saves", async () => {
    const context = await browser().newContext({ locale: "en-US", javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.goto(`${baseURL}/roles/mlops-engineer/edit`);
    await page.getByLabel("Extraversion: High").fill("30");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator("#f-idealProfile\\.extraversion\\.high-error").getByText("must be at least low").waitFor();
    await page.getByRole("alert").getByText("The role was not saved").waitFor();
    await expect(page.getByLabel("Extraversion: High").inputValue()).resolves.toBe("30");
    await expectAccessible(page, { javaScriptEnabled: false });

    await page.getByLabel("Extraversion: High").fill("65");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Role saved.").waitFor();
    const cells = await page.locator("[data-testid=ideal-profile-table] tr[data-trait=extraversion] td").allTextContents();
    expect(cells.slice(0, 2)).toEqual(["40", "65"]);

    await page.goto(`${baseURL}/roles/mlops-engineer/edit`);
    await page.getByLabel("Extraversion: High").fill("60");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Role saved.").waitFor();
    await context.close();
  });

  it("exports a role as a JSON file and lists a bad file's errors by JSON path on import", async () => {
    const context = await browser().newContext({ locale: "en-US", acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.goto(`${baseURL}/roles/platform-engineer`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export JSON" }).click()]);
    expect(download.suggestedFilename()).toBe("platform-engineer.traitkit-role.json");
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const file = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
    expect(file).toMatchObject({ format: "traitkit.role/v1", slug: "platform-engineer" });

    await page.goto(`${baseURL}/roles`);
    await page.getByRole("link", { name: "Import a role" }).click();
    await page.getByRole("heading", { level: 1, name: "Import a role" }).waitFor();
    await expectAccessible(page);
    const bad = { ...file, format: "something/v9", questions: [{ text: { en: "Q" }, evaluatesNote: null, traits: ["openness", "conscientiousness", "extraversion", "agreeableness"], anchors: {} }] };
    await page.getByLabel("Role file (JSON)").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByRole("button", { name: "Import" }).click();
    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    await expect(errors.textContent()).resolves.toContain("questions[0].traits: at most 3");
    await expect(errors.textContent()).resolves.toContain("format");
    await expectAccessible(page);

    await page.getByLabel("Role file (JSON)").setInputFiles({ name: "ok.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...file, name: "Platform Engineer (imported)" })) });
    await page.getByLabel("Replace the role with the same slug if it exists").check();
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByText("Role replaced by the imported file.").waitFor();
    await page.getByRole("heading", { level: 1, name: "Platform Engineer (imported)" }).waitFor();
    await context.close();
  });
});
