/**
 * The roles an account can have: a recruiter sets hiring up and sees everything,
 * an interviewer scores the assessments they are on.
 * Source: docs/product.md, "Who uses it".
 */

export const USER_ROLES = ["recruiter", "interviewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A change a recruiter makes to another account on the users page. */
export type AccountChange = { kind: "role"; role: UserRole } | { kind: "active"; active: boolean };

/**
 * The last active recruiter can be neither demoted nor deactivated: nobody
 * would be left to invite colleagues or manage accounts. `activeRecruiters`
 * counts the target when they are one.
 */
export function removesLastRecruiter(
  target: { role: UserRole; active: boolean },
  change: AccountChange,
  activeRecruiters: number,
): boolean {
  const losesRecruiter =
    target.role === "recruiter" && target.active && (change.kind === "role" ? change.role !== "recruiter" : !change.active);
  return losesRecruiter && activeRecruiters <= 1;
}
