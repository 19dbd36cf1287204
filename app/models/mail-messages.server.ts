import escapeHtml from "escape-html";
import icalGenerator, { ICalCalendarMethod } from "ical-generator";
import type { UserRole } from "~/domain/accounts";
import { formatInstant, formatInstantInZone } from "~/utils/dates";
import { translators } from "~/utils/i18n.server";
import type { TranslationKey, TranslationParams, UiLanguage } from "~/utils/i18n";
import type { MailKind, OutgoingMessage } from "./outbox.server";

/*
 * Every message Traitkit sends, composed once when it is written to the
 * outbox: in the recipient's language, as plain text and as simple HTML (no
 * images, no tracking), with a link to the page it is about and nothing the
 * recipient may not see on that page.
 */

/** Who a message goes to. */
export type Recipient = { userId: number | null; email: string; name: string | null; language: UiLanguage };

type Paragraph = { key: TranslationKey; params?: TranslationParams };

type Composition = {
  kind: MailKind;
  recipient: Recipient;
  subject: Paragraph;
  paragraphs: Paragraph[];
  action: { label: TranslationKey; url: string };
  /** Said after the link: why this message came, how to stop the optional ones. */
  closing: Paragraph[];
  assessmentId: number | null;
  createdBy: number | null;
  calendar?: string | null;
  dedupeKey?: string | null;
};

function compose(c: Composition): OutgoingMessage {
  const { t } = translators[c.recipient.language];
  const said = (p: Paragraph) => t(p.key, p.params);
  const greeting = c.recipient.name ? t("mail.greeting", { name: c.recipient.name }) : t("mail.greetingNoName");
  const body = c.paragraphs.map(said);
  const closing = c.closing.map(said);
  const action = t(c.action.label);
  const text = [greeting, ...body, `${action}: ${c.action.url}`, t("mail.signature"), ...closing].join("\n\n");
  const html = [
    `<!doctype html><html lang="${c.recipient.language}"><head><meta charset="utf-8"><title>${escapeHtml(said(c.subject))}</title></head>`,
    `<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem">`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...body.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(c.action.url)}">${escapeHtml(action)}</a></p>`,
    `<p>${escapeHtml(t("mail.signature"))}</p>`,
    ...closing.map((p) => `<p style="color: #555; font-size: 0.875em">${escapeHtml(p)}</p>`),
    `</body></html>`,
  ].join("\n");
  return {
    kind: c.kind,
    to: c.recipient.email,
    recipientUserId: c.recipient.userId,
    assessmentId: c.assessmentId,
    subject: said(c.subject),
    text,
    html,
    calendar: c.calendar ?? null,
    dedupeKey: c.dedupeKey ?? null,
    createdBy: c.createdBy,
  };
}

/** A colleague's invitation: the one-time link, in the inviting recruiter's language. */
export function invitationMessage(args: {
  appUrl: string;
  email: string;
  role: UserRole;
  inviteUrl: string;
  expiresAt: string;
  inviter: { id: number; name: string };
  language: UiLanguage;
}): OutgoingMessage {
  const { t } = translators[args.language];
  return compose({
    kind: "invitation",
    recipient: { userId: null, email: args.email, name: null, language: args.language },
    subject: { key: "mail.invitation.subject", params: { inviter: args.inviter.name } },
    paragraphs: [
      { key: "mail.invitation.body", params: { inviter: args.inviter.name, role: t(`auth.roleNames.${args.role}`) } },
      { key: "mail.invitation.expires", params: { date: formatInstant(args.language, args.expiresAt, "dateTime") } },
    ],
    action: { label: "mail.invitation.action", url: args.inviteUrl },
    closing: [{ key: "mail.invitation.ignore" }, { key: "mail.invitation.footer", params: { email: args.email, appUrl: args.appUrl } }],
    assessmentId: null,
    createdBy: args.inviter.id,
  });
}

