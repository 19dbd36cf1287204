import type { TraitKey } from "~/domain/traits";
import type { UiLanguage } from "~/utils/i18n";
import { numberFormats } from "~/utils/numbers";
import type { ChartVariant, Translate } from "./drawing";
import { bandMarkChart } from "./trait-band-drawing.server";

/** A trait of the chart: the case's score (null: not given) and the role's ideal band (null: the role has none). */
export type SuccessCaseDrawingRow = { trait: TraitKey; score: number | null; band: { low: number; high: number } | null };

/**
 * The picture of a candidate's scores against the bands, drawn for the
 * success case: its score written right of the scale; a trait the case does
 * not give has no mark, and says so. On a phone the trait names' column is
 * wide enough for "Conscientiousness", one word that cannot wrap, at 11 px.
 */
export function successCaseDrawing(rows: readonly SuccessCaseDrawingRow[], variant: ChartVariant, t: Translate, language: UiLanguage) {
  const { score } = numberFormats(language);
  return bandMarkChart({
    rows: rows.map((row) => ({ ...row, label: row.score === null ? t("role.notGiven") : score(row.score) })),
    variant,
    title: t("role.successProfileChart"),
    t,
    narrow: { axis: 124, right: 72 },
  });
}
