/**
 * The debrief: when the panel talks through the traits it disagrees on and
 * the recruiter decides. Source: docs/product.md, "The interview loop".
 */

export type DebriefState = "not_ready" | "open" | "closed";

/**
 * Not ready until every interviewer on the panel has submitted; then open
 * until a decision is recorded after the panel was (last) completed, which
 * closes it. A scorecard reopened and submitted again after a decision opens
 * it again: the panel changed since.
 */
export function debriefState(panel: {
  assigned: number;
  submitted: number;
  /** The latest submission's time, ISO; null with none. */
  lastSubmittedAt: string | null;
  /** The latest decision's time, ISO; null with none. */
  lastDecidedAt: string | null;
}): DebriefState {
  if (panel.assigned === 0 || panel.submitted < panel.assigned || panel.lastSubmittedAt === null) return "not_ready";
  return panel.lastDecidedAt !== null && panel.lastDecidedAt >= panel.lastSubmittedAt ? "closed" : "open";
}
