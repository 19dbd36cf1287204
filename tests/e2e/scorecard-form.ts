import type { Locator, Page } from "playwright-core";

/* The scorecard form as a browser test reads and fills it: by its regions, groups and labels. */

/** A rating group: "<Trait>: rating" inside "Question n of m". */
export type Choice = { question: number; trait: string; rating: number };

export function questionRegion(page: Page, question: number): Locator {
  return page.getByRole("region", { name: new RegExp(`^Question ${question} of \\d+$`) });
}

export function ratingGroup(page: Page, question: number, trait: string): Locator {
  return questionRegion(page, question).getByRole("group", { name: `${trait}: rating`, exact: true });
}

/** Clicks the label of a rating (its number, with the behaviour anchor beside it). */
export async function rate(page: Page, choice: Choice): Promise<void> {
  const group = ratingGroup(page, choice.question, choice.trait);
  await group
    .locator("label")
    .filter({ has: page.locator("strong", { hasText: new RegExp(`^${choice.rating}$`) }) })
    .click();
}

/** Every rating group of the form, as "question/trait", in page order. */
export async function ratingGroups(page: Page): Promise<{ question: number; trait: string }[]> {
  const regions = page.getByRole("region", { name: /^Question \d+ of \d+$/ });
  const out: { question: number; trait: string }[] = [];
  for (let i = 0; i < (await regions.count()); i += 1) {
    const legends = await regions.nth(i).locator("fieldset.rating-group > legend").allTextContents();
    for (const legend of legends) out.push({ question: i + 1, trait: legend.replace(/: rating$/, "") });
  }
  return out;
}

/** The overall recommendation's radio group. */
export function recommendationGroup(page: Page): Locator {
  return page.getByRole("group", { name: "Overall recommendation", exact: true });
}
