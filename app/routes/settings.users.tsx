import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/utils/use-translation";
import { z } from "zod";
import { FieldError, TextField, useZodForm } from "~/components/forms";
import { RecordActionButton } from "~/components/RecordActionButton";
import { ConfirmationPage, ConfirmedAction } from "~/components/ConfirmedAction";
import type { ConfirmSpec } from "~/utils/confirm";
import { confirmationPage, isConfirmed } from "~/http/confirm.server";
import {
  cancelInvite,
  changeAccountUnlessLastRecruiter,
  createInvite,
  emailInUse,
  findUser,
  listPendingInvites,
  listUsers,
} from "~/models/users.server";
import { USER_ROLES, type AccountChange } from "~/domain/accounts";
import { inviteSchema } from "~/schemas/auth";
import { dueHoursSchema } from "~/schemas/settings";
import { mailContext } from "~/http/interview-time.server";
import { listFailedMessages, retryFailedMessage } from "~/models/outbox.server";
import { scorecardDueHours, setScorecardDueHours } from "~/models/settings.server";
import { notFound, requireUser } from "~/http/auth.server";
import { parseForm, readFormData } from "~/http/forms.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useFormatDate } from "~/utils/dates";
import type { FailedMessage } from "~/models/outbox.server";
import "~/locales/users";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requireUser(request, context, { role: "recruiter" });
  const now = new Date();
  const [users, invites, failedMessages, dueHours] = await Promise.all([
    listUsers(context.db),
    listPendingInvites(context.db, now),
    listFailedMessages(context.db),
    scorecardDueHours(context.db),
  ]);
  const { t } = await getTranslator(request, context);
  return { title: pageTitle(t, t("users.title")), me: { id: me.id }, users, invites, mailOn: context.mail.on, failedMessages, dueHours };
}

/** A record's id as posted by a row's button. */
const recordId = z.coerce.number().int().positive();
const roleChangeSchema = z.object({ intent: z.literal("role"), userId: recordId, role: z.enum(USER_ROLES) });
const activeSchema = z.object({ intent: z.enum(["deactivate", "reactivate"]), userId: recordId });
const cancelInviteSchema = z.object({ intent: z.literal("cancelInvite"), inviteId: recordId });
const retryMailSchema = z.object({ intent: z.literal("retryMail"), mailId: recordId });

