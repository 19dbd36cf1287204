/*
 * The choices of the list pages' filters and sorts, apart from their zod
 * schemas: the pages draw them in the browser, which then needs no zod.
 */

/** The ranking's decision filter: every decision ("any"), one decision, or none recorded yet. */
export const DECISION_FILTERS = ["any", "advance", "hold", "reject", "none"] as const;
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
