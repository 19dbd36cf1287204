import { renderToStaticMarkup } from "react-dom/server";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import type { Level } from "~/domain/levels";
import { translators } from "~/utils/i18n.server";
import type { UiLanguage } from "~/utils/i18n";
import { CHART_WIDTH, surfaceProps, type ChartSvg, type ChartVariant } from "./drawing";
import { LEVEL_EXPECTED_FILL, LEVEL_MET_FILL } from "./level-met-chart";

/** One level's bars: how many skills it expects and how many of those are met. */
export type LevelMetRow = { level: Level; expected: number; met: number };

const HEIGHT: Record<ChartVariant, number> = { wide: 300, narrow: 240 };

/**
 * Per level of the path, the skills expected at it beside those met at it or
 * above, each bar labelled with its count. A level's name is one or two words
 * (初级 in Chinese, two ~1em glyphs), so the category axis needs no wrapping; the
 * numbers are in the table beside the chart.
 */
function levelMetDrawing(rows: readonly LevelMetRow[], variant: ChartVariant, language: UiLanguage): JSX.Element {
  const { t } = translators[language];
  const narrow = variant === "narrow";
  const fontSize = narrow ? 12 : 14;
  const data = rows.map((row) => ({ name: t(`levels.${row.level}`), expected: row.expected, met: row.met }));
  return (
    <BarChart
      width={CHART_WIDTH[variant]}
      height={HEIGHT[variant]}
      data={data}
      margin={{ top: 24, right: 8, bottom: 8, left: 0 }}
      barGap={2}
      {...surfaceProps(t("level.metChartLabel"))}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="name" interval={0} fontSize={fontSize} tickMargin={6} />
      <YAxis allowDecimals={false} width={narrow ? 32 : 48} fontSize={fontSize} />
      <Bar dataKey="expected" fill={LEVEL_EXPECTED_FILL} isAnimationActive={false}>
        <LabelList dataKey="expected" position="top" fill="#1f2933" fontSize={fontSize} />
      </Bar>
      <Bar dataKey="met" fill={LEVEL_MET_FILL} isAnimationActive={false}>
        <LabelList dataKey="met" position="top" fill="#1f2933" fontSize={fontSize} />
      </Bar>
    </BarChart>
  );
}

/**
 * The chart at both sizes. Unlike the library's charts (chart-svg.server.tsx
 * keeps them), it is drawn for every request: its input is one person's
 * answers, which are seldom asked for twice.
 */
export function levelMetSvg(rows: readonly LevelMetRow[], language: UiLanguage): ChartSvg {
  const render = (variant: ChartVariant) => renderToStaticMarkup(levelMetDrawing(rows, variant, language));
  return { wide: render("wide"), narrow: render("narrow") };
}
