import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { FieldError, TextField, useZodForm } from "~/components/forms";
import { notFound, requireUser, retryAfterHeaders } from "~/http/auth.server";
import { parseForm, readFormData } from "~/http/forms.server";
import { parseNewPasswordForm } from "~/http/new-password.server";
import { sessionCookie } from "~/http/session.server";
import { checkThrottle, clearLoginFailures, recordLoginFailure, throttleKeys } from "~/models/login-throttle.server";
import { changeOwnPassword, findUserForSignIn, getOwnAccount, updateOwnAccount } from "~/models/users.server";
import { accountSchema, passwordChangeSchema } from "~/schemas/account";
import { PASSWORD_MIN_LENGTH } from "~/schemas/auth";
import { notFoundTitle, UI_LANGUAGES, type UiLanguage } from "~/utils/i18n";
import { getTranslator, languageCookie, pageTitle } from "~/utils/i18n.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { logSecurityEvent } from "~/utils/log.server";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/account";

export const headers = retryAfterHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const account = await getOwnAccount(context.db, user.id);
  if (!account) throw notFound();
  const { t, language } = await getTranslator(request, context);
  return {
    title: pageTitle(t, t("account.title")),
    account: { ...account, language: account.language ?? language },
    mailOn: context.mail.on,
  };
}

type ActionResult =
  | { form: "account"; ok: true }
  | { form: "account"; ok: false; errors: Record<string, string>; name: string }
  | { form: "password"; ok: true }
  | { form: "password"; ok: false; errors: Record<string, string> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readFormData(request);
  const now = new Date();
  const intent = formData.get("intent");

  if (intent === "account") {
    const parsed = parseForm(formData, accountSchema);
    if (!parsed.ok) {
      const name = String(formData.get("name") ?? "").slice(0, 120);
      return data<ActionResult>({ form: "account", ok: false, errors: parsed.errors, name }, { status: 400 });
    }
    await updateOwnAccount(context.db, { userId: user.id, ...parsed.data }, now);
    // The pages follow the chosen language at once, as the menu's switch does.
    return data<ActionResult>(
      { form: "account", ok: true },
      { headers: { "Set-Cookie": await languageCookie.serialize(parsed.data.language) } },
    );
  }

  if (intent === "password") {
    const parsed = parseNewPasswordForm(formData, passwordChangeSchema);
    if (!parsed.ok) return data<ActionResult>({ form: "password", ok: false, errors: parsed.errors }, { status: 400 });
    // The current password is a sign-in's secret: guessing it here counts against the same limits as the sign-in page.
    const keys = throttleKeys(user.email, context.clientAddress);
    const throttle = await checkThrottle(context.db, keys, now);
    if (throttle.limited) {
      logSecurityEvent({ event: "auth.throttled", scope: throttle.scope });
      return data<ActionResult>(
        { form: "password", ok: false, errors: { currentPassword: "validation.currentPasswordThrottled" } },
        { status: 429, headers: { "Retry-After": String(throttle.retryAfterSeconds) } },
      );
    }
    const stored = await findUserForSignIn(context.db, user.email);
    if (!stored || !(await verifyPassword(stored.passwordHash, parsed.data.currentPassword))) {
      await recordLoginFailure(context.db, keys, now);
      logSecurityEvent({ event: "auth.password_change_failed", userId: user.id });
      return data<ActionResult>(
        { form: "password", ok: false, errors: { currentPassword: "validation.currentPasswordWrong" } },
        { status: 400 },
      );
    }
    await clearLoginFailures(context.db, keys);
    const sessionId = await changeOwnPassword(context.db, { userId: user.id, passwordHash: await hashPassword(parsed.data.password) }, now);
    return data<ActionResult>({ form: "password", ok: true }, { headers: { "Set-Cookie": sessionCookie(request, sessionId) } });
  }

  throw new Response("Unknown action", { status: 400 });
}

