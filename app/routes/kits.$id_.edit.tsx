import { contentLanguageOf } from "~/domain/languages";
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { KitBuilder } from "~/components/KitBuilder";
import { kitExists, updateKit } from "~/models/kits.server";
import { getKitEditor } from "~/models/kit-views.server";
import { kitFormStep, type KitFieldErrors, type KitFormValues } from "~/schemas/kit";
import kitStyles from "~/styles/kits.css?url";
import { notFound, requireUser } from "~/http/auth.server";
import { parseRecordId } from "~/schemas/ids";
import { getLanguage, getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { readFormData } from "~/http/forms.server";
import { redirectWithNotice } from "~/http/session.server";
import "~/locales/kits";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: kitStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const id = parseRecordId(params.id);
  if (id === undefined) throw notFound();
  const { language, t } = await getTranslator(request, context);
  const editor = await getKitEditor(context.db, id, language);
  if (!editor) throw notFound();
  return { ...editor, title: pageTitle(t, t("kits.builder.editPageTitle", { name: editor.values.name })) };
}

type ActionData = { values: KitFormValues; errors: KitFieldErrors; focus: string | null; revision: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const id = parseRecordId(params.id);
  if (id === undefined) throw notFound();
  const kitId = id;
  const step = kitFormStep(await readFormData(request), contentLanguageOf(await getLanguage(request, context)));
  if (step.kind === "render") {
    // A button other than Save, or a bad form: nothing is stored, but the kit must exist.
    if (!(await kitExists(context.db, kitId))) throw notFound();
    return data<ActionData>(
      { values: step.values, errors: step.errors, focus: step.focus, revision: randomUUID() },
      { status: step.status },
    );
  }
  const result = await updateKit(context.db, { kitId, draft: step.draft, userId: user.id }, new Date());
  if (!result) throw notFound();
  if (!result.ok)
    return data<ActionData>({ values: step.values, errors: result.errors, focus: null, revision: randomUUID() }, { status: 400 });
  return redirectWithNotice(request, `/kits/${result.kitId}`, result.outcome);
}

export default function EditKitPage() {
  const editor = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { latest } = editor;
  return (
    <>
      <p className="muted">
        <Link to="/kits">{t("kits.title")}</Link> / <Link to={`/kits/${editor.kitId}`}>{editor.values.name}</Link> /{" "}
        {t("kits.builder.editTitle")}
      </p>
      <h1>{t("kits.builder.editTitle")}</h1>
      <KitBuilder
        key={actionData?.revision ?? "edit"}
        source={editor.source}
        values={actionData?.values ?? editor.values}
        errors={actionData?.errors ?? {}}
        focus={actionData?.focus ?? null}
        action={`/kits/${editor.kitId}/edit`}
        cancelTo={`/kits/${editor.kitId}`}
        notice={
          <p className="note" data-testid="kit-version-notice">
            {latest.assessmentCount > 0
              ? t("kits.builder.usedNotice", { count: latest.assessmentCount, version: latest.version, next: latest.version + 1 })
              : t("kits.builder.unusedNotice", { version: latest.version })}
          </p>
        }
      />
    </>
  );
}
