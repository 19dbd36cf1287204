import { z } from "./zod-mini";
import { isKnownTimeZone } from "~/domain/time-zones";

// Messages are i18n keys (validation.*), shown in the reader's language.

/** A datetime-local field's value, "2026-12-05T10:00"; empty is null. */
const wallTime = z.pipe(
  z.optional(z.string().check(z.trim(), z.regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})?$/, "validation.interviewTimeInvalid"))),
  z.transform((v) => (v === undefined || v === "" ? null : v)),
);

/**
 * An interviewer's interview time: a wall-clock time in a time zone, and
 * optionally the scorecard's due time in the same zone (empty: the team's
 * default after the interview). All empty: not scheduled. The browser and
 * the server check it alike; the server turns it into instants.
 */
export const interviewTimeSchema = z
  .object({
    interviewAt: wallTime,
    interviewTimeZone: z.pipe(
      z.optional(z.string().check(z.trim(), z.maxLength(64, "validation.timeZoneUnknown"))),
      z.transform((v) => (v === undefined || v === "" ? null : v)),
    ),
    scorecardDueAt: wallTime,
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.interviewTimeZone !== null && !isKnownTimeZone(value.interviewTimeZone)) {
        ctx.issues.push({ code: "custom", input: value, path: ["interviewTimeZone"], message: "validation.timeZoneUnknown" });
      }
      if (value.interviewAt !== null && value.interviewTimeZone === null) {
        ctx.issues.push({ code: "custom", input: value, path: ["interviewTimeZone"], message: "validation.timeZoneRequired" });
      }
      if (value.scorecardDueAt !== null && value.interviewAt === null) {
        ctx.issues.push({ code: "custom", input: value, path: ["interviewAt"], message: "validation.interviewTimeRequired" });
      }
      // Both in the same zone and the same fixed format: text order is time order (a daylight-saving hour aside).
      if (value.scorecardDueAt !== null && value.interviewAt !== null && value.scorecardDueAt <= value.interviewAt) {
        ctx.issues.push({ code: "custom", input: value, path: ["scorecardDueAt"], message: "validation.dueBeforeInterview" });
      }
    }),
  );
export type InterviewTimeInput = z.output<typeof interviewTimeSchema>;

/** The fields of the form, for the forms that embed it. */
export const INTERVIEW_TIME_FIELDS = ["interviewAt", "interviewTimeZone", "scorecardDueAt"] as const;
export type InterviewTimeField = (typeof INTERVIEW_TIME_FIELDS)[number];
