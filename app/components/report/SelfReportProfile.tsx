import { useTranslation } from "~/utils/use-translation";
import { TableScroll } from "~/components/TableScroll";
import type { TraitKey } from "~/domain/traits";
import { useFormatDate } from "~/utils/dates";
import { useNumberFormats } from "~/utils/numbers";
import "~/locales/report-self";

/** The candidate's self-report as a published report holds it (the snapshot's, frozen when published). */
export type SelfReportProfileData = {
  completedAt: string;
  traits: {
    trait: TraitKey;
    measured: boolean;
    score: number | null;
    facets: { title: string; text: string; score: number | null }[];
  }[];
};

/**
 * "Your self-report" on the candidate's report (issue 20): a score per trait
 * in a table, then each measured trait's facets with their plain-language
 * texts. A trait without a score says why (not measured, or not scored),
 * never 0. The texts are the snapshot's, in the report's language.
 */
export function SelfReportProfile({ selfReport }: { selfReport: SelfReportProfileData }) {
  const { t } = useTranslation();
  const { score } = useNumberFormats();
  const formatDate = useFormatDate();
  return (
    <section aria-labelledby="report-self-report" data-testid="report-self-report">
      <h2 id="report-self-report">{t("reportSelf.heading")}</h2>
      <p>{t("reportSelf.intro", { date: formatDate(selfReport.completedAt, "date") })}</p>
      <TableScroll label={t("reportSelf.traitsCaption")}>
        <table data-testid="self-report-traits">
          <caption>{t("reportSelf.traitsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reportSelf.trait")}</th>
              <th scope="col">{t("reportSelf.score")}</th>
            </tr>
          </thead>
          <tbody>
            {selfReport.traits.map((row) => (
              <tr key={row.trait} data-trait={row.trait}>
                <th scope="row">{t(`traits.${row.trait}`)}</th>
                <td>{row.score !== null ? score(row.score) : t(row.measured ? "reportSelf.notScored" : "reportSelf.notMeasured")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {selfReport.traits
        .filter((row) => row.measured)
        .map((row) => (
          <section key={row.trait} aria-labelledby={`self-report-${row.trait}`} data-testid={`self-report-facets-${row.trait}`}>
            <h3 id={`self-report-${row.trait}`}>{t("reportSelf.facetsHeading", { trait: t(`traits.${row.trait}`) })}</h3>
            <dl className="self-report-facets">
              {row.facets.map((facet) => (
                <div key={facet.title}>
                  <dt>
                    {facet.score !== null
                      ? t("reportSelf.facetScore", { title: facet.title, score: score(facet.score) })
                      : t("reportSelf.facetNotScored", { title: facet.title })}
                  </dt>
                  <dd>{facet.text}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
    </section>
  );
}
