import type { UserRole } from "~/domain/accounts";
import type { Level } from "~/domain/levels";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "~/utils/use-translation";
import { z } from "zod";
import { FieldError } from "~/components/forms";
import { createAssessment, interviewerChoices, kitVersionArchived, kitVersionChoices } from "~/models/assessments.server";
import { getCandidate, type CandidateAssessment } from "~/models/candidates.server";
import { eraseCandidate } from "~/models/privacy.server";
import { forgetDrawings } from "~/components/charts/chart-svg.server";
import { CandidatePrivacy, eraseSpec } from "~/components/candidate-privacy";
import { ConfirmationPage } from "~/components/ConfirmedAction";
import { confirmationPage, isConfirmed } from "~/http/confirm.server";
import { assessmentSchema } from "~/schemas/candidate";
import { INTERVIEW_TIME_FIELDS, interviewTimeSchema, type InterviewTimeField } from "~/schemas/interview-time";
import { InterviewTimeFields } from "~/components/assessment/InterviewTimeFields";
import { mailContext, readInterviewTime } from "~/http/interview-time.server";
import { scorecardDueHours } from "~/models/settings.server";
import { notFound, requireUser } from "~/http/auth.server";
import { parseRecordId } from "~/schemas/ids";
import { readFormData } from "~/http/forms.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useFormatDate } from "~/utils/dates";
import { takeNotice } from "~/http/session.server";
import "~/locales/candidates";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

const savedParam = z.enum(["created", "updated"]).nullable().catch(null);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const id = parseRecordId(params.id);
  if (id === undefined) throw notFound();
  const [candidate, kits, interviewers, dueHours] = await Promise.all([
    getCandidate(context.db, id),
    kitVersionChoices(context.db),
    interviewerChoices(context.db),
    scorecardDueHours(context.db),
  ]);
  if (!candidate) throw notFound();
  const { notice: saved, headers } = takeNotice(request, savedParam);
  const { t } = await getTranslator(request, context);
  return data(
    { title: pageTitle(t, candidate.name), candidate, kits, interviewers, dueHours, mailOn: context.mail.on, saved },
    { headers },
  );
}

/*
 * The new-assessment form: `kitVersionId` (a select), `interviewerIds`
 * (checkboxes, one entry per ticked box) and the panel's interview time
 * (interviewTimeSchema's fields). The browser and the server read it with
 * this one function, assessmentSchema and interviewTimeSchema.
 */
type AssessmentField = "kitVersionId" | "interviewerIds" | InterviewTimeField;
type AssessmentErrors = Partial<Record<AssessmentField, string>>;
type AssessmentValues = { kitVersionId: string; interviewerIds: string[] } & Record<InterviewTimeField, string>;

const FIELD_DEFAULT_ERROR: Record<AssessmentField, string> = {
  kitVersionId: "validation.kitRequired",
  interviewerIds: "validation.interviewersRequired",
  interviewAt: "validation.interviewTimeInvalid",
  interviewTimeZone: "validation.timeZoneUnknown",
  scorecardDueAt: "validation.interviewTimeInvalid",
};

function isAssessmentField(value: unknown): value is AssessmentField {
  return value === "kitVersionId" || value === "interviewerIds" || INTERVIEW_TIME_FIELDS.some((field) => field === value);
}

function readAssessmentForm(formData: FormData) {
  const text = (name: string) => String(formData.get(name) ?? "");
  const values: AssessmentValues = {
    kitVersionId: text("kitVersionId"),
    interviewerIds: formData.getAll("interviewerIds").filter((v): v is string => typeof v === "string"),
    interviewAt: text("interviewAt"),
    interviewTimeZone: text("interviewTimeZone"),
    scorecardDueAt: text("scorecardDueAt"),
  };
  const parsed = assessmentSchema.safeParse(values);
  const time = interviewTimeSchema.safeParse(values);
  if (parsed.success && time.success) return { ok: true as const, data: parsed.data, values };
  const errors: AssessmentErrors = {};
  for (const issue of [...(parsed.error?.issues ?? []), ...(time.error?.issues ?? [])]) {
    const field = issue.path[0];
    if (!isAssessmentField(field)) continue;
    // A tampered value (not a number) gets the field's own message.
    errors[field] ??= issue.message.startsWith("validation.") ? issue.message : FIELD_DEFAULT_ERROR[field];
  }
  return { ok: false as const, errors, values };
}

