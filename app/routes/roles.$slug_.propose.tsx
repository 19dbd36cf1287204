import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { RoleForm, typedBands } from "~/components/RoleForm";
import { NoChangeAlert, ProposalFields } from "~/components/ProposalFields";
import { idealProfileSvg, sendChart } from "~/components/charts/chart-svg.server";
import { readRoleFile } from "~/models/role-export.server";
import { roleChoices } from "~/models/candidates.server";
import { handleRoleProposalForm, idealBandsHiddenFor } from "~/http/proposal-form.server";
import { roleToFormValues } from "~/schemas/role-form";
import { notFound, requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import "~/locales/role";
import "~/locales/role-form";
import "~/locales/roles";
import "~/locales/suggest";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

/** "Suggest a change" to a role: the role editor, pre-filled from the current version, with the proposal's title and rationale. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const role = await readRoleFile(context.db, params.slug ?? "");
  if (!role) throw notFound();
  const { language, t } = await getTranslator(request, context);
  const bandsHidden = await idealBandsHiddenFor(context, user, role.slug);
  const values = roleToFormValues(bandsHidden ? { ...role, idealProfile: null } : role);
  const otherRoles = (await roleChoices(context.db)).filter((other) => other.slug !== role.slug);
  return {
    title: pageTitle(t, t("suggest.title", { name: role.name })),
    slug: role.slug,
    name: role.name,
    values,
    bandsHidden,
    profileSvg: sendChart(context, idealProfileSvg(typedBands(values.idealProfile), language)),
    otherRoles,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const slug = params.slug ?? "";
  const bandsHidden = await idealBandsHiddenFor(context, user, slug);
  const result = await handleRoleProposalForm(request, context, { slug, mode: { kind: "create", authorId: user.id }, bandsHidden });
  // Made: the redirect to the proposal.
  if (!("data" in result)) return result;
  // The form comes back as posted: without JavaScript its chart is the server's, of the posted bands.
  const { language } = await getTranslator(request, context);
  return data(
    { ...result.data, profileSvg: sendChart(context, idealProfileSvg(typedBands(result.data.values.idealProfile), language)) },
    result.init ?? undefined,
  );
}

export default function SuggestRoleChange() {
  const { slug, name, values, bandsHidden, profileSvg, otherRoles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        <Link to="/roles">{t("roles.title")}</Link> / <Link to={`/roles/${slug}`}>{name}</Link> / {t("suggest.page.suggest")}
      </p>
      <h1>{t("suggest.title", { name })}</h1>
      <p className="lede">{t("suggest.lede")}</p>
      {result?.noChange && <NoChangeAlert />}
      <RoleForm
        key={result ? "posted" : "current"}
        defaultValues={result?.values ?? values}
        profileSvg={result?.profileSvg ?? profileSvg}
        serverErrors={result?.errors}
        otherRoles={otherRoles}
        submitLabel={t("suggest.submit")}
        fixedSlugHint={t("suggest.slugKept")}
        errorsAlert={(count) => t("suggest.errors.hasErrors", { count })}
        bandsHiddenNote={bandsHidden ? t("suggest.bandsHidden") : undefined}
        before={<ProposalFields defaultValues={result?.proposal ?? { title: "", rationale: "" }} errors={result?.errors} />}
      />
    </>
  );
}
