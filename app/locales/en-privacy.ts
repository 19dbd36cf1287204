/** English UI text of a candidate's data export and erasure (`privacy.*`). Spanish (es-privacy.ts) has the same keys: the type checks it. */
const enPrivacy = {
  title: "Personal data",
  intro: "Download everything Traitkit stores about this candidate, or erase it when they ask.",
  export: "Export data (JSON)",
  erase: {
    title: "Erase candidate",
    warning:
      "Erasing removes the candidate's details, assessments, scorecards, ratings, notes, decisions and report links for good. The audit log keeps only that an erasure happened.",
    button: "Erase candidate",
    confirmTitle: "Erase {{name}} for good?",
    confirmButton: "Erase for good",
  },
};

export default enPrivacy;