type ActionResult =
  | { kind: "invite"; ok: true; link: string; email: string; mailed: boolean }
  | { kind: "dueHours"; ok: boolean; errors: Record<string, string>; hours: string }
  | { kind: "mail"; ok: true; message: "mailRetried" }
  | { kind: "invite"; ok: false; errors: Record<string, string>; email: string; role: string }
  | {
      kind: "user";
      ok: boolean;
      message: "roleChanged" | "deactivatedDone" | "reactivatedDone" | "lastRecruiter" | "notYourself" | "inviteCancelled";
    };

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireUser(request, context, { role: "recruiter" });
  const { db } = context;
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const now = new Date();

  if (intent === "invite") {
    const parsed = parseForm(formData, inviteSchema);
    const typed = { email: String(formData.get("email") ?? "").slice(0, 254), role: String(formData.get("role") ?? "") };
    if (!parsed.ok) return data<ActionResult>({ kind: "invite", ok: false, errors: parsed.errors, ...typed }, { status: 400 });
    if (await emailInUse(db, parsed.data.email)) {
      return data<ActionResult>({ kind: "invite", ok: false, errors: { email: "emailInUse" }, ...typed }, { status: 409 });
    }
    const { language } = await getTranslator(request, context);
    const invite = await createInvite(db, { ...parsed.data, invitedBy: me.id, mail: mailContext(context, language) }, now);
    context.mail.nudge();
    const link = `${new URL(request.url).origin}/invite/${invite.token}`;
    return data<ActionResult>({ kind: "invite", ok: true, link, email: parsed.data.email, mailed: invite.mailed });
  }

  if (intent === "retryMail") {
    const parsed = retryMailSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new Response("Bad request", { status: 400 });
    // Sent meanwhile, retried by someone else or never failed: nothing to retry, like any unknown id.
    if (!(await retryFailedMessage(db, { id: parsed.data.mailId, actorId: me.id }, now))) throw notFound();
    context.mail.nudge();
    return data<ActionResult>({ kind: "mail", ok: true, message: "mailRetried" });
  }

  if (intent === "dueHours") {
    const parsed = parseForm(formData, dueHoursSchema);
    const hours = String(formData.get("hours") ?? "").slice(0, 20);
    if (!parsed.ok) return data<ActionResult>({ kind: "dueHours", ok: false, errors: parsed.errors, hours }, { status: 400 });
    await setScorecardDueHours(db, { hours: parsed.data.hours, actorId: me.id }, now);
    return data<ActionResult>({ kind: "dueHours", ok: true, errors: {}, hours });
  }

  if (intent === "cancelInvite") {
    const parsed = cancelInviteSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new Response("Bad request", { status: 400 });
    if (!isConfirmed(formData)) {
      const invite = (await listPendingInvites(db, now)).find((i) => i.id === parsed.data.inviteId);
      if (!invite) throw notFound();
      return confirmationPage(formData, cancelInviteSpec(invite.email));
    }
    const cancelled = await cancelInvite(db, me.id, parsed.data.inviteId, now);
    // Used, cancelled or never made: nothing to cancel, like any unknown id.
    if (!cancelled) throw notFound();
    return data<ActionResult>({ kind: "user", ok: true, message: "inviteCancelled" });
  }

  const roleChange = roleChangeSchema.safeParse(Object.fromEntries(formData));
  const activeChange = activeSchema.safeParse(Object.fromEntries(formData));
  const userId = roleChange.success ? roleChange.data.userId : activeChange.success ? activeChange.data.userId : undefined;
  if (userId === undefined) throw new Response("Bad request", { status: 400 });
  const target = await findUser(db, userId);
  if (!target) throw notFound();
  if (target.id === me.id) return data<ActionResult>({ kind: "user", ok: false, message: "notYourself" }, { status: 400 });

  const change: AccountChange = roleChange.success
    ? { kind: "role", role: roleChange.data.role }
    : { kind: "active", active: activeChange.success && activeChange.data.intent === "reactivate" };
  const outcome = await changeAccountUnlessLastRecruiter(db, { actorId: me.id, userId: target.id, ...change }, now);
  if (outcome === "not_found") throw notFound();
  if (outcome === "last_recruiter") return data<ActionResult>({ kind: "user", ok: false, message: "lastRecruiter" }, { status: 409 });
  const message = change.kind === "role" ? "roleChanged" : change.active ? "reactivatedDone" : "deactivatedDone";
  return data<ActionResult>({ kind: "user", ok: true, message });
}

/** What cancelling an invite loses: its link. Deactivating asks nothing: Reactivate undoes it and nothing is lost. */
function cancelInviteSpec(email: string): ConfirmSpec {
  return {
    title: { key: "users.confirmCancelInvite.title", params: { email } },
    lost: [{ key: "users.confirmCancelInvite.lost" }],
    confirm: { key: "users.confirmCancelInvite.confirm" },
  };
}

function InviteLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label htmlFor="invite-link" className="visually-hidden">
        {t("users.inviteLink")}
      </label>
      <input id="invite-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => setCopied(true));
        }}
      >
        {copied ? t("users.copied") : t("users.copy")}
      </button>
    </div>
  );
}

