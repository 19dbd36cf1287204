import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { requireUser } from "~/http/auth.server";
import { listSkillProfiles } from "~/models/skills.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { PlainLink } from "~/components/PlainLink";
import "~/locales/role";
import "~/locales/roles";
import "~/locales/skills";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const { t } = await getTranslator(request, context);
  return { title: pageTitle(t, t("skills.title")), skills: await listSkillProfiles(context.db) };
}

export default function SkillProfiles() {
  const { skills } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("skills.title")}</h1>
      <p className="lede">{t("skills.intro")}</p>
      {skills.length === 0 ? (
        <p data-testid="empty-skills">
          {t("skills.empty")} <Link to="/roles">{t("roles.title")}</Link>
        </p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("role.skill")}</th>
                <th scope="col">{t("skills.domain")}</th>
                <th scope="col">{t("skills.group")}</th>
                <th scope="col" className="num">
                  {t("skills.roles")}
                </th>
                <th scope="col" className="num">
                  {t("skills.mandatoryCount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {skills.map((s) => (
                <tr key={s.slug}>
                  <th scope="row">
                    <PlainLink to={`/skills/${s.slug}`}>{s.name}</PlainLink>
                  </th>
                  <td>{s.domain}</td>
                  <td>{s.group ?? "—"}</td>
                  <td className="num">{s.roleCount}</td>
                  <td className="num">
                    {s.mandatoryCount} / {s.expectationCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
