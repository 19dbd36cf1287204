/**
 * The roles an account can have: a recruiter sets hiring up and sees everything,
 * an interviewer scores the assessments they are on.
 * Source: docs/product.md, "Who uses it".
 */

export const USER_ROLES = ["recruiter", "interviewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];
