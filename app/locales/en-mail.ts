/** English text of the e-mail Traitkit sends (`mail.*`). Spanish (es-mail.ts) has the same keys: the type checks it. */
const enMail = {
  greeting: "Hello {{name}},",
  greetingNoName: "Hello,",
  signature: "Traitkit",
  footer: "You get this message because you have an account on Traitkit at {{appUrl}}.",
  invitation: {
    subject: "{{inviter}} invited you to Traitkit",
    body: "{{inviter}} invited you to join Traitkit as {{role}}. Traitkit is where your team keeps its structured interview kits and scorecards.",
    action: "Create your account",
    expires: "The link works once and expires on {{date}}.",
    ignore: "If you did not expect this message, ignore it: nothing happens without the link.",
    footer: "This message was sent to {{email}} from Traitkit at {{appUrl}}.",
  },
  assigned: {
    subject: "Interview panel: {{candidate}}",
    body: "{{recruiter}} added you to the interview panel of {{candidate}} ({{kit}}).",
    interview: "Interview: {{time}} ({{zone}}).",
    noInterview: "No interview time is set yet.",
    due: "Your scorecard is due {{time}}.",
    calendar: "The attached calendar file (invite.ics) adds the interview to your calendar.",
    action: "Open the assessment",
    event: "Interview with {{candidate}} ({{kit}})",
  },
  reminder: {
    subject: "Scorecard overdue: {{candidate}}",
    body: "Your scorecard for {{candidate}} ({{kit}}) was due {{time}} and is not submitted yet. The panel waits for it.",
    action: "Open your scorecard",
    optional: "You can turn reminders off on your account page.",
  },
  allIn: {
    subject: "All scorecards are in: {{candidate}}",
    body: "Every interviewer on the panel of {{candidate}} ({{kit}}) has submitted their scorecard ({{count}}). The panel is ready for the debrief.",
    action: "Open the assessment",
    optional: "You can turn these messages off on your account page.",
  },
  reportLink: {
    subject: "Your interview report: {{role}}",
    body: "{{recruiter}} shares with you the report of your structured interview for {{role}}: how the panel read each trait and how that fits the role.",
    expires: "The link works until {{date}}.",
    noExpiry: "The link works until the team withdraws it.",
    action: "Open your report",
    private: "The link is yours: whoever has it can read the report. If this message was not meant for you, delete it.",
  },
  questionnaireLink: {
    subject: "A short questionnaire about yourself: {{role}}",
    body: "{{recruiter}} invites you to answer a personality questionnaire as part of your interview for {{role}}: 120 short statements about yourself, about 15 minutes. You can stop and come back through the same link.",
    optional:
      "It is optional, and it is never the only basis of a decision. The first page tells you who sees your answers and how long they are kept.",
    expires: "The link works until {{date}}.",
    noExpiry: "The link works until the team withdraws it.",
    action: "Open the questionnaire",
    private: "The link is yours: whoever has it can answer in your name. If this message was not meant for you, delete it.",
  },
};

export default enMail;
