import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { CandidateForm, postedCandidateValues, type CandidateFormValues } from "~/components/CandidateForm";
import { getCandidate, roleChoices, updateCandidate } from "~/models/candidates.server";
import { candidateSchema } from "~/schemas/candidate";
import { notFound, requireUser } from "~/http/auth.server";
import { parseRecordId } from "~/schemas/ids";
import { parseForm, readFormData, type FieldErrors } from "~/http/forms.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { redirectWithNotice } from "~/http/session.server";
import "~/locales/candidates";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const id = parseRecordId(params.id);
  if (id === undefined) throw notFound();
  const candidate = await getCandidate(context.db, id);
  if (!candidate) throw notFound();
  const roles = await roleChoices(context.db, candidate.roleSlug);
  const values: CandidateFormValues = {
    name: candidate.name,
    email: candidate.email ?? "",
    roleSlug: candidate.roleSlug ?? "",
    source: candidate.source ?? "",
    notes: candidate.notes ?? "",
    differentPerson: false,
  };
  const { t } = await getTranslator(request, context);
  return {
    title: pageTitle(t, t("candidates.form.editTitle", { name: candidate.name })),
    id: candidate.id,
    name: candidate.name,
    values,
    roles,
  };
}

type ActionData = { values: CandidateFormValues; errors: FieldErrors; duplicate?: { id: number; name: string } };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const id = parseRecordId(params.id);
  if (id === undefined) throw notFound();
  // An unknown id is a 404 whatever the form holds.
  if (!(await getCandidate(context.db, id))) throw notFound();
  const formData = await readFormData(request);
  const parsed = parseForm(formData, candidateSchema);
  if (!parsed.ok) return data<ActionData>({ values: postedCandidateValues(formData), errors: parsed.errors }, { status: 400 });
  const result = await updateCandidate(context.db, id, parsed.data, user.id, new Date());
  if (!result) throw notFound();
  if (!result.ok && result.field === "email") {
    return data<ActionData>({ values: postedCandidateValues(formData), errors: {}, duplicate: result.existing }, { status: 409 });
  }
  if (!result.ok) {
    return data<ActionData>({ values: postedCandidateValues(formData), errors: { roleSlug: "validation.roleNotFound" } }, { status: 400 });
  }
  return redirectWithNotice(request, `/candidates/${result.id}`, "updated");
}

export default function EditCandidatePage() {
  const { id, name, values, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        <Link to="/candidates">{t("candidates.title")}</Link> / <Link to={`/candidates/${id}`}>{name}</Link> / {t("candidates.detail.edit")}
      </p>
      <h1>{t("candidates.form.editTitle", { name })}</h1>
      <p className="lede">{t("candidates.form.intro")}</p>
      <CandidateForm
        key={result ? JSON.stringify([result.errors, result.duplicate]) : "saved"}
        roles={roles}
        defaultValues={result?.values ?? values}
        serverErrors={result?.errors}
        duplicate={result?.duplicate}
        submitLabel={t("candidates.form.save")}
        cancelTo={`/candidates/${id}`}
      />
    </>
  );
}