export default function AccountPage() {
  const { account, mailOn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p className="lede">{t("account.intro", { email: account.email })}</p>
      <AccountForm account={account} mailOn={mailOn} result={result?.form === "account" ? result : undefined} />
      <PasswordForm result={result?.form === "password" ? result : undefined} />
    </>
  );
}

function AccountForm(props: {
  account: { name: string; language: UiLanguage; mailReminders: boolean; mailAllIn: boolean };
  mailOn: boolean;
  result: Extract<ActionResult, { form: "account" }> | undefined;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const failed = props.result?.ok === false ? props.result : undefined;
  const { form, onSubmit, errorFor } = useZodForm(accountSchema, {
    serverErrors: failed?.errors,
    defaultValues: {
      name: failed?.name ?? props.account.name,
      language: props.account.language,
      mailReminders: props.account.mailReminders,
      mailAllIn: props.account.mailAllIn,
    },
  });
  return (
    <section aria-labelledby="account-profile">
      <h2 id="account-profile">{t("account.profile")}</h2>
      {props.result?.ok && (
        <p className="success" role="status">
          {t("account.saved")}
        </p>
      )}
      <Form method="post" className="form-stack" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="intent" value="account" />
        <TextField
          label={t("account.name")}
          name="name"
          autoComplete="name"
          error={errorFor("name")}
          registration={form.register("name")}
        />
        <div className="field">
          <label htmlFor="account-language">{t("account.language")}</label>
          <p id="account-language-hint" className="field-hint">
            {t("account.languageHint")}
          </p>
          <select id="account-language" aria-describedby="account-language-hint" {...form.register("language")}>
            {UI_LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`account.languages.${language}`)}
              </option>
            ))}
          </select>
          <FieldError id="account-language-error" error={errorFor("language")} />
        </div>
        <fieldset>
          <legend>{t("account.mail")}</legend>
          <p className="field-hint">{t(props.mailOn ? "account.mailIntro" : "account.mailOff")}</p>
          <div className="checkbox">
            <input id="account-mail-reminders" type="checkbox" {...form.register("mailReminders")} />
            <label htmlFor="account-mail-reminders">{t("account.mailReminders")}</label>
          </div>
          <div className="checkbox">
            <input id="account-mail-all-in" type="checkbox" {...form.register("mailAllIn")} />
            <label htmlFor="account-mail-all-in">{t("account.mailAllIn")}</label>
          </div>
        </fieldset>
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("account.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function PasswordForm({ result }: { result: Extract<ActionResult, { form: "password" }> | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  // The server judged what it was sent: once the user types again its verdict is withdrawn.
  const [withdrawn, setWithdrawn] = useState<typeof result>();
  const { form, onSubmit, errorFor } = useZodForm(passwordChangeSchema, {
    serverErrors: withdrawn === result || result?.ok ? undefined : result?.errors,
    defaultValues: { currentPassword: "", password: "", confirmPassword: "" },
  });
  return (
    <section aria-labelledby="account-password">
      <h2 id="account-password">{t("account.password")}</h2>
      {result?.ok && (
        <p className="success" role="status">
          {t("account.passwordChanged")}
        </p>
      )}
      <Form method="post" className="form-stack" noValidate onSubmit={onSubmit} onChange={() => setWithdrawn(result)}>
        <input type="hidden" name="intent" value="password" />
        <TextField
          label={t("account.currentPassword")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={errorFor("currentPassword")}
          registration={form.register("currentPassword")}
        />
        <TextField
          label={t("account.newPassword")}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t("account.newPasswordHint", { min: PASSWORD_MIN_LENGTH })}
          error={errorFor("password")}
          registration={form.register("password")}
        />
        <TextField
          label={t("account.confirmPassword")}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          error={errorFor("confirmPassword")}
          registration={form.register("confirmPassword")}
        />
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("account.changePassword")}
          </button>
        </div>
      </Form>
    </section>
  );
}