type ActionData = { errors: AssessmentErrors; values: AssessmentValues };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const id = parseRecordId(params.id);
  if (id === undefined) throw notFound();
  const candidate = await getCandidate(context.db, id);
  if (!candidate) throw notFound();
  const formData = await readFormData(request);
  // Erasure (docs/reliability.md G2): only with confirm=1; one transaction in the model.
  if (formData.get("intent") === "erase") {
    if (!isConfirmed(formData)) return confirmationPage(formData, eraseSpec(candidate.name));
    await eraseCandidate(context.db, candidate.id, user.id, new Date());
    // The charts' cache holds drawings of this candidate's scores.
    forgetDrawings();
    return redirect("/candidates", 303);
  }
  if (formData.get("intent") !== "assessment") throw new Response("Unknown intent", { status: 400 });
  const form = readAssessmentForm(formData);
  if (!form.ok) return data<ActionData>({ errors: form.errors, values: form.values }, { status: 400 });
  if (await kitVersionArchived(context.db, form.data.kitVersionId)) {
    return data<ActionData>({ errors: { kitVersionId: "validation.kitRequired" }, values: form.values }, { status: 400 });
  }
  const time = readInterviewTime(formData);
  if (!time.ok) return data<ActionData>({ errors: time.errors, values: form.values }, { status: 400 });
  const { language } = await getTranslator(request, context);
  const result = await createAssessment(
    context.db,
    {
      candidateId: candidate.id,
      kitVersionId: form.data.kitVersionId,
      interviewerIds: form.data.interviewerIds,
      schedule: time.schedule,
      actorId: user.id,
      mail: mailContext(context, language),
    },
    new Date(),
  );
  context.mail.nudge();
  if (!result.ok) {
    const errors: AssessmentErrors = {};
    for (const [field, message] of Object.entries(result.errors)) if (isAssessmentField(field)) errors[field] = message;
    return data<ActionData>({ errors, values: form.values }, { status: 400 });
  }
  return redirect(`/assessments/${result.id}`, 303);
}

function Detail({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{value ?? <span className="muted">{t("candidates.notGiven")}</span>}</td>
    </tr>
  );
}