/** What every message about one interviewer's place on a panel names. */
export type PanelPlace = {
  appUrl: string;
  assessmentId: number;
  candidateName: string;
  kitName: string;
  interviewer: Recipient;
  interview: { at: string; timeZone: string } | null;
  scorecardDueAt: string | null;
};

/** "You have been assigned", with the interview as a calendar file when it has a time. */
export function assignedMessage(place: PanelPlace, recruiter: { id: number; name: string }): OutgoingMessage {
  const language = place.interviewer.language;
  const url = `${place.appUrl}/assessments/${place.assessmentId}`;
  const paragraphs: Paragraph[] = [
    { key: "mail.assigned.body", params: { recruiter: recruiter.name, candidate: place.candidateName, kit: place.kitName } },
  ];
  if (place.interview) {
    const { at, timeZone } = place.interview;
    paragraphs.push({ key: "mail.assigned.interview", params: { time: formatInstantInZone(language, at, timeZone), zone: timeZone } });
  } else {
    paragraphs.push({ key: "mail.assigned.noInterview" });
  }
  if (place.scorecardDueAt) {
    const time = place.interview
      ? formatInstantInZone(language, place.scorecardDueAt, place.interview.timeZone)
      : formatInstant(language, place.scorecardDueAt, "dateTime");
    paragraphs.push({ key: "mail.assigned.due", params: { time } });
  }
  if (place.interview) paragraphs.push({ key: "mail.assigned.calendar" });
  return compose({
    kind: "assigned",
    recipient: place.interviewer,
    subject: { key: "mail.assigned.subject", params: { candidate: place.candidateName } },
    paragraphs,
    action: { label: "mail.assigned.action", url },
    closing: [{ key: "mail.footer", params: { appUrl: place.appUrl } }],
    assessmentId: place.assessmentId,
    createdBy: recruiter.id,
    calendar: place.interview && interviewCalendar(place, place.interview, url),
  });
}

/** How long the calendar entry of an interview is: the length of a structured interview. */
const INTERVIEW_MINUTES = 60;

/**
 * The interview as an iCalendar entry (RFC 5545). Its UID is the panel
 * place's and its SEQUENCE grows with time, so a changed time sent later
 * updates the same calendar entry.
 */
function interviewCalendar(place: PanelPlace, interview: { at: string; timeZone: string }, url: string): string {
  const { t } = translators[place.interviewer.language];
  const start = new Date(interview.at);
  const calendar = icalGenerator({
    name: "Traitkit",
    method: ICalCalendarMethod.REQUEST,
    prodId: { company: "Traitkit", product: "Traitkit" },
  });
  calendar.createEvent({
    id: `assessment-${place.assessmentId}-interviewer-${place.interviewer.userId ?? 0}@traitkit`,
    start,
    end: new Date(start.getTime() + INTERVIEW_MINUTES * 60_000),
    // RFC 5545 wants a VTIMEZONE for a TZID; UTC times need none and every calendar shows them in its reader's zone.
    sequence: Math.floor(Date.now() / 60_000),
    summary: t("mail.assigned.event", { candidate: place.candidateName, kit: place.kitName }),
    url,
    description: url,
  });
  return calendar.toString();
}

/** The reminder of an overdue scorecard; once per due time (its dedupe key). */
export function reminderMessage(place: PanelPlace & { scorecardDueAt: string }): OutgoingMessage {
  return compose({
    kind: "reminder",
    recipient: place.interviewer,
    subject: { key: "mail.reminder.subject", params: { candidate: place.candidateName } },
    paragraphs: [
      {
        key: "mail.reminder.body",
        params: {
          candidate: place.candidateName,
          kit: place.kitName,
          time: place.interview
            ? formatInstantInZone(place.interviewer.language, place.scorecardDueAt, place.interview.timeZone)
            : formatInstant(place.interviewer.language, place.scorecardDueAt, "dateTime"),
        },
      },
    ],
    action: { label: "mail.reminder.action", url: `${place.appUrl}/assessments/${place.assessmentId}/scorecard` },
    closing: [{ key: "mail.reminder.optional" }, { key: "mail.footer", params: { appUrl: place.appUrl } }],
    assessmentId: place.assessmentId,
    createdBy: null,
    dedupeKey: `reminder:${place.assessmentId}:${place.interviewer.userId ?? 0}:${place.scorecardDueAt}`,
  });
}