function InviteForm({ result, mailOn }: { result: ActionResult | undefined; mailOn: boolean }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const inviteResult = result?.kind === "invite" ? result : undefined;
  const failed = inviteResult && !inviteResult.ok ? inviteResult : undefined;
  const { form, onSubmit, errorFor } = useZodForm(inviteSchema, {
    serverErrors: failed?.errors,
    defaultValues: { email: failed?.email ?? "", role: failed?.role === "recruiter" ? "recruiter" : "interviewer" },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (inviteResult?.ok) form.reset({ email: "", role: "interviewer" });
  }, [inviteResult, form]);
  const emailError = errorFor("email");
  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t("users.inviteTitle")}</h2>
      <p className="muted">{t(mailOn ? "users.inviteIntroMail" : "users.inviteIntro")}</p>
      {inviteResult?.ok && (
        <div className="success" role="status">
          <p>{t(inviteResult.mailed ? "users.inviteMailed" : "users.inviteReady", { email: inviteResult.email })}</p>
          <InviteLink link={inviteResult.link} />
        </div>
      )}
      <Form method="post" className="form-stack" noValidate onSubmit={onSubmit} ref={formRef}>
        <input type="hidden" name="intent" value="invite" />
        <TextField
          label={t("users.email")}
          name="email"
          type="email"
          autoComplete="off"
          error={emailError === "emailInUse" ? t("users.emailInUse") : emailError}
          registration={form.register("email")}
        />
        <div className="field">
          <label htmlFor="invite-role">{t("users.role")}</label>
          <select id="invite-role" aria-invalid={errorFor("role") ? true : undefined} {...form.register("role")}>
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`auth.roleNames.${role}`)}
              </option>
            ))}
          </select>
          <FieldError id="invite-role-error" error={errorFor("role")} />
        </div>
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("users.sendInvite")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function UsersPage() {
  const { me, users, invites, mailOn, failedMessages, dueHours } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (answer && "confirmation" in answer) return <ConfirmationPage confirmation={answer.confirmation} />;
  const result = answer;
  const userResult = result?.kind === "user" || result?.kind === "mail" ? result : undefined;
  return (
    <>
      <h1>{t("users.title")}</h1>
      <p className="lede">{t("users.intro")}</p>
      {userResult && (
        <p className={userResult.ok ? "success" : "alert"} role={userResult.ok ? "status" : "alert"}>
          {t(`users.${userResult.message}`)}
        </p>
      )}
      <div className="table-scroll">
        <table data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t("users.columns.name")}</th>
              <th scope="col">{t("users.columns.email")}</th>
              <th scope="col">{t("users.columns.role")}</th>
              <th scope="col">{t("users.columns.status")}</th>
              <th scope="col">{t("users.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} data-email={user.email}>
                <th scope="row">
                  {user.name}
                  {user.id === me.id && <span className="muted"> · {t("users.you")}</span>}
                </th>
                <td>{user.email}</td>
                <td>
                  {user.id === me.id ? (
                    t(`auth.roleNames.${user.role}`)
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="userId" value={user.id} />
                      <label htmlFor={`role-${user.id}`} className="visually-hidden">
                        {t("users.roleFor", { name: user.name })}
                      </label>
                      <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
                        {USER_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`auth.roleNames.${role}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" name="intent" value="role" className="button-secondary">
                        {t("users.save")}
                      </button>
                    </Form>
                  )}
                </td>
                <td>{user.active ? t("users.active") : t("users.deactivated")}</td>
                <td>
                  {user.id !== me.id && (
                    <RecordActionButton
                      field="userId"
                      id={user.id}
                      intent={user.active ? "deactivate" : "reactivate"}
                      label={user.active ? t("users.deactivate") : t("users.reactivate")}
                      accessibleName={`${user.active ? t("users.deactivate") : t("users.reactivate")}${t("app.colon")}${user.name}`}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <InviteForm result={result} mailOn={mailOn} />

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t("users.pendingTitle")}</h2>
        {invites.length === 0 ? (
          <p className="muted">{t("users.noPending")}</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="invites-table">
              <thead>
                <tr>
                  <th scope="col">{t("users.pendingColumns.email")}</th>
                  <th scope="col">{t("users.pendingColumns.role")}</th>
                  <th scope="col">{t("users.pendingColumns.expires")}</th>
                  <th scope="col">{t("users.pendingColumns.invitedBy")}</th>
                  <th scope="col">{t("users.pendingColumns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {invites.map((invite) => (
                  <tr key={invite.id}>
                    <td>{invite.email}</td>
                    <td>{t(`auth.roleNames.${invite.role}`)}</td>
                    <td>
                      <time dateTime={invite.expiresAt}>{formatDate(invite.expiresAt, "dateTime")}</time>
                    </td>
                    <td>{invite.invitedByName}</td>
                    <td>
                      <ConfirmedAction
                        intent="cancelInvite"
                        fields={{ inviteId: invite.id }}
                        label={t("users.cancelInvite")}
                        accessibleName={t("users.cancelInviteFor", { email: invite.email })}
                        spec={cancelInviteSpec(invite.email)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <MailSection mailOn={mailOn} failed={failedMessages} />
      <DueHoursForm current={dueHours} result={result?.kind === "dueHours" ? result : undefined} />
    </>
  );
}

/** Whether e-mail goes out, and the messages that could not be sent, each with the mail server's reason and a retry. */
function MailSection({ mailOn, failed }: { mailOn: boolean; failed: { rows: FailedMessage[]; total: number } }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <section aria-labelledby="mail-title">
      <h2 id="mail-title">{t("users.mail.title")}</h2>
      <p className="muted">{t(mailOn ? "users.mail.on" : "users.mail.off")}</p>
      {failed.total === 0 ? (
        <p className="muted">{t("users.mail.noFailed")}</p>
      ) : (
        <>
          <p>{t("users.mail.failedCount", { count: failed.total, shown: failed.rows.length })}</p>
          <div className="table-scroll">
            <table data-testid="failed-mail-table">
              <thead>
                <tr>
                  <th scope="col">{t("users.mail.columns.to")}</th>
                  <th scope="col">{t("users.mail.columns.subject")}</th>
                  <th scope="col">{t("users.mail.columns.failedAt")}</th>
                  <th scope="col">{t("users.mail.columns.reason")}</th>
                  <th scope="col">{t("users.columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {failed.rows.map((message) => (
                  <tr key={message.id}>
                    <td>{message.to}</td>
                    <td>{message.subject}</td>
                    <td>
                      <time dateTime={message.failedAt}>{formatDate(message.failedAt, "dateTime")}</time>
                      <br />
                      <span className="muted">{t("users.mail.attempts", { count: message.attempts })}</span>
                    </td>
                    <td className="prose-cell">
                      <code>{message.reason}</code>
                    </td>
                    <td>
                      <RecordActionButton
                        field="mailId"
                        id={message.id}
                        intent="retryMail"
                        label={t("users.mail.retry")}
                        accessibleName={t("users.mail.retryTo", { to: message.to, subject: message.subject })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** The team's setting: how many hours after an interview its scorecard is due. */
function DueHoursForm({ current, result }: { current: number; result: Extract<ActionResult, { kind: "dueHours" }> | undefined }) {
  const { t } = useTranslation();
  const { form, onSubmit, errorFor } = useZodForm(dueHoursSchema, {
    serverErrors: result?.ok === false ? result.errors : undefined,
    defaultValues: { hours: result?.ok === false ? result.hours : String(current) },
  });
  return (
    <section aria-labelledby="due-hours-title">
      <h2 id="due-hours-title">{t("users.dueHours.title")}</h2>
      {result?.ok && (
        <p className="success" role="status">
          {t("users.dueHours.saved")}
        </p>
      )}
      <Form method="post" className="form-stack" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="intent" value="dueHours" />
        <TextField
          label={t("users.dueHours.label")}
          name="hours"
          hint={t("users.dueHours.hint")}
          type="number"
          inputMode="numeric"
          min={1}
          max={672}
          error={errorFor("hours")}
          registration={form.register("hours")}
        />
        <div>
          <button type="submit">{t("users.dueHours.save")}</button>
        </div>
      </Form>
    </section>
  );
}
