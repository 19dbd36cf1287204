import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { SkillExpectationsForm } from "~/components/SkillExpectationsForm";
import { readSkillProfileDocument } from "~/models/profile-versions.server";
import { saveSkillExpectations } from "~/models/skills.server";
import { roleChoices } from "~/models/candidates.server";
import { readSkillForm } from "~/http/proposal-form.server";
import { readFormData } from "~/http/forms.server";
import { redirectWithNotice } from "~/http/session.server";
import { formDataToValues } from "~/schemas/role-form";
import { postedToSkillFormValues, skillToFormValues, unknownRoleErrors } from "~/schemas/skill-form";
import { notFound, requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import "~/locales/role-form";
import "~/locales/skills";
import "~/locales/suggest";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

/** A recruiter's direct edit of a skill profile's expectations: a new version of it. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const skill = await readSkillProfileDocument(context.db, params.slug ?? "");
  if (!skill) throw notFound();
  const { t } = await getTranslator(request, context);
  return {
    title: pageTitle(t, t("suggest.editSkill.title", { name: skill.name })),
    slug: skill.slug,
    name: skill.name,
    values: skillToFormValues(skill.expectations),
    roles: await roleChoices(context.db),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const current = await readSkillProfileDocument(context.db, params.slug ?? "");
  if (!current) throw notFound();
  const values = formDataToValues(await readFormData(request));
  const skill = await readSkillForm(context, values);
  if (!skill.ok) return data({ errors: skill.errors, values: postedToSkillFormValues(values) }, { status: 400 });
  const saved = await saveSkillExpectations(
    context.db,
    { slug: current.slug, actorId: user.id, expectations: skill.data.expectations },
    new Date(),
  );
  if (saved.status === "not_found") throw notFound();
  if (saved.status === "unknown_roles") {
    // A role deleted between the check and the save: said by its rows, as the check would have.
    const errors = unknownRoleErrors(values, new Set(saved.roles));
    return data({ errors, values: postedToSkillFormValues(values) }, { status: 400 });
  }
  return redirectWithNotice(request, `/skills/${current.slug}`, "saved");
}

export default function EditSkill() {
  const { slug, name, values, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        <Link to="/skills">{t("skills.title")}</Link> / <Link to={`/skills/${slug}`}>{name}</Link> / {t("suggest.page.edit")}
      </p>
      <h1>{t("suggest.editSkill.title", { name })}</h1>
      <p className="lede">{t("suggest.editSkill.lede")}</p>
      <SkillExpectationsForm
        key={result ? "posted" : "saved"}
        defaultValues={result?.values ?? values}
        roles={roles}
        serverErrors={result?.errors}
        submitLabel={t("suggest.editSkill.save")}
        errorsAlert={(count) => t("roleForm.hasErrors", { count })}
      />
    </>
  );
}
