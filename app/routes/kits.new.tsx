import { contentLanguageOf } from "~/domain/languages";
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { z } from "zod";
import { KitBuilder } from "~/components/KitBuilder";
import { KitRoleChooser } from "~/components/KitRoleChooser";
import { LEVELS } from "~/domain/levels";
import { createKit } from "~/models/kits.server";
import { getKitBuilderSource, newKitFormValues } from "~/models/kit-builder.server";
import { listRoles } from "~/models/roles.server";
import { kitFormStep, type KitFieldErrors, type KitFormValues } from "~/schemas/kit";
import { slugSchema } from "~/schemas/role";
import kitStyles from "~/styles/kits.css?url";
import { notFound, requireUser } from "~/http/auth.server";
import { getLanguage, getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { readFormData } from "~/http/forms.server";
import { redirectWithNotice } from "~/http/session.server";
import "~/locales/kits";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: kitStyles }];

const searchSchema = z.object({
  role: z.nullable(slugSchema).catch(null),
  level: z.enum(LEVELS).catch("senior"),
});

function readSearch(request: Request) {
  const url = new URL(request.url);
  return searchSchema.parse({ role: url.searchParams.get("role"), level: url.searchParams.get("level") ?? "senior" });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const search = readSearch(request);
  const { language: lang, t } = await getTranslator(request, context);
  const title = pageTitle(t, t("kits.builder.newTitle"));
  if (search.role === null) {
    // No role chosen yet (or a malformed one): choose it here.
    const roles = await listRoles(context.db, { query: "", profile: "all" });
    return { kind: "choose" as const, title, roles: roles.map((r) => ({ slug: r.slug, name: r.name })), level: search.level };
  }
  const source = await getKitBuilderSource(context.db, search.role, lang);
  if (!source) throw notFound();
  return {
    kind: "build" as const,
    title,
    source,
    values: newKitFormValues(source, search.level, contentLanguageOf(lang)),
    action: `/kits/new?${new URLSearchParams({ role: search.role, level: search.level })}`,
  };
}

type ActionData = { values: KitFormValues; errors: KitFieldErrors; focus: string | null; revision: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const search = readSearch(request);
  if (search.role === null) throw notFound();
  const roleSlug = search.role;
  const lang = await getLanguage(request, context);
  const step = kitFormStep(await readFormData(request), contentLanguageOf(lang));
  if (step.kind === "render") {
    return data<ActionData>(
      { values: step.values, errors: step.errors, focus: step.focus, revision: randomUUID() },
      { status: step.status },
    );
  }
  const result = await createKit(context.db, { roleSlug, draft: step.draft, userId: user.id }, new Date());
  if (!result) throw notFound();
  if (!result.ok) {
    return data<ActionData>({ values: step.values, errors: result.errors, focus: null, revision: randomUUID() }, { status: 400 });
  }
  return redirectWithNotice(request, `/kits/${result.kitId}`, result.outcome);
}

export default function NewKitPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  if (loaderData.kind === "choose") {
    return (
      <>
        <p className="muted">
          <Link to="/kits">{t("kits.title")}</Link>
        </p>
        <h1>{t("kits.builder.chooseRoleTitle")}</h1>
        <p className="lede">{t("kits.newKitIntro")}</p>
        <KitRoleChooser roles={loaderData.roles} level={loaderData.level} />
      </>
    );
  }
  return (
    <>
      <p className="muted">
        <Link to="/kits">{t("kits.title")}</Link> / {t("kits.builder.newTitle")}
      </p>
      <h1>{t("kits.builder.newTitle")}</h1>
      <p className="lede">{t("kits.builder.intro")}</p>
      <KitBuilder
        key={actionData?.revision ?? "new"}
        source={loaderData.source}
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        focus={actionData?.focus ?? null}
        action={loaderData.action}
        cancelTo="/kits"
      />
    </>
  );
}
