import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { z } from "zod";
import { FieldError, useZodForm, type FieldErrors } from "~/components/forms";
import { ShownText } from "~/components/ShownText";
import { TableScroll } from "~/components/TableScroll";
import { ConfirmationPage, ConfirmedAction, type ConfirmSpec } from "~/components/ConfirmedAction";
import { shownGap, useNumberFormats } from "~/utils/numbers";
import { RECOMMENDATIONS } from "~/domain/scoring";
import { TRAIT_KEYS } from "~/domain/traits";
import { maySeePanel } from "~/domain/blind";
import { PanelEvidence } from "~/components/PanelEvidence";
import assessmentStyles from "~/styles/assessment.css?url";
import { addInterviewer, getAssessmentOverview, interviewerChoices, recordDecision, removeInterviewer } from "~/models/assessments.server";
import { computePanel, submittedNotes } from "~/models/panel-results.server";
import { loadScoringKit, reopenScorecard } from "~/models/scorecards.server";
import { showText } from "~/models/shown-text";
import { DECISION_REASON_MAX, DECISION_VALUES, decisionSchema } from "~/schemas/candidate";
import { notFound, requireAssessmentAccess, requireUser } from "~/http/auth.server";
import { parseForm, readFormData } from "~/http/forms.server";
import { confirmationPage, isConfirmed } from "~/http/confirm.server";
import { useFormatDate } from "~/utils/dates";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { REVOKE_SPEC, ReportSection } from "~/components/report/ReportSection";
import { loadAssessmentReportSection, publishReport, revokeReport } from "~/models/report.server";
import { publishReportSchema, revokeReportSchema } from "~/schemas/report";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const access = await requireAssessmentAccess(request, context, user, params.id);
  const [kit, overview] = await Promise.all([
    loadScoringKit(context.db, access.kitVersionId),
    getAssessmentOverview(context.db, access.id),
  ]);
  if (!kit || !overview) throw notFound();
  const isRecruiter = user.role === "recruiter";
  const mine = overview.interviewers.find((i) => i.userId === user.id);
  const canSeePanel = maySeePanel(user.role, mine?.status ?? null);
  const { language: lang, t } = await getTranslator(request, context);
  const [panel, notes] = canSeePanel
    ? await Promise.all([computePanel(context.db, access.id, kit), submittedNotes(context.db, access.id)])
    : [null, []];
  const choices = isRecruiter ? await interviewerChoices(context.db) : [];
  const assigned = new Set(overview.interviewers.map((i) => i.userId));
  return {
    title: pageTitle(t, t("assessments.pageTitle")),
    isRecruiter,
    myStatus: mine?.status ?? null,
    overview: {
      id: overview.id,
      createdAt: overview.createdAt,
      // An interviewer sees the candidate's name on the scorecard anyway; the candidate page is recruiters'.
      candidate: overview.candidate,
      interviewers: overview.interviewers,
      decisions: isRecruiter ? overview.decisions : [],
    },
    kit: {
      kitId: kit.kitId,
      name: kit.name,
      version: kit.version,
      roleSlug: kit.roleSlug,
      roleName: kit.roleName,
      // Blind scoring: the bands would anchor an interviewer as much as the panel's scores.
      idealProfile: canSeePanel ? kit.idealProfile : null,
      questions: kit.questions.map((q, i) => ({
        id: q.id,
        number: i + 1,
        text: showText(q.text, lang, kit.contentLanguage),
        traits: q.traits,
      })),
    },
    panel: panel && {
      traits: panel.traits,
      fit: panel.fit && { fit: panel.fit.fit, coverage: panel.fit.coverage, gaps: panel.fit.gaps, traitsUsed: panel.fit.traitsUsed },
      recommendations: panel.recommendations,
      submittedCount: panel.submittedCount,
      interviewerNames: panel.interviewerNames,
      ratingRows: panel.ratingRows,
      redFlagsSeen: panel.redFlagsSeen.map((f) => ({ ...f, text: showText(f.text, lang, kit.contentLanguage) })),
      strengthsSeen: panel.strengthsSeen.map((s) => ({ count: s.count, text: showText(s.text, lang, kit.contentLanguage) })),
      notes,
    },
    addable: choices.filter((c) => !assigned.has(c.id)),
    // Fit charts and the candidate report links (issue 7).
    report: await loadAssessmentReportSection(context.db, { assessmentId: access.id, kit, panel, isRecruiter }, new Date()),
  };
}

