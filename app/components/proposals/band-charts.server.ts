import type { AppLoadContext } from "@remix-run/node";
import type { Json } from "~/domain/profile-diff";
import type { UiLanguage } from "~/utils/i18n";
import { idealProfileSvg, sendChart } from "~/components/charts/chart-svg.server";
import { bandChanges } from "./band-changes";

/**
 * The bands a change moves, drawn before and after by the server (only the
 * traits that changed, each side as the ideal-profile chart draws a role), as
 * a loader sends them; null when no band changed.
 */
export function bandChangeCharts(context: AppLoadContext, before: Json, after: Json, language: UiLanguage) {
  const changes = bandChanges(before, after);
  if (changes.length === 0) return null;
  const drawn = (side: "before" | "after") => {
    const bands = changes.flatMap((change) => {
      const band = change[side];
      return band === null ? [] : [{ trait: change.trait, ...band }];
    });
    return bands.length === 0 ? null : sendChart(context, idealProfileSvg(bands, language));
  };
  return { changes, before: drawn("before"), after: drawn("after") };
}
