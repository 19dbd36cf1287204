import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { TextField, useZodForm } from "~/components/forms";
import { checkThrottle, clearLoginFailures, recordLoginFailure, throttleKeys } from "~/models/login-throttle.server";
import { findUserForSignIn, updatePasswordHash } from "~/models/users.server";
import { loginSchema, safeRedirect } from "~/schemas/auth";
import { getUser, homePath, retryAfterHeaders } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { parseForm, readFormData } from "~/http/forms.server";
import { logSecurityEvent } from "~/utils/log.server";
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from "~/utils/password.server";
import { readSessionId, sessionCookie } from "~/http/session.server";
import { destroySession, signIn } from "~/models/sessions.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

/** Remix keeps only Set-Cookie of an action's headers unless the route passes the others on: the 429's Retry-After. */
export const headers = retryAfterHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Empty: the user's home, which depends on their role.
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "");
  const user = await getUser(request, context);
  if (user) throw redirect(redirectTo || homePath(user.role), 303);
  const { t } = await getTranslator(request, context);
  return { title: pageTitle(t, t("auth.signInTitle")), redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db } = context;
  const formData = await readFormData(request);
  const requestedRedirect = safeRedirect(formData.get("redirectTo"), "");
  const typedEmail = String(formData.get("email") ?? "").slice(0, 254);
  const parsed = parseForm(formData, loginSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, formError: null, email: typedEmail }, { status: 400 });

  const { email, password } = parsed.data;
  const now = new Date();
  const keys = throttleKeys(email, context.clientAddress);
  const throttle = await checkThrottle(db, keys, now);
  if (throttle.limited) {
    logSecurityEvent({ event: "auth.throttled", scope: throttle.scope });
    return data(
      { errors: {}, formError: { key: "throttled" as const, minutes: Math.ceil(throttle.retryAfterSeconds / 60) }, email: typedEmail },
      { status: 429, headers: { "Retry-After": String(throttle.retryAfterSeconds) } },
    );
  }

  const user = await findUserForSignIn(db, email);
  const passwordMatches = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!user || !passwordMatches || user.deactivated) {
    await recordLoginFailure(db, keys, now);
    logSecurityEvent({ event: "auth.sign_in_failed", reason: user?.deactivated && passwordMatches ? "deactivated" : "bad_credentials" });
    // One message for an unknown email, a wrong password and a deactivated account.
    return data({ errors: {}, formError: { key: "badCredentials" as const, minutes: 0 }, email: typedEmail }, { status: 401 });
  }

  if (needsRehash(user.passwordHash)) await updatePasswordHash(db, user.id, await hashPassword(password));
  await clearLoginFailures(db, keys);
  const previous = readSessionId(request);
  if (previous) await destroySession(db, previous);
  const sessionId = await signIn(db, user.id, now);
  logSecurityEvent({ event: "auth.sign_in", userId: user.id });
  return redirect(requestedRedirect || homePath(user.role), { status: 303, headers: { "Set-Cookie": sessionCookie(request, sessionId) } });
}

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const { form, onSubmit, errorFor } = useZodForm(loginSchema, {
    serverErrors: actionData?.errors,
    defaultValues: { email: actionData?.email ?? "", password: "" },
  });
  // The server's answer is about the last post: once the browser finds the fields wrong, it is stale.
  const formError = Object.keys(form.formState.errors).length === 0 ? actionData?.formError : undefined;
  return (
    <section className="auth-card">
      <h1>{t("auth.signInTitle")}</h1>
      <p className="muted">{t("auth.signInIntro")}</p>
      {formError && (
        <p className="alert" role="alert">
          {formError.key === "throttled" ? t("auth.throttled", { minutes: formError.minutes }) : t("auth.badCredentials")}
        </p>
      )}
      <Form method="post" className="form-stack" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={actionData?.email}
          error={errorFor("email")}
          registration={form.register("email")}
        />
        <TextField
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errorFor("password")}
          registration={form.register("password")}
        />
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("auth.signIn")}
          </button>
        </div>
      </Form>
    </section>
  );
}
