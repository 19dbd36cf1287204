import type { UserRole } from "~/domain/accounts";

/*
 * The demo's accounts, printed by `npm start` and listed in the README. They
 * exist only in a demo database (TRAITKIT_DEMO=1 on a new, empty database).
 */
export const DEMO_PASSWORD = "traitkit-demo";

export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: UserRole }[] = [
  { email: "recruiter@demo.traitkit.test", name: "Rita Recruiter (demo)", role: "recruiter" },
  { email: "interviewer1@demo.traitkit.test", name: "Ian Interviewer (demo)", role: "interviewer" },
  { email: "interviewer2@demo.traitkit.test", name: "Inés Interviewer (demo)", role: "interviewer" },
  // On the calibration panels only (seeds/demo-calibration.ts): rates about a point above the rest of the panel.
  { email: "interviewer3@demo.traitkit.test", name: "Iker Interviewer (demo)", role: "interviewer" },
];
