import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ConfirmedAction } from "~/components/ConfirmedAction";
import type { ConfirmSpec } from "~/utils/confirm";
import { formatInstantInZone, useFormatDate } from "~/utils/dates";
import type { InterviewTimeField } from "~/schemas/interview-time";
import { DueState } from "./DueState";
import { InterviewTimeFields } from "./InterviewTimeFields";
import { TableScroll } from "~/components/TableScroll";
import "~/locales/assessments";
import "~/locales/loop";

/** An interviewer on the panel and where their scorecard stands (never its content). */
export type PanelInterviewer = {
  userId: number;
  name: string;
  status: "not_started" | "draft" | "submitted";
  scorecardId: number | null;
  submittedAt: string | null;
  interviewAt: string | null;
  interviewTimeZone: string | null;
  scorecardDueAt: string | null;
  /** The interview and due times as the schedule form shows them: wall-clock times in the interview's zone. */
  scheduleValues: Record<InterviewTimeField, string>;
};

/** A refused interview-time post: for whom (null: the add form), the fields' errors and what was posted. */
export type InterviewTimeRefusal = {
  userId: number | null;
  errors: Partial<Record<InterviewTimeField, string>>;
  values: Partial<Record<InterviewTimeField, string>>;
};

/** Why the last add or remove was refused. */
export type InterviewerRefusal = "notAddable" | "notRemovable" | "lastInterviewer" | "notSchedulable" | "debriefClosed";

/** What removing an interviewer loses: their access, and their draft only if the recruiter discards it. */
export function removeSpec(interviewer: Pick<PanelInterviewer, "name" | "status">): ConfirmSpec {
  const name = interviewer.name;
  const hasDraft = interviewer.status === "draft";
  return {
    title: { key: "assessments.confirmRemove.title", params: { name } },
    lost: [
      { key: "assessments.confirmRemove.access", params: { name } },
      { key: hasDraft ? "assessments.confirmRemove.draftKept" : "assessments.confirmRemove.noDraft" },
    ],
    confirm: { key: "assessments.confirmRemove.confirm", params: { name } },
    ...(hasDraft && { option: { name: "discardDraft", label: { key: "assessments.confirmRemove.discardDraft" } } }),
  };
}

/** What reopening a submitted scorecard changes: the panel without it until it is submitted again, and a live report's content. */
export function reopenSpec(name: string, liveReport: boolean): ConfirmSpec {
  return {
    title: { key: "assessments.confirmReopen.title", params: { name } },
    lost: [
      { key: "assessments.confirmReopen.panel", params: { name } },
      ...(liveReport ? [{ key: "assessments.reopenChangesReport" as const }] : []),
    ],
    confirm: { key: "assessments.confirmReopen.confirm" },
  };
}

/**
 * Who scores the candidate and where each scorecard stands; for a recruiter,
 * reopening a submitted scorecard, removing an interviewer and adding one.
 */
