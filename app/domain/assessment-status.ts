/**
 * Where an assessment stands, as the recruiter's list shows and filters it:
 * waiting for scorecards, ready for the debrief, or decided. One status each:
 * a decision recorded ends the wait, whatever is still unsubmitted.
 */
export const ASSESSMENT_STATUSES = ["waiting", "ready", "decided"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** decided once a decision exists; otherwise waiting while a panel member has not submitted, then ready. */
export function assessmentStatus(panel: { submitted: number; assigned: number; decided: boolean }): AssessmentStatus {
  if (panel.decided) return "decided";
  return panel.submitted < panel.assigned ? "waiting" : "ready";
}