/** "All scorecards are in", to the recruiter who made the assessment. */
export function allInMessage(args: {
  appUrl: string;
  assessmentId: number;
  candidateName: string;
  kitName: string;
  recruiter: Recipient;
  submittedCount: number;
  /** The submission that completed the panel, so a reopen and a new submission tell again, once. */
  completedAt: string;
}): OutgoingMessage {
  return compose({
    kind: "all_in",
    recipient: args.recruiter,
    subject: { key: "mail.allIn.subject", params: { candidate: args.candidateName } },
    paragraphs: [{ key: "mail.allIn.body", params: { candidate: args.candidateName, kit: args.kitName, count: args.submittedCount } }],
    action: { label: "mail.allIn.action", url: `${args.appUrl}/assessments/${args.assessmentId}` },
    closing: [{ key: "mail.allIn.optional" }, { key: "mail.footer", params: { appUrl: args.appUrl } }],
    assessmentId: args.assessmentId,
    createdBy: null,
    dedupeKey: `all_in:${args.assessmentId}:${args.completedAt}`,
  });
}

/** A candidate's report link, to the candidate's address, after the recruiter ticked "e-mail it" beside that address. */
export function reportLinkMessage(args: {
  appUrl: string;
  assessmentId: number;
  candidate: { email: string; name: string };
  roleName: string;
  reportUrl: string;
  expiresAt: string | null;
  recruiter: { id: number; name: string };
  language: UiLanguage;
}): OutgoingMessage {
  return compose({
    kind: "report_link",
    recipient: { userId: null, email: args.candidate.email, name: args.candidate.name, language: args.language },
    subject: { key: "mail.reportLink.subject", params: { role: args.roleName } },
    paragraphs: [
      { key: "mail.reportLink.body", params: { recruiter: args.recruiter.name, role: args.roleName } },
      args.expiresAt
        ? { key: "mail.reportLink.expires", params: { date: formatInstant(args.language, args.expiresAt, "date") } }
        : { key: "mail.reportLink.noExpiry" },
    ],
    action: { label: "mail.reportLink.action", url: args.reportUrl },
    closing: [{ key: "mail.reportLink.private" }],
    assessmentId: args.assessmentId,
    createdBy: args.recruiter.id,
  });
}

/**
 * A candidate's self-report questionnaire link, to the candidate's address, after the recruiter ticked
 * "e-mail it" beside that address: what is asked and how long it takes, nothing of the interview.
 */
export function questionnaireLinkMessage(args: {
  appUrl: string;
  assessmentId: number;
  candidate: { email: string; name: string };
  roleName: string;
  questionnaireUrl: string;
  expiresAt: string | null;
  recruiter: { id: number; name: string };
  language: UiLanguage;
}): OutgoingMessage {
  return compose({
    kind: "questionnaire_link",
    recipient: { userId: null, email: args.candidate.email, name: args.candidate.name, language: args.language },
    subject: { key: "mail.questionnaireLink.subject", params: { role: args.roleName } },
    paragraphs: [
      { key: "mail.questionnaireLink.body", params: { recruiter: args.recruiter.name, role: args.roleName } },
      { key: "mail.questionnaireLink.optional" },
      args.expiresAt
        ? { key: "mail.questionnaireLink.expires", params: { date: formatInstant(args.language, args.expiresAt, "date") } }
        : { key: "mail.questionnaireLink.noExpiry" },
    ],
    action: { label: "mail.questionnaireLink.action", url: args.questionnaireUrl },
    closing: [{ key: "mail.questionnaireLink.private" }],
    assessmentId: args.assessmentId,
    createdBy: args.recruiter.id,
  });
}
