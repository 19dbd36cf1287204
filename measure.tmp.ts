import { measurePageJavaScript } from "./app/cli/page-javascript";
const pages = await measurePageJavaScript("/work/wt/texts/build");
const kb = (b: number) => (b / 1024).toFixed(1);
const charts = /use-narrow-chart|BarChart|report-|FitCharts|IdealProfileChart|TraitBand|TraitRadar|TransitionFit/;
for (const p of pages) {
  console.log(p.route.padEnd(36), kb(p.gzippedBytes).padStart(6), p.language, p.validatedForm ? "form" : "    ", p.files.filter((f) => charts.test(f)).length ? "charts" : "");
}
