/**
 * "Your self-report" on the candidate's report (issue 20), only the candidate's
 * page needs them: an area of their own, so the pages that load the report's
 * other texts (the assessment page, the comparison) do not carry them.
 * Spanish: es-report-self.ts, same keys.
 */
const enReportSelf = {
  heading: "Your self-report",
  intro:
    "How you described yourself in the personality questionnaire you submitted on {{date}}, scored from 0 to 100 on each trait. It is your own view, read beside the interview; neither is a verdict on its own.",
  traitsCaption: "Your self-report: a score per trait (0–100)",
  trait: "Trait",
  score: "Your score",
  notMeasured: "not measured by the questionnaire",
  notScored: "not scored: too many of its questions were left unanswered",
  facetsHeading: "{{trait}}: its six facets",
  facetScore: "{{title}}: {{score}}",
  facetNotScored: "{{title}}: not scored",
};

export default enReportSelf;
