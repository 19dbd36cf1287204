import { useTranslation } from "~/utils/use-translation";
import { ShownText } from "~/components/ShownText";
import { TableScroll } from "~/components/TableScroll";
import type { TraitKey } from "~/domain/traits";
import type { ShownText as ShownTextValue } from "~/domain/shown-text";
import "~/locales/role";

export type IdealProfileRow = { trait: TraitKey; low: number; high: number; weight: number; statement: ShownTextValue | null };

/** An ideal profile's numbers: the table beside every chart of it, and what print and screen readers use. */
export function IdealProfileTable(props: {
  profile: readonly IdealProfileRow[];
  caption: string;
  captionHidden?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <TableScroll label={props.caption}>
      <table data-testid={props.testId}>
        <caption className={props.captionHidden ? "visually-hidden" : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("role.columns.trait")}</th>
            <th scope="col" className="num">
              {t("role.columns.low")}
            </th>
            <th scope="col" className="num">
              {t("role.columns.high")}
            </th>
            <th scope="col" className="num">
              {t("role.columns.weight")}
            </th>
            <th scope="col">{t("role.columns.statement")}</th>
          </tr>
        </thead>
        <tbody>
          {props.profile.map((p) => (
            <tr key={p.trait} data-trait={p.trait}>
              <th scope="row">{t(`traits.${p.trait}`)}</th>
              <td className="num">{p.low}</td>
              <td className="num">{p.high}</td>
              <td className="num">{p.weight}</td>
              <td className="prose-cell">{p.statement ? <ShownText value={p.statement} /> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
