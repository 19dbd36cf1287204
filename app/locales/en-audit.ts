/** English UI text of `audit.*`. Spanish (es-audit.ts) has the same keys: the type checks it. */
const enAudit = {
  title: "Audit log",
  intro: "Who did what, when, on which record. The log holds ids, never personal data.",
  columns: { at: "When", actor: "Who", action: "What", record: "Record", details: "Details" },
  /** A label per audited action, by its code (see AuditAction): "user.sign_in" → actions.user.sign_in. */
  actions: {
    user: {
      sign_in: "Signed in",
      sign_out: "Signed out",
      invite: "Made an invite link",
      invite_accept: "Accepted an invite",
      invite_cancel: "Cancelled an invite",
      role_change: "Changed a user's role",
      deactivate: "Deactivated a user",
      reactivate: "Reactivated a user",
      create: "Created an account (command line)",
    },
    role: {
      create: "Created a role",
      update: "Edited a role",
      import: "Imported a role",
      export: "Exported a role",
      archive: "Archived a role",
      restore: "Restored an archived role",
      delete: "Deleted a role",
      library_add: "Added the Traitkit library",
    },
    kit: {
      create: "Created a kit",
      update: "Edited a kit (same version)",
      version: "Saved a new kit version",
      archive: "Archived a kit",
      restore: "Restored an archived kit",
      delete: "Deleted a kit",
    },
    candidate: {
      create: "Added a candidate",
      update: "Edited a candidate",
      export: "Exported a candidate's data",
      erase: "Erased a candidate",
    },
    assessment: {
      create: "Created an assessment",
      interviewer_add: "Added an interviewer",
      interviewer_remove: "Removed an interviewer",
    },
    scorecard: { save: "Saved a scorecard", submit: "Submitted a scorecard", reopen: "Reopened a scorecard" },
    decision: { record: "Recorded a decision" },
    ranking: { export: "Downloaded a ranking (CSV)" },
    report: { publish: "Published a candidate report", revoke: "Revoked a candidate report link" },
  },
  system: "system",
  entities: {
    user: "user",
    invite: "invite",
    role: "role",
    kit: "kit",
    candidate: "candidate",
    assessment: "assessment",
    scorecard: "scorecard",
    decision: "decision",
    report: "report link",
  },
  older: "Older entries",
  empty: "Nothing recorded yet.",
};

export default enAudit;