function AssessmentsTable({ assessments }: { assessments: CandidateAssessment[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (assessments.length === 0) return <p className="muted">{t("candidates.detail.noAssessments")}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="candidate-assessments">
        <thead>
          <tr>
            <th scope="col">{t("candidates.detail.columns.kit")}</th>
            <th scope="col">{t("candidates.detail.columns.role")}</th>
            <th scope="col" className="num">
              {t("candidates.detail.columns.interviewers")}
            </th>
            <th scope="col" className="num">
              {t("candidates.detail.columns.submitted")}
            </th>
            <th scope="col">{t("candidates.detail.columns.decision")}</th>
            <th scope="col">{t("candidates.detail.columns.created")}</th>
            <th scope="col">{t("candidates.detail.columns.open")}</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((a) => (
            <tr key={a.id}>
              <th scope="row">{t("candidates.detail.kitVersion", { name: a.kitName, version: a.kitVersion })}</th>
              <td>{a.roleName}</td>
              <td className="num">{a.interviewers}</td>
              <td className="num">{t("candidates.detail.submittedOf", { submitted: a.submitted, total: a.interviewers })}</td>
              <td>
                {a.decision ? (
                  <span className="badge">{t(`candidates.decisions.${a.decision}`)}</span>
                ) : (
                  <span className="muted">{t("candidates.decisions.none")}</span>
                )}
              </td>
              <td>
                <time dateTime={a.createdAt}>{formatDate(a.createdAt, "date")}</time>
              </td>
              <td>
                <Link to={`/assessments/${a.id}`} aria-label={t("candidates.detail.openLabel", { kit: a.kitName, version: a.kitVersion })}>
                  {t("candidates.detail.open")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewAssessmentForm(props: {
  kits: { kitVersionId: number; name: string; version: number; roleName: string; roleSlug: string; level: Level }[];
  interviewers: { id: number; name: string; role: UserRole }[];
  roleSlug: string | null;
  dueHours: number;
  mailOn: boolean;
  posted: ActionData | undefined;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [clientErrors, setClientErrors] = useState<AssessmentErrors | null>(null);
  const errors = clientErrors ?? props.posted?.errors ?? {};
  // With exactly one kit for the candidate's role, it is the likely choice.
  const forRole = props.kits.filter((kit) => kit.roleSlug === props.roleSlug);
  const defaultKit = props.posted?.values.kitVersionId ?? (forRole.length === 1 && forRole[0] ? String(forRole[0].kitVersionId) : "");
  const checked = new Set(props.posted?.values.interviewerIds ?? []);
  const failed = Object.keys(errors).length > 0;

  // Checked in the browser with the server's schema; a valid form posts through Remix's <Form>.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = readAssessmentForm(new FormData(event.currentTarget));
    if (form.ok) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(form.errors);
    const first = form.errors.kitVersionId ? "assessment-kit" : "assessment-interviewer-0";
    document.getElementById(first)?.focus();
  };

  // Once errors show, each change re-checks the form, so a fixed field loses its error at once.
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    if (!failed) return;
    const form = readAssessmentForm(new FormData(event.currentTarget));
    setClientErrors(form.ok ? {} : form.errors);
  };

  if (props.kits.length === 0) {
    return (
      <p>
        {t("candidates.newAssessment.noKits")} <Link to="/kits/new">{t("candidates.newAssessment.buildKit")}</Link>
      </p>
    );
  }
  return (
    <Form method="post" className="form-stack" noValidate onSubmit={onSubmit} onChange={onChange}>
      <input type="hidden" name="intent" value="assessment" />
      {failed && (
        <p className="alert" role="alert">
          {t("candidates.newAssessment.failed")}
        </p>
      )}
      <div className="field">
        <label htmlFor="assessment-kit">{t("candidates.newAssessment.kit")}</label>
        <select
          id="assessment-kit"
          name="kitVersionId"
          defaultValue={defaultKit}
          aria-invalid={errors.kitVersionId ? true : undefined}
          aria-describedby={errors.kitVersionId ? "assessment-kit-error" : undefined}
        >
          <option value="">{t("candidates.newAssessment.chooseKit")}</option>
          {props.kits.map((kit) => (
            <option key={kit.kitVersionId} value={kit.kitVersionId}>
              {t("candidates.newAssessment.kitOption", {
                name: kit.name,
                version: kit.version,
                role: kit.roleName,
                level: t(`levels.${kit.level}`),
              })}
            </option>
          ))}
        </select>
        <FieldError id="assessment-kit-error" error={errors.kitVersionId} />
      </div>
      <fieldset
        aria-describedby={["assessment-interviewers-hint", errors.interviewerIds ? "assessment-interviewers-error" : null]
          .filter(Boolean)
          .join(" ")}
      >
        <legend>{t("candidates.newAssessment.interviewers")}</legend>
        <p id="assessment-interviewers-hint" className="field-hint">
          {t("candidates.newAssessment.interviewersHint")}
        </p>
        {props.interviewers.map((person, index) => (
          <div className="checkbox" key={person.id}>
            <input
              id={`assessment-interviewer-${index}`}
              type="checkbox"
              name="interviewerIds"
              value={person.id}
              defaultChecked={checked.has(String(person.id))}
              aria-invalid={errors.interviewerIds ? true : undefined}
            />
            <label htmlFor={`assessment-interviewer-${index}`}>
              {person.name} <span className="muted">· {t(`auth.roleNames.${person.role}`)}</span>
            </label>
          </div>
        ))}
        <FieldError id="assessment-interviewers-error" error={errors.interviewerIds} />
      </fieldset>
      <InterviewTimeFields
        idPrefix="assessment"
        values={props.posted?.values ?? {}}
        errors={errors}
        dueHours={props.dueHours}
        legend={t("loop.interviewTime.legend")}
      />
      <p className="field-hint">{t(props.mailOn ? "candidates.newAssessment.mailOn" : "candidates.newAssessment.mailOff")}</p>
      <div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("candidates.newAssessment.create")}
        </button>
      </div>
    </Form>
  );
}

export default function CandidatePage() {
  const { candidate, kits, interviewers, dueHours, mailOn, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const posted = actionData && "errors" in actionData ? actionData : undefined;
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const confirmation = actionData && "confirmation" in actionData ? actionData.confirmation : undefined;
  if (confirmation) return <ConfirmationPage confirmation={confirmation} />;
  return (
    <>
      <p className="muted">
        <Link to="/candidates">{t("candidates.title")}</Link> / {candidate.name}
      </p>
      <h1>{candidate.name}</h1>
      {saved && (
        <p className="success" role="status">
          {t(`candidates.detail.${saved}`)}
        </p>
      )}
      <div className="actions">
        <Link className="button button-secondary" to={`/candidates/${candidate.id}/edit`}>
          {t("candidates.detail.edit")}
        </Link>
      </div>
      <section aria-labelledby="candidate-details">
        <h2 id="candidate-details">{t("candidates.detail.details")}</h2>
        <table className="details">
          <tbody>
            <Detail label={t("candidates.detail.email")} value={candidate.email} />
            <Detail label={t("candidates.detail.role")} value={candidate.roleName} />
            <Detail label={t("candidates.detail.source")} value={candidate.source} />
            <Detail label={t("candidates.detail.notes")} value={candidate.notes} />
            <Detail label={t("candidates.detail.added")} value={formatDate(candidate.createdAt, "date")} />
          </tbody>
        </table>
      </section>
      <section aria-labelledby="candidate-assessments">
        <h2 id="candidate-assessments">{t("candidates.detail.assessments")}</h2>
        <AssessmentsTable assessments={candidate.assessments} />
      </section>
      <section aria-labelledby="new-assessment">
        <h2 id="new-assessment">{t("candidates.newAssessment.title")}</h2>
        <p className="muted">{t("candidates.newAssessment.intro")}</p>
        <NewAssessmentForm
          key={posted ? JSON.stringify(posted) : "new"}
          kits={kits}
          interviewers={interviewers}
          roleSlug={candidate.roleSlug}
          dueHours={dueHours}
          mailOn={mailOn}
          posted={posted}
        />
      </section>
      <CandidatePrivacy candidateId={candidate.id} candidateName={candidate.name} />
    </>
  );
}
