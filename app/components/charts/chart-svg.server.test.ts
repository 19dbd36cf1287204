import { describe, expect, it, vi } from "vitest";
import * as ReactDomServer from "react-dom/server";
import { fitChartsSvg, idealProfileSvg, traitRadarSvg } from "./chart-svg.server";
import type { FitChartsData } from "./FitCharts";

vi.mock("react-dom/server", async (importOriginal) => {
  const actual = await importOriginal<typeof ReactDomServer>();
  return { ...actual, renderToStaticMarkup: vi.fn(actual.renderToStaticMarkup) };
});

const draws = vi.mocked(ReactDomServer.renderToStaticMarkup);

/** Each test draws bands no other test draws: the cache lives as long as the module. */
function bands(low: number) {
  return [
    { trait: "openness", low, high: 85, weight: 2 },
    { trait: "relational_engagement", low: 55, high: 75, weight: 1 },
  ] as const;
}

/** The opening tag of an SVG. */
function svgTag(markup: string): string {
  return /<svg\b[^>]*>/.exec(markup)?.[0] ?? "";
}

describe("a chart drawn on the server", () => {
  it("is drawn once for an input: the second call with the same input does not draw again, a different input does", () => {
    draws.mockClear();
    const first = idealProfileSvg(bands(60), "en");
    expect(draws).toHaveBeenCalledTimes(2); // the wide and the narrow drawing
    const again = idealProfileSvg(bands(60), "en");
    expect(draws).toHaveBeenCalledTimes(2);
    expect(again).toEqual(first);
    idealProfileSvg(bands(61), "en");
    expect(draws).toHaveBeenCalledTimes(4);
  });

  it("knows an input by its content, not by the order its object's keys were written in", () => {
    draws.mockClear();
    idealProfileSvg(bands(62), "en");
    idealProfileSvg(
      bands(62).map(({ trait, low, high, weight }) => ({ weight, high, low, trait })),
      "en",
    );
    expect(draws).toHaveBeenCalledTimes(2);
  });

  it("is drawn again for another language, with the trait names in it", () => {
    draws.mockClear();
    const english = idealProfileSvg(bands(63), "en");
    const spanish = idealProfileSvg(bands(63), "es");
    expect(draws).toHaveBeenCalledTimes(4);
    expect(english.wide).toContain(">Openness<");
    expect(spanish.wide).toContain(">Apertura<");
  });

  it("is an SVG that scales by its viewBox, with a wide and a narrow size, named for assistive technology", () => {
    const svg = idealProfileSvg(bands(64), "en");
    expect(svgTag(svg.wide)).toMatch(/ role="img"/);
    expect(svgTag(svg.wide)).toMatch(/ aria-label="Ideal band per trait \(0–100\)"/);
    expect(svgTag(svg.wide)).toMatch(/ viewBox="0 0 1040 320"/);
    expect(svgTag(svg.narrow)).toMatch(/ viewBox="0 0 360 320"/);
    // A bar per band, in each size.
    expect(svg.wide.match(/class="recharts-rectangle"/g)).toHaveLength(2);
    expect(svg.narrow.match(/class="recharts-rectangle"/g)).toHaveLength(2);
  });

  it("escapes every text it draws: a role's name is text, never markup", () => {
    const charts: FitChartsData = {
      traits: [{ trait: "openness", score: 70, evidence: 3, band: { low: 60, high: 80, weight: 2 } }],
      fit: 90,
      coverage: 0.5,
      hasProfile: true,
      areas: [],
      transitions: [
        { target: '</text><script>alert("x")</script>', publishedFit: 60, basis: "target_profile", fit: 70, coverage: 0.5, areas: [] },
      ],
    };
    const svg = fitChartsSvg(charts, "en").transitions;
    expect(svg?.wide).toContain("&lt;/text&gt;&lt;script&gt;");
    expect(svg?.wide).not.toContain("<script");
  });

  it("draws no transition chart when the role leads nowhere", () => {
    const charts: FitChartsData = { traits: [], fit: null, coverage: 0, hasProfile: false, areas: [], transitions: [] };
    expect(fitChartsSvg(charts, "en").transitions).toBeNull();
  });

  it("wraps a long trait name on a phone's narrow axis and keeps it whole on the wide one", () => {
    const svg = idealProfileSvg(bands(65), "en");
    const names = (markup: string) => [
      ...markup.matchAll(/<text[^>]*recharts-cartesian-axis-tick-value[^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g),
    ];
    const lines = (markup: string, name: string) =>
      names(markup)
        .map((match) => [...(match[1] ?? "").matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((tspan) => tspan[1]))
        .find((words) => words.join(" ") === name);
    expect(lines(svg.narrow, "Relational Engagement")).toEqual(["Relational", "Engagement"]);
    expect(lines(svg.wide, "Openness")).toEqual(["Openness"]);
  });

  it("draws a radar's band and a line per candidate, a trait without a score breaking the line rather than dropping to 0", () => {
    const svg = traitRadarSvg(
      {
        label: "Candidates against the band",
        band: { openness: { low: 60, high: 80 }, extraversion: { low: 40, high: 60 } },
        series: [{ openness: 70, extraversion: 50, agreeableness: 65 }, { openness: 55 }],
      },
      "en",
    );
    expect(svg.wide).toContain('aria-label="Candidates against the band"');
    expect(svg.wide).toMatch(/class="recharts-polygon"/);
    for (const stroke of ["#b45309", "#6d28d9"]) expect(svg.wide).toMatch(new RegExp(`<path d="[^"]*" fill="none" stroke="${stroke}"`));
    // The second candidate has one score: a point, no segment.
    expect(svg.wide).toMatch(/<path d="" fill="none" stroke="#6d28d9"/);
  });
});
