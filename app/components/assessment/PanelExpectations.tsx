import { useTranslation } from "~/utils/use-translation";
import { ShownText } from "~/components/ShownText";
import { TableScroll } from "~/components/TableScroll";
import type { ExpectationSummary, PanelExpectation } from "~/domain/expectation-marks";
import type { Level } from "~/domain/levels";
import type { ShownText as ShownTextValue } from "~/domain/shown-text";
import "~/locales/assessments";

/** The kit's skill expectations as the panel marked them, from the submitted scorecards only. */
export type PanelExpectationsView = {
  level: Level;
  /** The interviewers who submitted, in the panel's order. */
  interviewers: { id: string; name: string }[];
  rows: (PanelExpectation & { skillName: string; mandatory: boolean; description: ShownTextValue })[];
  summary: ExpectationSummary;
};

/**
 * Per skill expectation of the kit: each submitting interviewer's mark, the
 * panel's view by the rule written above the table, and how many of the
 * kit's skills the candidate meets at its level.
 */
export function PanelExpectations({ view }: { view: PanelExpectationsView }) {
  const { t } = useTranslation();
  const level = t(`levels.${view.level}`);
  const heading = t("assessments.expectations.heading", { level });
  return (
    <section aria-labelledby="panel-expectations" data-testid="panel-expectations">
      <h2 id="panel-expectations">{heading}</h2>
      <p data-testid="expectation-summary">
        <strong>{t("assessments.expectations.summary", { level, met: view.summary.met, count: view.summary.total })}</strong>
        {view.summary.notAsked > 0 && <> {t("assessments.expectations.notAsked", { count: view.summary.notAsked })}</>}
      </p>
      <p className="field-hint">{t("assessments.expectations.rule")}</p>
      <TableScroll label={heading}>
        <table className="expectation-table" data-testid="expectation-table">
          <caption className="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t("assessments.expectations.skill")}</th>
              {view.interviewers.map((i) => (
                <th key={i.id} scope="col">
                  {i.name}
                </th>
              ))}
              <th scope="col">{t("assessments.expectations.view")}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.position} data-position={row.position}>
                <th scope="row">
                  {row.skillName}
                  {row.mandatory && (
                    <>
                      {" "}
                      <span className="badge badge-mandatory">{t("assessments.expectations.mandatory")}</span>
                    </>
                  )}
                  <div className="expectation-text">
                    <ShownText value={row.description} />
                  </div>
                </th>
                {view.interviewers.map((i) => {
                  const mark = row.marks[i.id];
                  return (
                    <td key={i.id} className={mark ? `mark mark-${mark}` : "muted"}>
                      {t(`assessments.expectations.mark.${mark ?? "not_asked"}`)}
                    </td>
                  );
                })}
                <td>
                  <strong className={`verdict verdict-${row.verdict}`}>{t(`assessments.expectations.verdict.${row.verdict}`)}</strong>
                  {row.asked > 0 && (
                    <span className="expectation-counts">
                      {t("assessments.expectations.counts", {
                        asked: row.asked,
                        met: row.counts.met,
                        partly: row.counts.partly,
                        notMet: row.counts.not_met,
                      })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
