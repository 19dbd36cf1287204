/** English UI text of a candidate's data export and erasure (`privacy.*`). Spanish (es-privacy.ts) has the same keys: the type checks it. */
const enPrivacy = {
  title: "Personal data",
  intro: "Download everything Traitkit stores about this candidate, or erase it when they ask.",
  export: "Export data (JSON)",
  erase: {
    title: "Erase candidate",
    warning:
      "Erasing removes the candidate's details, assessments, scorecards, ratings, notes, decisions and report links for good. The audit log keeps only that an erasure happened.",
    confirm: "I understand that this cannot be undone",
    button: "Erase candidate",
    confirmRequired: "Tick the box to confirm the erasure.",
  },
};

export default enPrivacy;
