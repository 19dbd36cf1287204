import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { RoleForm, typedBands } from "~/components/RoleForm";
import { idealProfileSvg, sendChart } from "~/components/charts/chart-svg.server";
import { readRoleFile } from "~/models/role-export.server";
import { handleRoleForm } from "~/http/role-form.server";
import { roleChoices } from "~/models/candidates.server";
import { roleToFormValues } from "~/schemas/role-form";
import { notFound, requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import "~/locales/role";
import "~/locales/role-form";
import "~/locales/roles";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const role = await readRoleFile(context.db, params.slug ?? "");
  if (!role) throw notFound();
  const { language, t } = await getTranslator(request, context);
  const otherRoles = (await roleChoices(context.db)).filter((other) => other.slug !== role.slug);
  const values = roleToFormValues(role);
  return {
    title: pageTitle(t, t("roleForm.editTitle", { name: role.name })),
    slug: role.slug,
    name: role.name,
    values,
    profileSvg: sendChart(context, idealProfileSvg(typedBands(values.idealProfile), language)),
    otherRoles,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const result = await handleRoleForm(request, context, { currentSlug: params.slug ?? "", actorId: user.id });
  // Saved: the redirect to the role page.
  if (!("data" in result)) return result;
  // The form comes back as posted: without JavaScript its chart is the server's, of the posted bands.
  const { language } = await getTranslator(request, context);
  return data(
    { ...result.data, profileSvg: sendChart(context, idealProfileSvg(typedBands(result.data.values.idealProfile), language)) },
    result.init ?? undefined,
  );
}

export default function EditRole() {
  const { slug, name, values, profileSvg, otherRoles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        <Link to="/roles">{t("roles.title")}</Link> / <Link to={`/roles/${slug}`}>{name}</Link> / {t("role.edit")}
      </p>
      <h1>{t("roleForm.editTitle", { name })}</h1>
      <p className="lede">{t("roleForm.intro")}</p>
      <RoleForm
        key={result ? "posted" : "saved"}
        defaultValues={result?.values ?? values}
        profileSvg={result?.profileSvg ?? profileSvg}
        serverErrors={result?.errors}
        otherRoles={otherRoles}
        submitLabel={t("roleForm.save")}
      />
    </>
  );
}
