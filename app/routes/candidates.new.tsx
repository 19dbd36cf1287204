import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { blankCandidateValues, CandidateForm, postedCandidateValues, type CandidateFormValues } from "~/components/CandidateForm";
import { createCandidate, roleChoices } from "~/models/candidates.server";
import { candidateSchema } from "~/schemas/candidate";
import { requireUser } from "~/http/auth.server";
import { parseForm, readFormData, type FieldErrors } from "~/http/forms.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { redirectWithNotice } from "~/http/session.server";
import "~/locales/candidates";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const { t } = await getTranslator(request, context);
  return { title: pageTitle(t, t("candidates.form.newTitle")), roles: await roleChoices(context.db) };
}

type ActionData = { values: CandidateFormValues; errors: FieldErrors; duplicate?: { id: number; name: string } };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const formData = await readFormData(request);
  const parsed = parseForm(formData, candidateSchema);
  if (!parsed.ok) return data<ActionData>({ values: postedCandidateValues(formData), errors: parsed.errors }, { status: 400 });
  const result = await createCandidate(context.db, parsed.data, user.id, new Date());
  if (!result.ok && result.field === "email") {
    return data<ActionData>({ values: postedCandidateValues(formData), errors: {}, duplicate: result.existing }, { status: 409 });
  }
  if (!result.ok) {
    return data<ActionData>({ values: postedCandidateValues(formData), errors: { roleSlug: "validation.roleNotFound" } }, { status: 400 });
  }
  return redirectWithNotice(request, `/candidates/${result.id}`, "created");
}

export default function NewCandidatePage() {
  const { roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        <Link to="/candidates">{t("candidates.title")}</Link> / {t("candidates.form.newTitle")}
      </p>
      <h1>{t("candidates.form.newTitle")}</h1>
      <p className="lede">{t("candidates.form.intro")}</p>
      <CandidateForm
        key={result ? JSON.stringify([result.errors, result.duplicate]) : "new"}
        roles={roles}
        defaultValues={result?.values ?? blankCandidateValues()}
        serverErrors={result?.errors}
        duplicate={result?.duplicate}
        submitLabel={t("candidates.form.create")}
        cancelTo="/candidates"
      />
    </>
  );
}
