/*
 * The choices of the list pages' filters and sorts, apart from their zod
 * schemas: the pages draw them in the browser, which then needs no zod.
 */
import { DECISIONS } from "~/domain/decisions";

/** The ranking's decision filter: every decision ("any"), one decision, or none recorded yet. */
export const DECISION_FILTERS = ["any", ...DECISIONS, "none"] as const;
export type DecisionFilter = (typeof DECISION_FILTERS)[number];

/** The candidate list's orders. */
export const CANDIDATE_SORTS = ["newest", "name"] as const;

/** How many candidates a comparison draws side by side. */
const COMPARE_MIN = 2;
const COMPARE_MAX = 4;

/** Why `count` distinct candidates cannot be compared, or null when they can. */
export function compareCountProblem(count: number): "tooFew" | "tooMany" | null {
  if (count < COMPARE_MIN) return "tooFew";
  if (count > COMPARE_MAX) return "tooMany";
  return null;
}

/** At most this many words of a search count: a long paste stays a bounded query. */
export const SEARCH_MAX_WORDS = 8;

/**
 * The words of a search box, lower-cased, each once, in the order typed:
 * a row matches when every word is found in one of the searched columns, in
 * any order ("engineer ml" finds "ML Engineer").
 */
export function searchWords(query: string): string[] {
  const words = query
    .toLowerCase()
    // A NUL character (no stored text holds one, and PostgreSQL refuses it in a query) parts words as a space does.
    .replaceAll("\u0000", " ")
    .split(/\s+/)
    .filter((word) => word !== "");
  return [...new Set(words)].slice(0, SEARCH_MAX_WORDS);
}
