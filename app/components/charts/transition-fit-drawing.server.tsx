import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { numberFormats } from "~/utils/numbers";
import type { UiLanguage } from "~/utils/i18n";
import { OWN_FILL, PUBLISHED_FILL, type ChartTransition } from "./TransitionFitChart";
import { CHART_WIDTH, categoryTick, surfaceProps, type ChartVariant, type Translate } from "./drawing";

/** What the chart shows of a transition. */
export type TransitionDrawingRow = Pick<ChartTransition, "target" | "publishedFit" | "fit">;

/** Height for a number of transitions: two bars each, never squeezed below 200 px. */
function transitionFitHeight(transitions: number): number {
  return Math.max(200, 70 * transitions + 60);
}

/** Per career transition: the published fit % next to the candidate's own fit, each bar labelled with its percent. */
export function transitionFitDrawing(
  transitions: readonly TransitionDrawingRow[],
  variant: ChartVariant,
  t: Translate,
  language: UiLanguage,
): JSX.Element {
  const narrow = variant === "narrow";
  const { fitPercent } = numberFormats(language);
  const data = transitions.map((tr) => ({
    name: tr.target,
    published: tr.publishedFit,
    publishedLabel: fitPercent(tr.publishedFit),
    own: tr.fit === null ? null : Math.round(tr.fit),
    ownLabel: tr.fit === null ? t("report.charts.noFit") : fitPercent(tr.fit),
  }));
  return (
    <BarChart
      width={CHART_WIDTH[variant]}
      height={transitionFitHeight(transitions.length)}
      data={data}
      layout="vertical"
      margin={{ top: 8, right: 64, bottom: 8, left: narrow ? 0 : 24 }}
      {...surfaceProps(t("report.charts.transitionTitle"))}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} />
      <YAxis type="category" dataKey="name" width={narrow ? 120 : 190} tick={categoryTick(narrow ? 11 : 14)} />
      <Bar dataKey="published" fill={PUBLISHED_FILL} isAnimationActive={false}>
        <LabelList dataKey="publishedLabel" position="right" fill="#1f2933" />
      </Bar>
      <Bar dataKey="own" fill={OWN_FILL} isAnimationActive={false}>
        <LabelList dataKey="ownLabel" position="right" fill="#1f2933" />
      </Bar>
    </BarChart>
  );
}
