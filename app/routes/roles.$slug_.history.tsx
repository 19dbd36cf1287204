import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { readProfileHistory } from "~/http/proposals.server";
import { bandChangeCharts } from "~/components/proposals/band-charts.server";
import { ProfileHistory } from "~/components/proposals/ProfileHistory";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import "~/locales/proposals";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [{ title: loaded?.title ?? notFoundTitle(matches) }];

/**
 * GET /roles/:slug/history — every version of a role profile for members, and
 * the difference between two (`from`, `to`; by default the latest against
 * the one before), its changed bands drawn before and after. A version number
 * that cannot be read or is not the role's answers 400 with the reason by its field.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const translator = await getTranslator(request, context);
  const { t, language } = translator;
  const history = await readProfileHistory(request, context, "role", params.slug, translator);
  const { comparison } = history;
  return data(
    {
      title: pageTitle(t, t("proposals.versions.title", { name: history.target.name })),
      name: history.target.name,
      profileHref: `/roles/${history.target.slug}`,
      versions: history.versions,
      asked: history.asked,
      errors: history.errors,
      comparison: comparison && { from: comparison.from, to: comparison.to, changes: comparison.changes },
      hiddenBandChanges: history.hiddenBandChanges,
      bands: comparison && !history.bandsHidden ? bandChangeCharts(context, comparison.before, comparison.after, language) : null,
    },
    { status: Object.keys(history.errors).length > 0 ? 400 : 200 },
  );
}

export default function RoleHistoryPage() {
  const loaded = useLoaderData<typeof loader>();
  return <ProfileHistory {...loaded} />;
}
