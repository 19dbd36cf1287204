import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";

const RECRUITER = "recruiter@demo.traitkit.test";

/**
 * A role of its own for each test, imported through the import form from the
 * demo role's export under a new slug: archiving and deleting it touch no
 * record another test file reads.
 */
async function importOwnRole(page: Page, baseURL: string): Promise<{ slug: string; name: string }> {
  const exported = await page.request.get(`${baseURL}/roles/mlops-engineer/export`);
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const role = { ...(await exported.json()), slug: `archive-e2e-${stamp}`, name: `Archive E2E ${stamp}` };
  await page.goto(`${baseURL}/roles/import`);
  await page
    .getByLabel("Role file (JSON)")
    .setInputFiles({ name: "role.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(role)) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: role.name }).waitFor();
  return { slug: role.slug, name: role.name };
}

describe("destructive actions ask first", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage } = usePages(browser, baseURL);

  it("with JavaScript: the dialog's Cancel changes nothing; Archive hides the role from the library, Restore brings it back, Delete removes it", async () => {
    const page = await signedInPage(RECRUITER);
    const role = await importOwnRole(page, baseURL);
    await hydrated(page);
    const section = page.getByTestId("archive-section");
    await section.getByRole("heading", { level: 2, name: "Archive or delete" }).waitFor();
    await expectAccessible(page);

    await section.getByRole("button", { name: "Archive", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Archive the role ${role.name}?` });
    await dialog.getByText("Restore brings it back", { exact: false }).waitFor();
    // The safe choice has the focus.
    await expect(dialog.getByRole("button", { name: "Cancel" }).evaluate((button) => button === document.activeElement)).resolves.toBe(
      true,
    );
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect(page.getByTestId("archived-banner").count()).resolves.toBe(0);

    await section.getByRole("button", { name: "Archive", exact: true }).click();
    await dialog.getByRole("button", { name: "Archive the role" }).click();
    await page
      .getByTestId("archived-banner")
      .getByText(/^Archived on .+ by Rita Recruiter \(demo\)/)
      .waitFor();
    await expectAccessible(page);

    await page.goto(`${baseURL}/roles?q=${encodeURIComponent(role.name)}`);
    await page.getByText("No role matches your search.").waitFor();
    await page.getByLabel("Show archived").check();
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const row = page.getByRole("row", { name: new RegExp(role.name) });
    await row.getByText("Archived", { exact: true }).waitFor();
    await expectAccessible(page);
    await row.getByRole("link", { name: role.name }).click();

    await page.getByTestId("archived-banner").getByRole("button", { name: "Restore" }).click();
    await page.getByTestId("archived-banner").waitFor({ state: "detached" });

    await page.getByTestId("archive-section").getByRole("button", { name: "Delete", exact: true }).click();
    await page
      .getByRole("dialog", { name: `Delete the role ${role.name} for good?` })
      .getByRole("button", { name: "Delete for good" })
      .click();
    await page.waitForURL((url) => url.pathname === "/roles");
    const gone = await page.goto(`${baseURL}/roles/${role.slug}`);
    expect(gone?.status()).toBe(404);
  });

  it("without JavaScript: Archive and Delete answer a confirmation page; its Cancel changes nothing, its button acts", async () => {
    const page = await signedInPage(RECRUITER, { javaScriptEnabled: false });
    const role = await importOwnRole(page, baseURL);

    await page.getByTestId("archive-section").getByRole("button", { name: "Delete", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Delete the role ${role.name} for good?` }).waitFor();
    await page.getByText("Nothing has changed yet.", { exact: false }).waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });
    await page.getByRole("link", { name: "Cancel" }).click();
    await page.getByRole("heading", { level: 1, name: role.name }).waitFor();

    await page.getByTestId("archive-section").getByRole("button", { name: "Archive", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Archive the role ${role.name}?` }).waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });
    await page.getByRole("button", { name: "Archive the role" }).click();
    await page.getByTestId("archived-banner").waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });

    // In a Spanish browser, the banner and Restore.
    const spanish = await signedInPage(RECRUITER, { javaScriptEnabled: false, locale: "es-ES" });
    await spanish.goto(`${baseURL}/roles/${role.slug}`);
    await spanish
      .getByTestId("archived-banner")
      .getByText(/^Archivado el .+ por Rita Recruiter \(demo\)/)
      .waitFor();
    await expectAccessible(spanish, { javaScriptEnabled: false });
    await spanish.getByTestId("archived-banner").getByRole("button", { name: "Restaurar" }).click();
    await spanish.getByTestId("archive-section").getByRole("button", { name: "Archivar", exact: true }).waitFor();
    await expect(spanish.getByTestId("archived-banner").count()).resolves.toBe(0);
  });
});