const userIdForm = z.object({ userId: z.coerce.number().int().positive() });
const removeForm = userIdForm.extend({ discardDraft: z.literal("1").optional() });
const scorecardIdForm = z.object({ scorecardId: z.coerce.number().int().positive() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const access = await requireAssessmentAccess(request, context, user, params.id);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const now = new Date();
  if (intent === "decision") {
    const parsed = parseForm(formData, decisionSchema);
    if (!parsed.ok) return data({ errors: parsed.errors, message: null }, { status: 400 });
    await recordDecision(context.db, { assessmentId: access.id, ...parsed.data, actorId: user.id }, now);
    return redirect(`/assessments/${access.id}`, 303);
  }
  if (intent === "add") {
    const parsed = parseForm(formData, userIdForm);
    if (!parsed.ok) return data({ errors: parsed.errors, message: "notAddable" as const }, { status: 400 });
    if (!(await addInterviewer(context.db, { assessmentId: access.id, userId: parsed.data.userId, actorId: user.id }, now))) {
      return data({ errors: {}, message: "notAddable" as const }, { status: 409 });
    }
    return redirect(`/assessments/${access.id}`, 303);
  }
  if (intent === "remove") {
    const parsed = parseForm(formData, removeForm);
    if (!parsed.ok) return data({ errors: parsed.errors, message: "notRemovable" as const }, { status: 400 });
    const overview = await getAssessmentOverview(context.db, access.id);
    const interviewer = overview?.interviewers.find((i) => i.userId === parsed.data.userId);
    if (!overview || !interviewer) return data({ errors: {}, message: "notRemovable" as const }, { status: 409 });
    // Refusals first: a confirmation of what cannot happen would only mislead.
    if (interviewer.status === "submitted") return data({ errors: {}, message: "notRemovable" as const }, { status: 409 });
    if (overview.interviewers.length <= 1) return data({ errors: {}, message: "lastInterviewer" as const }, { status: 409 });
    if (!isConfirmed(formData)) return confirmationPage(formData, removeSpec(interviewer));
    const outcome = await removeInterviewer(
      context.db,
      { assessmentId: access.id, userId: parsed.data.userId, actorId: user.id, discardDraft: parsed.data.discardDraft === "1" },
      now,
    );
    if (outcome === "lastInterviewer") return data({ errors: {}, message: "lastInterviewer" as const }, { status: 409 });
    if (outcome !== "removed") return data({ errors: {}, message: "notRemovable" as const }, { status: 409 });
    return redirect(`/assessments/${access.id}`, 303);
  }
  if (intent === "reopen") {
    const parsed = parseForm(formData, scorecardIdForm);
    const kit = await loadScoringKit(context.db, access.kitVersionId);
    if (!parsed.ok || !kit) throw new Response("Bad request", { status: 400 });
    if (!isConfirmed(formData)) {
      const [overview, report] = await Promise.all([
        getAssessmentOverview(context.db, access.id),
        loadAssessmentReportSection(context.db, { assessmentId: access.id, kit, panel: null, isRecruiter: true }, now),
      ]);
      const interviewer = overview?.interviewers.find((i) => i.scorecardId === parsed.data.scorecardId && i.status === "submitted");
      if (!interviewer) throw notFound();
      return confirmationPage(
        formData,
        reopenSpec(
          interviewer.name,
          report.links.some((link) => link.status === "live"),
        ),
      );
    }
    const reopened = await reopenScorecard(
      context.db,
      { assessmentId: access.id, scorecardId: parsed.data.scorecardId, actorId: user.id, kit },
      now,
    );
    if (!reopened) throw notFound();
    return redirect(`/assessments/${access.id}`, 303);
  }
  if (intent === "publish") {
    const parsed = parseForm(formData, publishReportSchema);
    if (!parsed.ok) return data({ errors: parsed.errors, message: null, published: null }, { status: 400 });
    const days = parsed.data.expiresInDays ?? null;
    const expiresAt = days === null ? null : new Date(now.getTime() + days * 86_400_000);
    const outcome = await publishReport(
      context.db,
      { assessmentId: access.id, language: parsed.data.language, expiresAt, actorId: user.id, earlier: parsed.data.earlier },
      now,
    );
    if (!outcome.ok) return data({ errors: { publish: outcome.reason }, message: null, published: null }, { status: 409 });
    // The token is shown this once and never stored: only its hash is.
    const link = `${new URL(request.url).origin}/r/${outcome.token}`;
    return data({
      errors: {},
      message: null,
      published: { link, expiresAt: expiresAt?.toISOString() ?? null, shortId: outcome.shortId, version: outcome.version },
    });
  }
  if (intent === "revoke") {
    const parsed = parseForm(formData, revokeReportSchema);
    if (!parsed.ok) throw new Response("Bad request", { status: 400 });
    if (!isConfirmed(formData)) return confirmationPage(formData, REVOKE_SPEC);
    if (!(await revokeReport(context.db, { assessmentId: access.id, reportId: parsed.data.reportId, actorId: user.id }, now)))
      throw notFound();
    return redirect(`/assessments/${access.id}`, 303);
  }
  throw new Response("Unknown action", { status: 400 });
}

/** What removing an interviewer loses: their access, and their draft only if the recruiter discards it. */
function removeSpec(interviewer: { name: string; status: "not_started" | "draft" | "submitted" }): ConfirmSpec {
  const name = interviewer.name;
  const hasDraft = interviewer.status === "draft";
  return {
    title: { key: "assessments.confirmRemove.title", params: { name } },
    lost: [
      { key: "assessments.confirmRemove.access", params: { name } },
      { key: hasDraft ? "assessments.confirmRemove.draftKept" : "assessments.confirmRemove.noDraft" },
    ],
    confirm: { key: "assessments.confirmRemove.confirm", params: { name } },
    ...(hasDraft && { option: { name: "discardDraft", label: { key: "assessments.confirmRemove.discardDraft" } } }),
  };
}

function reopenSpec(name: string, liveReport: boolean): ConfirmSpec {
  return {
    title: { key: "assessments.confirmReopen.title", params: { name } },
    lost: [
      { key: "assessments.confirmReopen.panel", params: { name } },
      ...(liveReport ? [{ key: "assessments.reopenChangesReport" as const }] : []),
    ],
    confirm: { key: "assessments.confirmReopen.confirm" },
  };
}

function percent(value: number): string {
  return `${Math.round(value * 100)}`;
}

export default function AssessmentPage() {
  const { isRecruiter, myStatus, overview, kit, panel, addable, report } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { score, twoDecimals } = useNumberFormats();
  const format = useFormatDate();
  const dateTime = (iso: string) => format(iso, "dateTime");
  const interviewerIds = panel ? Object.keys(panel.interviewerNames) : [];
  const confirmation = actionData && "confirmation" in actionData ? actionData.confirmation : undefined;
  if (confirmation) return <ConfirmationPage confirmation={confirmation} />;
  const message = actionData && "message" in actionData ? actionData.message : null;
  const liveReport = report.links.some((link) => link.status === "live");

  return (
    <article className="assessment-page">
      <p className="muted">
        {isRecruiter ? <Link to={`/candidates/${overview.candidate.id}`}>{overview.candidate.name}</Link> : overview.candidate.name} /{" "}
        {t("assessments.title", { name: overview.candidate.name })}
      </p>
      <h1>{t("assessments.title", { name: overview.candidate.name })}</h1>
      <p className="muted">
        {t("assessments.kit")}: <Link to={`/kits/${kit.kitId}`}>{kit.name}</Link> ({t("assessments.version", { version: kit.version })}) ·{" "}
        {t("assessments.role")}: <Link to={`/roles/${kit.roleSlug}`}>{kit.roleName}</Link>
      </p>
      {myStatus !== null && myStatus !== "submitted" && (
        <p>
          <Link className="button" to={`/assessments/${overview.id}/scorecard`}>
            {t("assessments.openScorecard")}
          </Link>
        </p>
      )}

      <section aria-labelledby="interviewers">
        <h2 id="interviewers">{t("assessments.interviewers")}</h2>
        {message && (
          <p className="alert" role="alert">
            {t(`assessments.errors.${message}`)}
          </p>
        )}
        <div className="table-scroll">
          <table data-testid="interviewers-table">
            <thead>
              <tr>
                <th scope="col">{t("assessments.columns.interviewer")}</th>
                <th scope="col">{t("assessments.columns.status")}</th>
                <th scope="col">{t("assessments.columns.submittedAt")}</th>
                {isRecruiter && (
                  <th scope="col" className="actions-column">
                    {t("assessments.columns.actions")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {overview.interviewers.map((i) => (
                <tr key={i.userId}>
                  <th scope="row">{i.name}</th>
                  <td>{t(`assessments.status.${i.status}`)}</td>
                  <td>{i.submittedAt ? dateTime(i.submittedAt) : "—"}</td>
                  {isRecruiter && (
                    <td className="actions-column">
                      {i.status === "submitted" && i.scorecardId !== null ? (
                        <ConfirmedAction
                          intent="reopen"
                          fields={{ scorecardId: i.scorecardId }}
                          label={t("assessments.reopen")}
                          accessibleName={t("assessments.reopenLabel", { name: i.name })}
                          spec={reopenSpec(i.name, liveReport)}
                        />
                      ) : overview.interviewers.length > 1 ? (
                        <ConfirmedAction
                          intent="remove"
                          fields={{ userId: i.userId }}
                          label={t("assessments.remove")}
                          accessibleName={t("assessments.removeLabel", { name: i.name })}
                          spec={removeSpec(i)}
                        />
                      ) : (
                        <span className="muted">{t("assessments.lastInterviewer")}</span>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {isRecruiter && liveReport && overview.interviewers.some((i) => i.status === "submitted") && (
          <p className="field-hint" data-testid="reopen-changes-report">
            {t("assessments.reopenChangesReport")}
          </p>
        )}
        {isRecruiter && addable.length > 0 && (
          <Form method="post" className="inline-form">
            <label htmlFor="add-interviewer">{t("assessments.interviewerToAdd")}</label>
            <select id="add-interviewer" name="userId">
              {addable.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            <button type="submit" name="intent" value="add" className="button-secondary">
              {t("assessments.add")}
            </button>
          </Form>
        )}
      </section>

      {!panel ? (
        <p className="note" data-testid="blind-notice">
          {t("assessments.blindNotice")}
        </p>
      ) : (
        <section aria-labelledby="panel" data-testid="panel">
          <h2 id="panel">{t("assessments.panel")}</h2>
          <p className="muted">{t("assessments.panelIntro")}</p>
          {panel.submittedCount === 0 && <p>{t("assessments.noSubmission")}</p>}

          <h3>{t("assessments.fit")}</h3>
          <p data-testid="fit">
            {!kit.idealProfile
              ? t("assessments.noProfile")
              : panel.fit && panel.fit.fit !== null
                ? t("assessments.fitValue", { fit: Math.round(panel.fit.fit), coverage: percent(panel.fit.coverage) })
                : t("assessments.noFit")}
          </p>
          <p className="field-hint">{t("assessments.fitReading")}</p>

          <TableScroll label={t("assessments.panel")}>
            <table data-testid="trait-table">
              <thead>
                <tr>
                  <th scope="col">{t("assessments.traitColumns.trait")}</th>
                  <th scope="col" className="num">
                    {t("assessments.traitColumns.score")}
                  </th>
                  <th scope="col" className="num">
                    {t("assessments.traitColumns.evidence")}
                  </th>
                  <th scope="col">{t("assessments.traitColumns.means")}</th>
                  <th scope="col" className="num">
                    {t("assessments.traitColumns.spread")}
                  </th>
                  <th scope="col">{t("assessments.traitColumns.band")}</th>
                  <th scope="col" className="num">
                    {t("assessments.traitColumns.gap")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {TRAIT_KEYS.map((trait) => {
                  const agg = panel.traits[trait];
                  const band = kit.idealProfile?.[trait];
                  const gap = panel.fit?.gaps[trait];
                  return (
                    <tr key={trait} data-trait={trait}>
                      <th scope="row">{t(`traits.${trait}`)}</th>
                      {agg.status === "assessed" ? (
                        <>
                          <td className="num">{score(agg.score)}</td>
                          <td className="num">{agg.evidence}</td>
                          <td>
                            {agg.interviewers
                              .map((m) => `${panel.interviewerNames[m.interviewerId] ?? m.interviewerId}: ${twoDecimals(m.meanRating)}`)
                              .join("; ")}
                          </td>
                          <td className="num">
                            {twoDecimals(agg.spread)}
                            {agg.needsCalibration && (
                              <>
                                {" "}
                                <span className="badge badge-warning" title={t("assessments.calibrateHint")}>
                                  {t("assessments.calibrate")}
                                </span>
                              </>
                            )}
                          </td>
                        </>
                      ) : (
                        <td colSpan={4} className="muted">
                          {agg.status === "not_in_kit" ? t("assessments.notInKit") : t("assessments.notAssessed")}
                        </td>
                      )}
                      <td>{band ? `${band.low}–${band.high} (×${band.weight})` : "—"}</td>
                      {/* From the score as shown, so score and gap add up to the band's edge. */}
                      <td className="num">
                        {gap === undefined || agg.status !== "assessed" || !band ? "—" : score(shownGap(agg.score, band))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>

          <div className="cards">
            <div className="card">
              <h3>{t("assessments.recommendations")}</h3>
              <ul className="compact" data-testid="recommendations">
                {RECOMMENDATIONS.map((rec) => (
                  <li key={rec}>
                    {t(`assessments.recommendation.${rec}`)}: {panel.recommendations[rec]}
                  </li>
                ))}
              </ul>
            </div>
            <div className="card">
              <h3>{t("assessments.redFlagsSeen")}</h3>
              {panel.redFlagsSeen.length === 0 ? (
                <p>{t("assessments.none")}</p>
              ) : (
                <ul className="compact">
                  {panel.redFlagsSeen.map((f, index) => (
                    <li key={index}>
                      <ShownText value={f.text} /> — {f.interviewerName}
                      {f.evidence && <>: “{f.evidence}”</>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div className="card">
              <h3>{t("assessments.strengthsSeen")}</h3>
              {panel.strengthsSeen.length === 0 ? (
                <p>{t("assessments.none")}</p>
              ) : (
                <ul className="compact">
                  {panel.strengthsSeen.map((s, index) => (
                    <li key={index}>
                      <ShownText value={s.text} /> ({s.count})
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>

          {panel.ratingRows.length > 0 && (
            <details>
              <summary>{t("assessments.ratingsBehind")}</summary>
              <TableScroll label={t("assessments.ratingsBehind")}>
                <table data-testid="ratings-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("assessments.question")}</th>
                      <th scope="col">{t("assessments.traitColumns.trait")}</th>
                      {interviewerIds.map((id) => (
                        <th key={id} scope="col" className="num">
                          {panel.interviewerNames[id]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {kit.questions.flatMap((q) =>
                      q.traits.map((trait) => (
                        <tr key={`${q.id}-${trait}`}>
                          <td>{q.number}</td>
                          <td>{t(`traits.${trait}`)}</td>
                          {interviewerIds.map((id) => (
                            <td key={id} className="num">
                              {panel.ratingRows.find((r) => r.questionId === q.id && r.trait === trait && r.interviewerId === id)?.rating ??
                                "—"}
                            </td>
                          ))}
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </TableScroll>
            </details>
          )}

          {panel.submittedCount > 0 && (
            <PanelEvidence
              questions={kit.questions}
              interviewers={interviewerIds.map((id) => ({ id, name: panel.interviewerNames[id] ?? id }))}
              ratingRows={panel.ratingRows}
              notes={panel.notes}
            />
          )}
        </section>
      )}

      <ReportSection
        section={report}
        isRecruiter={isRecruiter}
        candidateName={overview.candidate.name}
        published={actionData && "published" in actionData ? actionData.published : null}
        errors={actionData && "published" in actionData ? actionData.errors : {}}
      />

      {isRecruiter && (
        <section aria-labelledby="decision">
          <h2 id="decision">{t("assessments.decision")}</h2>
          {overview.decisions.length === 0 ? (
            <p className="muted">{t("assessments.noDecision")}</p>
          ) : (
            <ul className="compact" data-testid="decisions">
              {overview.decisions.map((d, index) => (
                <li key={index}>
                  <strong>
                    {t("assessments.decidedBy", {
                      decision: t(`assessments.decisionValues.${d.decision}`),
                      name: d.decidedByName,
                      at: dateTime(d.decidedAt),
                    })}
                  </strong>
                  : {d.reason}
                </li>
              ))}
            </ul>
          )}
          {/* Keyed on the decisions: a recorded decision leaves an empty form, not a ready duplicate. */}
          <DecisionForm
            key={overview.decisions.length}
            serverErrors={actionData && "errors" in actionData ? actionData.errors : undefined}
          />
        </section>
      )}
    </article>
  );
}

/**
 * The recruiter's decision, checked in the browser with the action's schema
 * before posting (the first field to fix takes the keyboard); without
 * JavaScript it posts as is and the server's errors show by the fields.
 */
function DecisionForm({ serverErrors }: { serverErrors: FieldErrors | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, onSubmit, errorFor } = useZodForm(decisionSchema, { serverErrors, defaultValues: { reason: "" } });
  const decisionError = errorFor("decision");
  const reasonError = errorFor("reason");
  return (
    <Form method="post" className="form-stack" noValidate onSubmit={onSubmit}>
      <fieldset aria-describedby={decisionError ? "decision-error" : undefined}>
        <legend>{t("assessments.decision")}</legend>
        <div className="recommendation-options">
          {DECISION_VALUES.map((d) => (
            <div className="rating-option" key={d}>
              <input type="radio" id={`decision-${d}`} value={d} {...form.register("decision")} />
              <label htmlFor={`decision-${d}`}>{t(`assessments.decisionValues.${d}`)}</label>
            </div>
          ))}
        </div>
        <FieldError id="decision-error" error={decisionError} />
      </fieldset>
      <div className="field">
        <label htmlFor="decision-reason">{t("assessments.reason")}</label>
        <textarea
          id="decision-reason"
          rows={3}
          maxLength={DECISION_REASON_MAX}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? "reason-error" : undefined}
          {...form.register("reason")}
        />
        <FieldError id="reason-error" error={reasonError} />
      </div>
      <div>
        <button type="submit" name="intent" value="decision" disabled={navigation.state === "submitting"}>
          {t("assessments.recordDecision")}
        </button>
      </div>
    </Form>
  );
}
