import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useState } from "react";
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ErrorPage } from "~/components/ErrorPage";
import { TextField, useZodForm } from "~/components/forms";
import { acceptInviteAndSignIn, emailInUse, findOpenInvite } from "~/models/users.server";
import { acceptInviteSchema, PASSWORD_MIN_LENGTH } from "~/schemas/auth";
import { homePath } from "~/http/auth.server";
import { readFormData } from "~/http/forms.server";
import { parseNewPasswordForm } from "~/http/new-password.server";
import { hashPassword } from "~/utils/password.server";
import { sessionCookie } from "~/http/session.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import "~/locales/invite";

// An unusable link is titled as its page says; a failure of another kind like any page not found.
export const meta: MetaFunction<typeof loader> = ({ data: page, error, matches }) => [
  { title: page?.title ?? (isRouteErrorResponse(error) && isInvalidInvite(error.data) ? error.data.title : notFoundTitle(matches)) },
];

function isInvalidInvite(value: unknown): value is { title: string } {
  return typeof value === "object" && value !== null && "title" in value && typeof value.title === "string";
}

/** One answer for a link never made, used, expired or cancelled: which one is not told. */
async function invalidInvite(request: Request, context: LoaderFunctionArgs["context"]) {
  const { t } = await getTranslator(request, context);
  return data({ title: pageTitle(t, t("invite.invalidTitle")) }, { status: 404 });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const invite = await findOpenInvite(context.db, params.token ?? "", new Date());
  if (!invite) throw await invalidInvite(request, context);
  const { t } = await getTranslator(request, context);
  // "Join Traitkit" names the app already: no " · Traitkit" after it.
  return { title: t("invite.title"), email: invite.email, role: invite.role };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db } = context;
  const token = params.token ?? "";
  const now = new Date();
  const invite = await findOpenInvite(db, token, now);
  if (!invite) throw await invalidInvite(request, context);
  const formData = await readFormData(request);
  const parsed = parseNewPasswordForm(formData, acceptInviteSchema);
  const typedName = String(formData.get("name") ?? "").slice(0, 120);
  if (!parsed.ok) return data({ errors: parsed.errors, name: typedName }, { status: 400 });
  // An account made since the invite (another invite, the CLI) keeps its email.
  if (await emailInUse(db, invite.email)) throw await invalidInvite(request, context);

  const passwordHash = await hashPassword(parsed.data.password);
  const sessionId = await acceptInviteAndSignIn(db, token, { name: parsed.data.name, passwordHash }, now);
  if (!sessionId) throw await invalidInvite(request, context);
  return redirect(homePath(invite.role), { status: 303, headers: { "Set-Cookie": sessionCookie(request, sessionId) } });
}

export default function AcceptInvite() {
  const { email, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  // The server judged the values it was sent: once the user types again its
  // verdict is withdrawn, so a fixed password is never still called breached.
  const [withdrawn, setWithdrawn] = useState<typeof actionData>();
  const { form, onSubmit, errorFor } = useZodForm(acceptInviteSchema, {
    serverErrors: withdrawn === actionData ? undefined : actionData?.errors,
    defaultValues: { name: actionData?.name ?? "", password: "", confirmPassword: "" },
  });
  return (
    <section className="auth-card">
      <h1>{t("invite.title")}</h1>
      <p>{t("invite.intro", { role: t(`auth.roleNames.${role}`), email })}</p>
      <Form method="post" className="form-stack" noValidate onSubmit={onSubmit} onChange={() => setWithdrawn(actionData)}>
        <TextField label={t("invite.name")} name="name" autoComplete="name" error={errorFor("name")} registration={form.register("name")} />
        <TextField
          label={t("invite.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t("invite.passwordHint", { min: PASSWORD_MIN_LENGTH })}
          error={errorFor("password")}
          registration={form.register("password")}
        />
        <TextField
          label={t("invite.confirmPassword")}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          error={errorFor("confirmPassword")}
          registration={form.register("confirmPassword")}
        />
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("invite.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  // Only an unusable link is the link's fault; any other failure says what it is.
  if (!isRouteErrorResponse(error) || error.status !== 404) {
    return <ErrorPage kind={isRouteErrorResponse(error) && error.status >= 400 && error.status < 500 ? "refused" : "error"} />;
  }
  return (
    <section className="auth-card">
      <h1>{t("invite.invalidTitle")}</h1>
      <p>{t("invite.invalidBody")}</p>
    </section>
  );
}
