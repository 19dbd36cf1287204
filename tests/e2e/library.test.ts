import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../app/models/users.server";
import { hashPassword } from "../../app/utils/password.server";
import { createDb } from "~db/connection";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD, expectAccessible, hydrated, signIn, useBrowser, usePages } from "./browser";
import { startAppServer, type AppServer } from "./global-setup";

/*
 * Issue 16, 6: a deployment started with TRAITKIT_LIBRARY=0 (and no demo) has
 * an empty role library that says what to do next and adds the Traitkit
 * library with one button. Its own server and database: the shared demo
 * server has the library.
 */

const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");
const RECRUITER = "owner@library.example.com";
const INTERVIEWER = "reader@library.example.com";

let server: AppServer | undefined;
let emptyURL = "";

beforeAll(async () => {
  server = await startAppServer({ TRAITKIT_DEMO: "0", TRAITKIT_LIBRARY: "0" });
  emptyURL = server.baseURL;
  // The first accounts, as `npm run user:create` makes them (the server has migrated the file).
  const { db } = createDb(server.databasePath);
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await createUser(db, { email: RECRUITER, name: "Olga Owner", role: "recruiter", passwordHash }, new Date());
    await createUser(db, { email: INTERVIEWER, name: "Rui Reader", role: "interviewer", passwordHash }, new Date());
  } finally {
    await db.destroy();
  }
}, 120_000);

afterAll(async () => {
  const stopped = await server?.stop();
  expect(stopped?.errors, stopped?.output).toEqual([]);
});

describe("a deployment without the library (TRAITKIT_LIBRARY=0)", () => {
  const { browser } = useBrowser();
  // This file's own server: its address is known once beforeAll has started it.
  const { newPage } = usePages(browser, "");
  const signedIn = async (email: string, locale = "en-US"): Promise<Page> => {
    const page = await newPage({ locale });
    await signIn(page, emptyURL, email);
    return page;
  };

  it("tells an interviewer the library is empty and who fills it, with no button", async () => {
    const page = await signedIn(INTERVIEWER);
    await page.goto(`${emptyURL}/roles`);
    await expect(page.getByTestId("empty-library").textContent()).resolves.toBe(
      "No roles yet: a recruiter creates them, imports them or adds the Traitkit library.",
    );
    await expect(page.getByRole("button", { name: "Add the Traitkit library" }).count()).resolves.toBe(0);
    await expectAccessible(page);
  });

  it("says what to do next on the empty lists, in Spanish too, and adds the library with one button", async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const spanish = await signedIn(RECRUITER, "es-ES");
    await spanish.goto(`${emptyURL}/roles`);
    await expect(spanish.getByTestId("empty-library").locator("p").first().textContent()).resolves.toBe(
      "Todavía no hay roles: cree uno, importe uno o agregue la biblioteca de Traitkit.",
    );
    await spanish.getByRole("button", { name: "Agregar la biblioteca de Traitkit" }).waitFor();
    await expectAccessible(spanish);
    await spanish.screenshot({ path: path.join(SCREENSHOTS, "library-empty-es.png"), fullPage: true });

    const page = await signedIn(RECRUITER);
    await page.goto(`${emptyURL}/skills`);
    await expect(page.getByTestId("empty-skills").textContent()).resolves.toContain(
      "No skill profiles yet: they come with the Traitkit library",
    );
    await expectAccessible(page);
    await page.goto(`${emptyURL}/roles`);
    await hydrated(page);
    const empty = page.getByTestId("empty-library");
    await expect(empty.locator("p").first().textContent()).resolves.toBe(
      "No roles yet: create one, import one, or add the Traitkit library.",
    );
    // A search in an empty library is still an empty library, not "no match".
    await expect(page.getByText("No role matches your search.").count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "library-empty.png"), fullPage: true });

    await page.getByRole("button", { name: "Add the Traitkit library" }).click();
    await page.getByRole("link", { name: "MLOps Engineer", exact: true }).waitFor();
    await expect(page.getByTestId("empty-library").count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.goto(`${emptyURL}/skills`);
    await page.getByRole("link", { name: "MLflow" }).waitFor();

    // A search that finds nothing in a full library says so.
    await page.goto(`${emptyURL}/roles?q=zebra`);
    await page.getByText("No role matches your search.").waitFor();
    await expectAccessible(page);
  });
});
