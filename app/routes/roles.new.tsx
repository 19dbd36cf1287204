import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { RoleForm, typedBands } from "~/components/RoleForm";
import { idealProfileSvg, sendChart } from "~/components/charts/chart-svg.server";
import { handleRoleForm } from "~/http/role-form.server";
import { roleChoices } from "~/models/candidates.server";
import { roleToFormValues } from "~/schemas/role-form";
import { requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import "~/locales/role-form";
import "~/locales/roles";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const { language, t } = await getTranslator(request, context);
  return {
    title: pageTitle(t, t("roleForm.newTitle")),
    otherRoles: await roleChoices(context.db),
    profileSvg: sendChart(context, idealProfileSvg(typedBands(roleToFormValues(null).idealProfile), language)),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const result = await handleRoleForm(request, context, { currentSlug: null, actorId: user.id });
  // Saved: the redirect to the role page.
  if (!("data" in result)) return result;
  // The form comes back as posted: without JavaScript its chart is the server's, of the posted bands.
  const { language } = await getTranslator(request, context);
  return data(
    { ...result.data, profileSvg: sendChart(context, idealProfileSvg(typedBands(result.data.values.idealProfile), language)) },
    result.init ?? undefined,
  );
}

export default function NewRole() {
  const { otherRoles, profileSvg } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        <Link to="/roles">{t("roles.title")}</Link> / {t("roleForm.newTitle")}
      </p>
      <h1>{t("roleForm.newTitle")}</h1>
      <p className="lede">{t("roleForm.intro")}</p>
      <RoleForm
        key={result ? "posted" : "new"}
        defaultValues={result?.values ?? roleToFormValues(null)}
        profileSvg={result?.profileSvg ?? profileSvg}
        serverErrors={result?.errors}
        otherRoles={otherRoles}
        submitLabel={t("roleForm.create")}
      />
    </>
  );
}