export function InterviewersSection({
  interviewers,
  addable,
  isRecruiter,
  liveReport,
  message,
  now,
  dueHours,
  mailOn,
  timeRefused,
}: {
  interviewers: readonly PanelInterviewer[];
  /** The interviewers a recruiter may add: not on the panel yet. */
  addable: readonly { id: number; name: string }[];
  isRecruiter: boolean;
  /** A live report link: reopening changes what it would show next. */
  liveReport: boolean;
  message: InterviewerRefusal | null;
  /** The loader's clock, so "due in 3 hr" reads the same on the server and in the browser. */
  now: string;
  dueHours: number;
  /** E-mail is set up: an added or rescheduled interviewer is told by e-mail. */
  mailOn: boolean;
  timeRefused: InterviewTimeRefusal | null;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormatDate();
  const dateTime = (iso: string) => format(iso, "dateTime");
  return (
    <section aria-labelledby="interviewers">
      <h2 id="interviewers">{t("assessments.interviewers")}</h2>
      {message && (
        <p className="alert" role="alert">
          {t(`assessments.errors.${message}`)}
        </p>
      )}
      <TableScroll label={t("assessments.interviewers")}>
        <table data-testid="interviewers-table">
          <thead>
            <tr>
              <th scope="col">{t("assessments.columns.interviewer")}</th>
              <th scope="col">{t("assessments.columns.status")}</th>
              <th scope="col">{t("assessments.columns.interview")}</th>
              <th scope="col">{t("assessments.columns.submittedAt")}</th>
              {isRecruiter && (
                <th scope="col" className="actions-column">
                  {t("assessments.columns.actions")}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {interviewers.map((i) => (
              <tr key={i.userId}>
                <th scope="row">{i.name}</th>
                <td>{t(`assessments.status.${i.status}`)}</td>
                <td data-testid="interview-time">
                  {i.interviewAt && i.interviewTimeZone ? (
                    <>
                      {formatInstantInZone(i18n.language, i.interviewAt, i.interviewTimeZone)}
                      <br />
                      <span className="muted">{i.interviewTimeZone}</span>
                    </>
                  ) : (
                    <span className="muted">{t("loop.interviewTime.notScheduled")}</span>
                  )}
                  {i.scorecardDueAt && i.status !== "submitted" && (
                    <>
                      <br />
                      {t("loop.interviewTime.dueAt", {
                        time: i.interviewTimeZone
                          ? formatInstantInZone(i18n.language, i.scorecardDueAt, i.interviewTimeZone)
                          : dateTime(i.scorecardDueAt),
                      })}
                      <br />
                      <DueState dueAt={i.scorecardDueAt} submitted={false} now={now} />
                    </>
                  )}
                </td>
                <td>{i.submittedAt ? dateTime(i.submittedAt) : "—"}</td>
                {isRecruiter && (
                  <td className="actions-column">
                    {i.status === "submitted" && i.scorecardId !== null ? (
                      <ConfirmedAction
                        intent="reopen"
                        fields={{ scorecardId: i.scorecardId }}
                        label={t("assessments.reopen")}
                        accessibleName={t("assessments.reopenLabel", { name: i.name })}
                        spec={reopenSpec(i.name, liveReport)}
                      />
                    ) : interviewers.length > 1 ? (
                      <ConfirmedAction
                        intent="remove"
                        fields={{ userId: i.userId }}
                        label={t("assessments.remove")}
                        accessibleName={t("assessments.removeLabel", { name: i.name })}
                        spec={removeSpec(i)}
                      />
                    ) : (
                      <span className="muted">{t("assessments.lastInterviewer")}</span>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {isRecruiter && liveReport && interviewers.some((i) => i.status === "submitted") && (
        <p className="field-hint" data-testid="reopen-changes-report">
          {t("assessments.reopenChangesReport")}
        </p>
      )}
      {isRecruiter && (
        <>
          {interviewers
            .filter((i) => i.status !== "submitted")
            .map((i) => {
              const refused = timeRefused?.userId === i.userId ? timeRefused : null;
              return (
                <details key={i.userId} className="schedule" open={refused !== null || undefined}>
                  <summary>{t("loop.interviewTime.legendFor", { name: i.name })}</summary>
                  <Form method="post" className="form-stack">
                    <input type="hidden" name="userId" value={i.userId} />
                    <InterviewTimeFields
                      idPrefix={`schedule-${i.userId}`}
                      values={refused?.values ?? i.scheduleValues}
                      errors={refused?.errors ?? {}}
                      dueHours={dueHours}
                      legend={t("loop.interviewTime.legendFor", { name: i.name })}
                      legendHidden
                    />
                    <div>
                      <button type="submit" name="intent" value="schedule" className="button-secondary">
                        {t("loop.interviewTime.save")}
                      </button>
                    </div>
                  </Form>
                </details>
              );
            })}
        </>
      )}
      {isRecruiter && addable.length > 0 && (
        <Form method="post" className="form-stack add-interviewer">
          <h3>{t("assessments.addInterviewer")}</h3>
          <div className="field">
            <label htmlFor="add-interviewer">{t("assessments.interviewerToAdd")}</label>
            <select id="add-interviewer" name="userId">
              {addable.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <InterviewTimeFields
            idPrefix="add"
            values={timeRefused?.userId === null ? timeRefused.values : {}}
            errors={timeRefused?.userId === null ? timeRefused.errors : {}}
            dueHours={dueHours}
            legend={t("loop.interviewTime.legend")}
          />
          <p className="field-hint">{t(mailOn ? "loop.interviewTime.mailOn" : "loop.interviewTime.mailOff")}</p>
          <div>
            <button type="submit" name="intent" value="add" className="button-secondary">
              {t("assessments.add")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}
