import type { AppLoadContext } from "@remix-run/node";
import type { InterviewSchedule, MailContext } from "~/models/assessments.server";
import { interviewTimeSchema, type InterviewTimeField } from "~/schemas/interview-time";
import type { UiLanguage } from "~/utils/i18n";
import { instantOfWallTime } from "~/utils/zoned-time";
import { canonicalTimeZone } from "~/domain/time-zones";
import { parseForm } from "./forms.server";

export type InterviewTimeValues = Record<InterviewTimeField, string>;

export type InterviewTimeForm =
  | { ok: true; schedule: InterviewSchedule | null; values: InterviewTimeValues }
  | { ok: false; errors: Partial<Record<InterviewTimeField, string>>; values: InterviewTimeValues };

/** The interview-time fields of a post, checked with interviewTimeSchema and turned into instants. */
export function readInterviewTime(formData: FormData): InterviewTimeForm {
  const values: InterviewTimeValues = {
    interviewAt: String(formData.get("interviewAt") ?? ""),
    interviewTimeZone: String(formData.get("interviewTimeZone") ?? ""),
    scorecardDueAt: String(formData.get("scorecardDueAt") ?? ""),
  };
  const parsed = parseForm(formData, interviewTimeSchema);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values };
  const { interviewAt, scorecardDueAt } = parsed.data;
  if (interviewAt === null || parsed.data.interviewTimeZone === null) return { ok: true, schedule: null, values };
  // "europe/madrid" is understood; "Europe/Madrid" is what is kept and shown.
  const interviewTimeZone = canonicalTimeZone(parsed.data.interviewTimeZone);
  const at = instantOfWallTime(interviewAt, interviewTimeZone);
  if (!at) return { ok: false, errors: { interviewAt: "validation.interviewTimeInvalid" }, values };
  const dueAt = scorecardDueAt === null ? null : instantOfWallTime(scorecardDueAt, interviewTimeZone);
  if (dueAt === undefined) return { ok: false, errors: { scorecardDueAt: "validation.interviewTimeInvalid" }, values };
  if (dueAt !== null && dueAt <= at) return { ok: false, errors: { scorecardDueAt: "validation.dueBeforeInterview" }, values };
  return { ok: true, schedule: { at, timeZone: interviewTimeZone, dueAt }, values };
}

/** What a write needs to send e-mail, in the language of the one who causes it; null when e-mail is off. */
export function mailContext(context: AppLoadContext, language: UiLanguage): MailContext {
  return context.mail.on ? { appUrl: context.mail.appUrl, language } : null;
}
