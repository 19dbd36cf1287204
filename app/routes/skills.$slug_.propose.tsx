import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { NoChangeAlert, ProposalFields } from "~/components/ProposalFields";
import { SkillExpectationsForm } from "~/components/SkillExpectationsForm";
import { readSkillProfileDocument } from "~/models/profile-versions.server";
import { roleChoices } from "~/models/candidates.server";
import { handleSkillProposalForm } from "~/http/proposal-form.server";
import { skillToFormValues } from "~/schemas/skill-form";
import { notFound, requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import "~/locales/skills";
import "~/locales/suggest";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

/** "Suggest a change" to a skill profile: its expectations' form, pre-filled from the current version, with the proposal's title and rationale. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const skill = await readSkillProfileDocument(context.db, params.slug ?? "");
  if (!skill) throw notFound();
  const { t } = await getTranslator(request, context);
  return {
    title: pageTitle(t, t("suggest.title", { name: skill.name })),
    slug: skill.slug,
    name: skill.name,
    values: skillToFormValues(skill.expectations),
    roles: await roleChoices(context.db),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  return handleSkillProposalForm(request, context, { slug: params.slug ?? "", mode: { kind: "create", authorId: user.id } });
}

export default function SuggestSkillChange() {
  const { slug, name, values, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        <Link to="/skills">{t("skills.title")}</Link> / <Link to={`/skills/${slug}`}>{name}</Link> / {t("suggest.page.suggest")}
      </p>
      <h1>{t("suggest.title", { name })}</h1>
      <p className="lede">{t("suggest.lede")}</p>
      {result?.noChange && <NoChangeAlert />}
      <SkillExpectationsForm
        key={result ? "posted" : "current"}
        defaultValues={result?.values ?? values}
        roles={roles}
        serverErrors={result?.errors}
        submitLabel={t("suggest.submit")}
        errorsAlert={(count) => t("suggest.errors.hasErrors", { count })}
        before={<ProposalFields defaultValues={result?.proposal ?? { title: "", rationale: "" }} errors={result?.errors} />}
      />
    </>
  );
}
