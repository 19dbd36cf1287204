import { useId } from "react";
import type { TraitKey } from "~/domain/traits";
import { TableScroll } from "~/components/TableScroll";
import { useNumberFormats } from "~/utils/numbers";
import { useTranslation } from "~/utils/use-translation";
import { ChartLegend } from "./ChartLegend";
import { DrawnChart } from "./DrawnChart";
import type { SentChart } from "./drawing";
import "~/locales/role";

/** The band's colours, as on the ideal profile's and the candidate's band charts. */
const SUCCESS_CASE_BAND = { fill: "#bfdbfe", stroke: "#2563eb" } as const;
/** The case's mark: dark, as a candidate's score is on the band chart. */
const SUCCESS_CASE_MARK = "#1f2933";

/** A trait's row: the case's score (null: not given) and the role's ideal band (null: none, or hidden from this reader). */
export type SuccessCaseTrait = { trait: TraitKey; score: number | null; band: { low: number; high: number } | null };

/**
 * The success case's OCEAN+ profile beside the role's ideal bands, as the
 * server drew it (success-case-drawing.server.tsx), with every number in the
 * table under it. The numbers are the team's reading of the case's story: the
 * figure says so first.
 */
export function SuccessCaseChart({ traits, svg }: { traits: readonly SuccessCaseTrait[]; svg: SentChart }): JSX.Element {
  const { t } = useTranslation();
  const { score } = useNumberFormats();
  const captionId = useId();
  const given = traits.filter((row) => row.score !== null && row.band !== null);
  const inside = given.filter((row) => row.band && row.score !== null && row.score >= row.band.low && row.score <= row.band.high);
  return (
    <figure className="chart chart-figure" aria-labelledby={captionId} data-testid="success-case-profile">
      <figcaption id={captionId}>{t("role.successProfileChart")}</figcaption>
      <p className="note">{t("role.successProfileIllustrative")}</p>
      {given.length > 0 && <p className="muted">{t("role.successProfileReading", { inside: inside.length, given: given.length })}</p>}
      <div className="chart-canvas" data-testid="success-case-chart">
        <DrawnChart svg={svg} />
      </div>
      <ChartLegend
        entries={[
          { label: t("role.caseScore"), color: SUCCESS_CASE_MARK, shape: "area" },
          { label: t("role.columns.band"), color: SUCCESS_CASE_BAND.fill, outline: SUCCESS_CASE_BAND.stroke, shape: "area" },
        ]}
      />
      <TableScroll label={t("role.successProfile")}>
        <table className="success-case-table" data-testid="success-case-table">
          <caption className="visually-hidden">{t("role.successProfile")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("role.columns.trait")}</th>
              <th scope="col" className="num">
                {t("role.caseScore")}
              </th>
              <th scope="col" className="num">
                {t("role.columns.band")}
              </th>
            </tr>
          </thead>
          <tbody>
            {traits.map((row) => (
              <tr key={row.trait} data-trait={row.trait}>
                <th scope="row">{t(`traits.${row.trait}`)}</th>
                <td className="num">{row.score === null ? <span className="muted">{t("role.notGiven")}</span> : score(row.score)}</td>
                <td className="num">{row.band ? `${score(row.band.low)}–${score(row.band.high)}` : t("role.none")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
