import { PlainLink } from "~/components/PlainLink";
import { DueState } from "~/components/assessment/DueState";
import { formatInstantInZone } from "~/utils/dates";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/assessments";

export type DueRow = {
  id: number;
  candidateName: string;
  kitName: string;
  kitVersion: number;
  interviewAt: string | null;
  interviewTimeZone: string | null;
  dueAt: string | null;
  myStatus: "not_started" | "draft";
};

/**
 * What an interviewer owes, first on their list: the assessments whose
 * scorecard they have not submitted, most overdue first, each with its
 * interview time in the zone it was set in and how far the due time is.
 */
export function DueList({ rows, total, now }: { rows: DueRow[]; total: number; now: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="due-title" data-testid="due-section">
      <h2 id="due-title">{t("assessmentList.due.title")}</h2>
      {rows.length === 0 ? (
        <p>{t("assessmentList.due.none")}</p>
      ) : (
        <>
          <p className="muted">{t("assessmentList.due.intro")}</p>
          <div className="table-scroll">
            <table data-testid="due-list">
              <thead>
                <tr>
                  <th scope="col">{t("assessmentList.candidate")}</th>
                  <th scope="col">{t("assessmentList.due.interview")}</th>
                  <th scope="col">{t("assessmentList.due.dueState")}</th>
                  <th scope="col">{t("assessmentList.myScorecard")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-testid="due-row" data-assessment-id={row.id}>
                    <th scope="row">
                      <PlainLink to={`/assessments/${row.id}`}>{row.candidateName}</PlainLink>
                      <div className="muted">
                        {row.kitName} (v{row.kitVersion})
                      </div>
                    </th>
                    <td>
                      {row.interviewAt !== null && row.interviewTimeZone !== null ? (
                        <time dateTime={row.interviewAt}>{formatInstantInZone(i18n.language, row.interviewAt, row.interviewTimeZone)}</time>
                      ) : (
                        <span className="muted">{t("assessmentList.due.notScheduled")}</span>
                      )}
                    </td>
                    <td>
                      {row.dueAt === null ? (
                        <span className="muted">{t("assessmentList.due.noDueTime")}</span>
                      ) : (
                        <DueState dueAt={row.dueAt} submitted={false} now={now} />
                      )}
                    </td>
                    <td>
                      <PlainLink to={`/assessments/${row.id}/scorecard`}>{t(`assessments.status.${row.myStatus}`)}</PlainLink>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {total > rows.length && (
            <p className="muted" data-testid="due-more">
              {t("assessmentList.due.more", { count: total - rows.length })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
