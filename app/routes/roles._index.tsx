import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { requireUser } from "~/http/auth.server";
import { z } from "zod";
import { listRoles } from "~/models/roles.server";
import { addLibrary, isRoleLibraryEmpty, libraryData } from "~/models/library.server";
import { readFormData } from "~/http/forms.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { PlainLink } from "~/components/PlainLink";
import "~/locales/archive";
import "~/locales/role-import";
import "~/locales/roles";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

const searchSchema = z.object({
  q: z.string().max(200).catch(""),
  profile: z.enum(["all", "with", "without"]).catch("all"),
  archived: z.literal("show").nullable().catch(null),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const url = new URL(request.url);
  const search = searchSchema.parse({
    q: url.searchParams.get("q") ?? "",
    profile: url.searchParams.get("profile") ?? "all",
    archived: url.searchParams.get("archived"),
  });
  const roles = await listRoles(context.db, { query: search.q, profile: search.profile, showArchived: search.archived === "show" });
  // No role at all is a new library, not a search that found nothing: it says what to do next.
  const libraryEmpty = roles.length === 0 && (await isRoleLibraryEmpty(context.db));
  const { t } = await getTranslator(request, context);
  return { title: pageTitle(t, t("roles.title")), search, roles, libraryEmpty, canEdit: user.role === "recruiter" };
}

const libraryForm = z.object({ intent: z.literal("library") });

/** POST /roles — a recruiter adds the Traitkit library (a deployment started with TRAITKIT_LIBRARY=0). */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  if (!libraryForm.safeParse(Object.fromEntries(await readFormData(request))).success) {
    throw new Response("Unknown request: the only action here is intent=library (add the Traitkit library).", { status: 400 });
  }
  await addLibrary(context.db, libraryData(), user.id, new Date());
  return redirect("/roles", 303);
}

export default function RoleLibrary() {
  const { search, roles, libraryEmpty, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("roles.title")}</h1>
      <p className="lede">{t("roles.intro")}</p>
      {canEdit && (
        <div className="actions">
          <Link className="button" to="/roles/new">
            {t("roles.newRole")}
          </Link>
          <Link className="button button-secondary" to="/roles/import">
            {t("roleImport.title")}
          </Link>
        </div>
      )}
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="role-search">{t("roles.search")}</label>
          <input id="role-search" type="search" name="q" defaultValue={search.q} key={search.q} />
        </div>
        <div className="field">
          <label htmlFor="role-profile-filter">{t("roles.filter")}</label>
          <select id="role-profile-filter" name="profile" defaultValue={search.profile} key={search.profile}>
            <option value="all">{t("roles.filterAll")}</option>
            <option value="with">{t("roles.filterWith")}</option>
            <option value="without">{t("roles.filterWithout")}</option>
          </select>
        </div>
        <div className="checkbox">
          <input
            id="role-archived-filter"
            type="checkbox"
            name="archived"
            value="show"
            defaultChecked={search.archived === "show"}
            key={search.archived}
          />
          <label htmlFor="role-archived-filter">{t("archive.showArchived")}</label>
        </div>
        <button type="submit">{t("roles.searchButton")}</button>
      </Form>
      <p aria-live="polite" className="muted">
        {t("roles.count", { count: roles.length })}
      </p>
      {libraryEmpty ? (
        canEdit ? (
          <div className="card" data-testid="empty-library">
            <p>{t("roles.emptyLibrary")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="library" />
              <button type="submit">{t("roles.addLibrary")}</button>
            </Form>
            <p className="muted">{t("roles.addLibraryHint")}</p>
          </div>
        ) : (
          <p data-testid="empty-library">{t("roles.emptyLibraryReader")}</p>
        )
      ) : roles.length === 0 ? (
        <p>{t("roles.none")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("roles.columns.name")}</th>
                <th scope="col">{t("roles.columns.family")}</th>
                <th scope="col">{t("roles.columns.profile")}</th>
                <th scope="col" className="num">
                  {t("roles.columns.questions")}
                </th>
                <th scope="col" className="num">
                  {t("roles.columns.transitions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {roles.map((role) => (
                <tr key={role.slug}>
                  <th scope="row">
                    <PlainLink to={`/roles/${role.slug}`}>{role.name}</PlainLink>
                    {role.archived && (
                      <>
                        {" "}
                        <span className="badge">{t("archive.badge")}</span>
                      </>
                    )}
                  </th>
                  <td>{role.family}</td>
                  <td>{role.hasIdealProfile ? t("roles.hasProfile") : t("roles.noProfile")}</td>
                  <td className="num">{role.questionCount}</td>
                  <td className="num">{role.transitionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
