/** English UI text of `loop.*`: interview times, due states and the debrief (issue 19). Spanish (es-loop.ts) has the same keys: the type checks it. */
const enLoop = {
  teamReliability: {
    heading: "The flagged traits in context",
    intro: "How well the team's interviewers agree on each flagged trait, over every role's assessments of the last 12 months:",
    estimated: "{{trait}}: two interviewers rating it agree {{band}} (ICC {{icc}}, {{n}} assessments).",
    band: { poor: "poorly", moderate: "moderately", good: "well", excellent: "excellently" },
    notEnoughData: "{{trait}}: not enough data yet ({{n}} of the 5 assessments with two or more ratings it needs).",
    noVariation: "{{trait}}: every interviewer gave every candidate the same reading, so agreement cannot be measured.",
    more: "Calibration",
  },
  debrief: {
    title: "Debrief",
    openIntro:
      "Every scorecard is in. Talk through each trait the interviewers read differently, record the reading you agree on and why (the scorecards stay as submitted), then record the decision: it closes the debrief.",
    closedIntro: "The debrief is closed: a decision was recorded after the last scorecard came in.",
    nothingToCalibrate: "No trait needs calibrating: the interviewers' readings agree.",
    sideBySide: "Each interviewer's ratings and notes on {{trait}}",
    notRated: "not rated",
    agreed: "Agreed reading: {{reading}} of 5 — recorded by {{name}}, {{at}}",
    reading: "Agreed reading of {{trait}}",
    chooseReading: "Choose 1 to 5",
    reason: "Why (what the panel agreed on)",
    record: "Record the reading of {{trait}}",
    closeByDeciding: "Record the decision to close the debrief",
  },
  interviewTime: {
    legend: "Interview time (optional)",
    legendFor: "Interview time of {{name}}",
    at: "Interview date and time",
    zone: "Time zone",
    zoneHint: "The zone the time above is in, by its name: Europe/Madrid, America/Mexico_City, UTC.",
    due: "Scorecard due",
    dueHint_one: "Empty: {{count}} hour after the interview (the team's setting).",
    dueHint_other: "Empty: {{count}} hours after the interview (the team's setting).",
    save: "Save interview time",
    notScheduled: "No interview time",
    interview: "Interview {{time}}",
    dueAt: "Scorecard due {{time}}",
    saved: "Interview time saved.",
    mailOn: "The interviewer gets an e-mail: on the panel, the interview time, a calendar file.",
    mailOff: "E-mail is not set up on this server: tell the interviewer yourself.",
    savedAndSent: "Interview time saved; {{name}} gets an e-mail with the calendar file.",
  },
};

export default enLoop;
