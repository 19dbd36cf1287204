import { PlainLink } from "~/components/PlainLink";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/assessments";

export type DueRow = {
  id: number;
  candidateName: string;
  kitName: string;
  kitVersion: number;
  /** The interview time in its own zone, as the loader wrote it in the reader's language. */
  interview: string | null;
  /** "due in 3 hr" or "overdue 2 days" (the loader's words, from dueState), or null without a due time. */
  due: { overdue: boolean; text: string } | null;
  myStatus: "not_started" | "draft";
};

/**
 * What an interviewer owes, first on their list: the assessments whose
 * scorecard they have not submitted, most overdue first, each with its
 * interview time in the zone it was set in and how far the due time is. The
 * loader writes both (the same words as DueState), so the page's JavaScript
 * carries no date or distance code.
 */
export function DueList({ rows, total }: { rows: DueRow[]; total: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="due-title" data-testid="due-section">
      <h2 id="due-title">{t("assessmentList.due.title")}</h2>
      {rows.length === 0 ? (
        <p>{t("assessmentList.due.none")}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table data-testid="due-list">
              <thead>
                <tr>
                  <th scope="col">{t("assessmentList.candidate")}</th>
                  <th scope="col">{t("assessmentList.dueColumn")}</th>
                  <th scope="col">{t("assessments.columns.interview")}</th>
                  <th scope="col">{t("assessmentList.myScorecard")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-testid="due-row" data-assessment-id={row.id}>
                    <th scope="row">
                      <PlainLink to={`/assessments/${row.id}`}>{row.candidateName}</PlainLink>
                      <div className="muted assessment-kit">
                        {row.kitName} (v{row.kitVersion})
                      </div>
                    </th>
                    <td>
                      {row.due === null ? (
                        "—"
                      ) : (
                        <span className={row.due.overdue ? "due due-overdue" : "due"} data-testid="due-state">
                          {row.due.text}
                        </span>
                      )}
                    </td>
                    <td>{row.interview ?? "—"}</td>
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
