import type { AppLoadContext } from "@remix-run/node";
import { LRUCache } from "lru-cache";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { translators } from "~/utils/i18n.server";
import type { UiLanguage } from "~/utils/i18n";
import { radarOf, type FitChartsData, type FitChartsSvg } from "./FitCharts";
import type { ChartSvg, ChartVariant, SentChart, Translate } from "./drawing";
import { idealProfileDrawing, type IdealBand } from "./ideal-profile-drawing";
import { traitBandDrawing, type BandDrawingRow } from "./trait-band-drawing.server";
import { calibrationDistributionDrawing, type DistributionDrawingInput } from "./calibration-distribution-drawing.server";
import { traitRadarDrawing, type RadarDrawingInput } from "./trait-radar-drawing.server";
import { transitionFitDrawing, type TransitionDrawingRow } from "./transition-fit-drawing.server";
import { successCaseDrawing, type SuccessCaseDrawingRow } from "./success-case-drawing.server";

/*
 * Every read-only chart is drawn here, by Recharts 2 through React's own
 * renderer: the browser gets finished SVG and no chart code, and every text in
 * it (a trait's name, a role's name) is escaped by React, never pasted in.
 */

type Drawing<Input> = (input: Input, variant: ChartVariant, t: Translate, language: UiLanguage) => ReactElement;

/**
 * Drawn charts by kind, language and input. Drawing is Recharts' slowest work
 * (tens of milliseconds per chart, against ~0.1 ms to find one drawn before),
 * and the same role page or report is shown again and again. A chart's two
 * drawings are 15–30 KB: bounded by size, the least recently shown go first.
 *
 * A drawing is found by its input, so a change anywhere (on any app server)
 * is a new drawing, never a stale one. An erasure forgets this server's
 * drawings at once (forgetDrawings); another app server sharing the database
 * cannot be told, so no drawing is kept longer than DRAWING_TTL_MS anywhere.
 */
const DRAWING_TTL_MS = 10 * 60_000;
const drawn = new LRUCache<string, ChartSvg>({
  maxSize: 8_000_000,
  sizeCalculation: (svg) => svg.wide.length + svg.narrow.length,
  ttl: DRAWING_TTL_MS,
});

/**
 * Forgets every drawing: a candidate's erasure calls it, since the radars and
 * the per-trait chart are drawings of candidates' scores. Erasures are rare and
 * a drawing costs tens of milliseconds, so forgetting them all is simpler than
 * keying each drawing by the candidates in it (an input knows scores, not whose).
 */
export function forgetDrawings(): void {
  drawn.clear();
}

/** JSON with every object's keys in order: an input built in another order is the same key. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function draw<Input>(kind: string, input: Input, language: UiLanguage, drawing: Drawing<Input>): ChartSvg {
  const key = `${kind}:${language}:${stableJson(input)}`;
  const known = drawn.get(key);
  if (known) return known;
  const { t } = translators[language];
  const render = (variant: ChartVariant) => renderToStaticMarkup(drawing(input, variant, t, language));
  const svg = { wide: render("wide"), narrow: render("narrow") };
  drawn.set(key, svg);
  return svg;
}

/**
 * A chart as its loader sends it (SentChart): on a document request the
 * drawings are held for the server's render (DrawnChart reads them) and the
 * data gets their id, so the document carries them once, in its markup; a
 * data request's answer has no markup, so it gets the drawings.
 */
export function sendChart(context: AppLoadContext, svg: ChartSvg): SentChart {
  const held = context.chartDrawings;
  if (held === null) return svg;
  const drawingId = String(held.size + 1);
  held.set(drawingId, svg);
  return { drawingId };
}

/** An assessment's charts as its loader sends them (sendChart). */
export function sendFitCharts(context: AppLoadContext, svg: FitChartsSvg<ChartSvg>): FitChartsSvg {
  return {
    radar: sendChart(context, svg.radar),
    band: sendChart(context, svg.band),
    transitions: svg.transitions && sendChart(context, svg.transitions),
  };
}

/** A role's ideal profile, from its bands (only what the chart shows: a band's statement stays out of the key). */
export function idealProfileSvg(bands: readonly IdealBand[], language: UiLanguage): ChartSvg {
  const input = bands.map(({ trait, low, high, weight }) => ({ trait, low, high, weight }));
  return draw("ideal-profile", input, language, idealProfileDrawing);
}

/** The success case's scores over the role's bands (the role page). */
export function successCaseSvg(rows: readonly SuccessCaseDrawingRow[], language: UiLanguage): ChartSvg {
  return draw("success-case", rows, language, successCaseDrawing);
}

/** Candidates' scores over a role's band, named by the chart's caption (the comparison's radar). */
export function traitRadarSvg(input: RadarDrawingInput, language: UiLanguage): ChartSvg {
  return draw("trait-radar", input, language, traitRadarDrawing);
}

/** An assessment's radar, per-trait chart and transition chart, from its fit as the page (or the report's snapshot) holds it. */
export function fitChartsSvg(charts: FitChartsData, language: UiLanguage): FitChartsSvg<ChartSvg> {
  const { scores, band } = radarOf(charts.traits);
  const bandRows: BandDrawingRow[] = charts.traits.map(({ trait, score, evidence, band }) => ({
    trait,
    score,
    evidence,
    band: band && { low: band.low, high: band.high },
  }));
  const transitionRows: TransitionDrawingRow[] = charts.transitions.map(({ target, publishedFit, fit }) => ({ target, publishedFit, fit }));
  return {
    radar: traitRadarSvg({ label: translators[language].t("report.charts.radarTitle"), band, series: [scores] }, language),
    band: draw("trait-band", bandRows, language, traitBandDrawing),
    transitions: transitionRows.length === 0 ? null : draw("transition-fit", transitionRows, language, transitionFitDrawing),
  };
}

/** The calibration page's split of each interviewer's ratings or recommendations, one bar each. */
export function calibrationDistributionSvg(input: DistributionDrawingInput, language: UiLanguage): ChartSvg {
  return draw("calibration-distribution", input, language, calibrationDistributionDrawing);
}
