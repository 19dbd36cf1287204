/** English UI text of interviewer calibration (`calibration.*`). Spanish (es-calibration.ts) has the same keys: the type checks it. */
const enCalibration = {
  title: "Calibration",
  introRecruiter:
    "Each interviewer's habits beside the team's, and how reliably panels agree on each trait, from the scorecards submitted in the period.",
  introInterviewer:
    "Your habits beside the team's, and how reliably panels agree on each trait, from the scorecards submitted in the period. Other interviewers' rows are theirs and their recruiters' to see.",
  filters: {
    label: "Choose the period and role",
    from: "From",
    to: "To",
    role: "Role",
    anyRole: "Every role",
    apply: "Show",
    download: "Download CSV",
    period: "Scorecards submitted from {{from}} to {{to}} (UTC days, both included), {{role}}: {{count}} assessments.",
  },
  problems: {
    dateInvalid: "Enter a date as year-month-day, like 2026-01-31.",
    fromAfterTo: "The end comes before the start: choose an end on or after the start.",
    roleUnknown: "No assessed role has this address: choose a role from the list.",
    title: "The period or role cannot be read",
    body: "Correct what is marked below: nothing is shown for a period or role that was not asked for.",
  },
  interviewers: {
    title: "Interviewers",
    caption: "Each interviewer's habits, and the team's",
    empty: "No scorecard was submitted in this period.",
    columns: {
      name: "Interviewer",
      scorecards: "Scorecards",
      adherence: "Adherence",
      leniency: "Leniency",
      outliers: "Times the outlier",
      days: "Median days to submit",
    },
    team: "Team (everyone)",
    teamHidden:
      "The team's figures are shown to interviewers when {{count}} or more interviewers submitted scorecards in the period: with fewer, they would give away a colleague's.",
    leniencyN: "{{value}} (n = {{n}})",
    none: "—",
    openScorecards: "Open {{name}}'s assessments",
  },
  distributions: {
    title: "Ratings and recommendations given",
    ratingsTitle: "Ratings given, 1 to 5",
    ratingsReading: "Each bar is one interviewer's ratings, split by the rating given: a bar that leans right rates higher.",
    ratingsCaption: "How many ratings of each value each interviewer gave",
    recommendationsTitle: "Recommendations made",
    recommendationsReading: "Each bar is one interviewer's scorecards, split by their recommendation.",
    recommendationsCaption: "How many recommendations of each kind each interviewer made",
    rating: "Rating {{value}}",
    total: "Total",
    recommendation: { strong_no: "Strong no", no: "No", yes: "Yes", strong_yes: "Strong yes" },
    none: "No ratings",
  },
  reliability: {
    title: "How reliably panels agree, per trait",
    caption: "Agreement between interviewers on each trait (one-way intraclass correlation)",
    columns: {
      trait: "Trait",
      assessments: "Assessments",
      k0: "Panel size k₀",
      single: "ICC(1): one interviewer",
      average: "ICC(1,k): the panel's mean",
      reading: "In words",
    },
    interval: "(95% interval {{lower}} to {{upper}})",
    bands: {
      poor: "Two interviewers rating {{trait}} agree poorly",
      moderate: "Two interviewers rating {{trait}} agree moderately",
      good: "Two interviewers rating {{trait}} agree well",
      excellent: "Two interviewers rating {{trait}} agree excellently",
    },
    notEnough: "Not enough data yet ({{count}} of {{needed}} assessments with two or more ratings)",
    noVariation: "Every reading of this trait was the same in its {{count}} assessments: agreement cannot be told from it",
  },
  explain: {
    title: "How to read these figures",
    scorecards: "Scorecards: the scorecards the interviewer submitted in the period.",
    adherence: "Adherence: the share of the kit's question and trait cells the interviewer rated.",
    leniency:
      "Leniency: on each assessment where two or more interviewers submitted, the interviewer's mean rating minus the mean of the other interviewers' means, averaged over those assessments (n). In rating points: +0.50 means half a point above the rest of the panel; near 0 is in line.",
    outliers:
      "Times the outlier: on a trait flagged for calibration (means 2 points or more apart), how often the interviewer's mean was the farthest from the others'. Two-person panels have no outlier.",
    days: "Median days to submit: from being added to the panel to submitting, in days of 24 hours. Periods are whole days in UTC.",
    single:
      "ICC(1) says how well one interviewer's reading of a trait agrees with another's, from 0 (no better than chance) to 1 (the same). ICC(1,k) says how reliable the mean of a panel of k₀ interviewers is: it is higher, because a panel averages out each person's slant. k₀ is the typical panel size of the assessments counted.",
    bands:
      "The words follow Koo & Li (2016) for ICC(1): below 0.5 poor, 0.5 to 0.75 moderate, 0.75 to 0.9 good, above 0.9 excellent. The interval is where the true value lies with 95% confidence: a wide one asks for more assessments. No figure is shown for fewer than {{needed}} assessments with two or more ratings of the trait.",
  },
};

export default enCalibration;
