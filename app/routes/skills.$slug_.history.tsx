import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { readProfileHistory } from "~/http/proposals.server";
import { listRoles } from "~/models/roles.server";
import { ProfileHistory } from "~/components/proposals/ProfileHistory";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import "~/locales/proposals";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [{ title: loaded?.title ?? notFoundTitle(matches) }];

/**
 * GET /skills/:slug/history — every version of a skill profile for members,
 * and the difference between two (`from`, `to`; by default the latest against
 * the one before). A version number that cannot be read or is not the skill's
 * answers 400 with the reason by its field.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const translator = await getTranslator(request, context);
  const { t } = translator;
  const history = await readProfileHistory(request, context, "skill", params.slug, translator);
  const { comparison } = history;
  const roles = comparison === null ? [] : await listRoles(context.db, { query: "", profile: "all", showArchived: true });
  return data(
    {
      title: pageTitle(t, t("proposals.versions.title", { name: history.target.name })),
      name: history.target.name,
      profileHref: `/skills/${history.target.slug}`,
      versions: history.versions,
      asked: history.asked,
      errors: history.errors,
      comparison: comparison && { from: comparison.from, to: comparison.to, changes: comparison.changes },
      roleNames: Object.fromEntries(roles.map((role) => [role.slug, role.name])),
    },
    { status: Object.keys(history.errors).length > 0 ? 400 : 200 },
  );
}

export default function SkillHistoryPage() {
  const loaded = useLoaderData<typeof loader>();
  return <ProfileHistory {...loaded} bands={null} />;
}
