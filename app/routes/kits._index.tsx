import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { KitRoleChooser } from "~/components/KitRoleChooser";
import { listKits } from "~/models/kits.server";
import { listRoles } from "~/models/roles.server";
import kitStyles from "~/styles/kits.css?url";
import { requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { PlainLink } from "~/components/PlainLink";
import "~/locales/archive";
import "~/locales/kits";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: kitStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const canEdit = user.role === "recruiter";
  const { t } = await getTranslator(request, context);
  const showArchived = new URL(request.url).searchParams.get("archived") === "show";
  const [kits, roles] = await Promise.all([
    listKits(context.db, { showArchived }),
    canEdit ? listRoles(context.db, { query: "", profile: "all" }) : Promise.resolve([]),
  ]);
  return { title: pageTitle(t, t("kits.title")), kits, roles: roles.map((r) => ({ slug: r.slug, name: r.name })), canEdit, showArchived };
}

export default function KitsPage() {
  const { kits, roles, canEdit, showArchived } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("kits.title")}</h1>
      <p className="lede">{t("kits.intro")}</p>
      {canEdit && (
        <section aria-labelledby="new-kit" className="card kit-new">
          <h2 id="new-kit">{t("kits.newKit")}</h2>
          <p className="muted">{t("kits.newKitIntro")}</p>
          <KitRoleChooser roles={roles} />
        </section>
      )}
      <Form method="get" className="filters" aria-label={t("kits.title")}>
        <div className="checkbox">
          <input
            id="kit-archived-filter"
            type="checkbox"
            name="archived"
            value="show"
            defaultChecked={showArchived}
            key={String(showArchived)}
          />
          <label htmlFor="kit-archived-filter">{t("archive.showArchived")}</label>
        </div>
        <button type="submit" className="button-secondary">
          {t("kits.filter")}
        </button>
      </Form>
      <p className="muted">{t("kits.count", { count: kits.length })}</p>
      {kits.length === 0 ? (
        <p>{t("kits.none")}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="kits-table">
            <thead>
              <tr>
                <th scope="col">{t("kits.columns.name")}</th>
                <th scope="col">{t("kits.columns.role")}</th>
                <th scope="col">{t("kits.columns.level")}</th>
                <th scope="col" className="num">
                  {t("kits.columns.version")}
                </th>
                <th scope="col" className="num">
                  {t("kits.columns.questions")}
                </th>
                <th scope="col" className="num">
                  {t("kits.columns.uses")}
                </th>
              </tr>
            </thead>
            <tbody>
              {kits.map((kit) => (
                <tr key={kit.id} data-kit-id={kit.id}>
                  <th scope="row">
                    <PlainLink to={`/kits/${kit.id}`}>{kit.name}</PlainLink>
                    {kit.archived && (
                      <>
                        {" "}
                        <span className="badge">{t("archive.badge")}</span>
                      </>
                    )}
                  </th>
                  <td>{kit.roleName}</td>
                  <td>{t(`levels.${kit.level}`)}</td>
                  <td className="num">{kit.version}</td>
                  <td className="num">{kit.questionCount}</td>
                  <td className="num">{t("kits.assessments", { count: kit.useCount })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
