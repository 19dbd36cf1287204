import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation, type I18n } from "~/utils/use-translation";
import { ShownText } from "~/components/ShownText";
import { CharacterCount } from "~/components/CharacterCount";
import { RECOMMENDATIONS } from "~/domain/scoring";
import type { TraitKey } from "~/domain/traits";
import { assessmentCandidateName } from "~/models/assessments.server";
import { getOwnScorecard, loadScoringKit } from "~/models/scorecards.server";
import { handleScorecardPost } from "~/http/scorecard-post.server";
import { showText } from "~/models/shown-text";
import type en from "~/locales/en";
import { EVIDENCE_MAX, NOTES_MAX, parseScorecardForm, scorecardToFormState, type ScorecardFormState } from "~/schemas/scorecard";
import { notFound, requireAssessmentAccess, requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useFormatDate } from "~/utils/dates";
import { useHydrated } from "~/utils/use-hydrated";
import { readFormData } from "~/http/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  // Only a member of the panel has a scorecard here; anyone else gets the 404 of an unknown id.
  const access = await requireAssessmentAccess(request, context, user, params.id, { assignedOnly: true });
  const kit = await loadScoringKit(context.db, access.kitVersionId);
  const candidateName = await assessmentCandidateName(context.db, access.id);
  if (!kit || candidateName === undefined) throw notFound();
  const card = await getOwnScorecard(context.db, access.id, user.id, kit);
  const { language: lang, t } = await getTranslator(request, context);
  const show = (json: string) => showText(json, lang, kit.contentLanguage);
  return {
    title: pageTitle(t, t("scorecard.pageTitle")),
    assessmentId: access.id,
    candidateName,
    kit: {
      name: kit.name,
      version: kit.version,
      questions: kit.questions.map((q, i) => ({
        id: q.id,
        number: i + 1,
        text: show(q.text),
        traits: q.traits,
        anchors: q.anchors.map((a) => ({ trait: a.trait, rating: a.rating, text: show(a.text) })),
      })),
      strengths: kit.strengths.map((s) => show(s.text)),
      redFlags: kit.redFlags.map((r) => show(r.text)),
    },
    card: { status: card.status, updatedAt: card.updatedAt, submittedAt: card.submittedAt, state: scorecardToFormState(card) },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const access = await requireAssessmentAccess(request, context, user, params.id, { assignedOnly: true });
  const assessmentId = access.id;
  const result = await handleScorecardPost(context, user, access, await readFormData(request));
  switch (result.kind) {
    case "not_found":
      throw notFound();
    case "invalid":
      return data({ errors: result.errors, posted: result.posted, locked: false }, { status: 400 });
    case "locked":
      return data({ errors: {}, posted: null, locked: true }, { status: 409 });
    case "saved":
      return redirect(result.submitted ? `/assessments/${assessmentId}` : `/assessments/${assessmentId}/scorecard`, 303);
  }
}

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "retrying" }
  | { kind: "invalid" }
  | { kind: "signedOut" }
  | { kind: "locked" };

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}

const RETRY_MS = [2000, 4000, 8000, 15000];
const DEBOUNCE_MS = 800;

/**
 * Saves the form in the background a moment after each change, through the
 * autosave endpoint; keeps retrying while offline. A reload then finds it all.
 *
 * `onSaveErrors` hears only about the autosave's own check (errors, or null
 * once a later save passes it): the errors of a Submit are none of its business.
 */
function useAutosave(
  formRef: React.RefObject<HTMLFormElement | null>,
  url: string,
  enabled: boolean,
  onSaveErrors: (errors: Record<string, string> | null) => void,
) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const attempt = useRef(0);
  const dirty = useRef(false);
  const latest = useRef(0);

  const save = useCallback(async () => {
    const form = formRef.current;
    if (!form || !enabled) return;
    clearTimeout(timer.current);
    const body = new FormData(form);
    body.set("intent", "save");
    dirty.current = false;
    // Only the answer to the newest save speaks for the form as it is now.
    const request = ++latest.current;
    setState({ kind: "saving" });
    try {
      const response = await fetch(url, { method: "POST", body, headers: { Accept: "application/json" }, redirect: "manual" });
      if (response.status === 409) return setState({ kind: "locked" });
      if (response.status === 400) {
        // Retrying cannot fix invalid input: show why, by the fields, and wait for the next change.
        const result: unknown = await response.json();
        const errors = typeof result === "object" && result !== null && "errors" in result ? result.errors : {};
        if (request === latest.current) onSaveErrors(isStringRecord(errors) ? errors : {});
        return setState({ kind: "invalid" });
      }
      // Signed out (a redirect to /login) or taken off the panel: a retry would not help either.
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 404) return setState({ kind: "signedOut" });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const result = (await response.json()) as { updatedAt?: string };
      attempt.current = 0;
      if (request === latest.current) onSaveErrors(null);
      setState({ kind: "saved", at: result.updatedAt ?? new Date().toISOString() });
    } catch {
      dirty.current = true;
      setState({ kind: "retrying" });
      const delay = RETRY_MS[Math.min(attempt.current, RETRY_MS.length - 1)] ?? 15000;
      attempt.current += 1;
      timer.current = setTimeout(() => void save(), delay);
    }
  }, [formRef, url, enabled, onSaveErrors]);

  const schedule = useCallback(() => {
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  useEffect(() => {
    const online = () => {
      if (dirty.current) void save();
    };
    const leave = () => {
      const form = formRef.current;
      if (!dirty.current || !form) return;
      const body = new FormData(form);
      body.set("intent", "save");
      navigator.sendBeacon(url, body);
    };
    window.addEventListener("online", online);
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("pagehide", leave);
      clearTimeout(timer.current);
    };
  }, [save, url, formRef]);

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    dirty.current = false;
  }, []);

  return { state, schedule, cancel };
}

function isErrorKey(i18n: I18n, key: string): key is keyof typeof en.scorecard.errors {
  return i18n.exists(`scorecard.errors.${key}`);
}

function useErrorText() {
  const { t, i18n } = useTranslation();
  return (message: string | undefined) => {
    if (!message) return undefined;
    const key = message.replace(/^scorecard\.errors\./, "");
    return isErrorKey(i18n, key) ? t(`scorecard.errors.${key}`) : message;
  };
}

/**
 * A free-text field of the scorecard with its limit in view: it never cuts
 * what is typed or pasted (no maxlength); the count warns near the limit and
 * errs past it, and the form's own check refuses what is over, by the field.
 */
function CountedText({
  id,
  name,
  max,
  defaultValue,
  error,
  hintId,
  multiline = false,
}: {
  id: string;
  name: string;
  max: number;
  defaultValue: string;
  error: string | undefined;
  hintId?: string;
  multiline?: boolean;
}) {
  const [length, setLength] = useState(defaultValue.length);
  // The error first: it is what to fix; then what the field asks for and its count.
  const describedBy = [error ? `${id}-error` : undefined, hintId, `${id}-count`].filter(Boolean).join(" ");
  const props = {
    id,
    name,
    defaultValue,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    onInput: (event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) => setLength(event.currentTarget.value.length),
  };
  return (
    <>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      <CharacterCount id={`${id}-count`} length={length} max={max} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

function useFormatTime(): (iso: string) => string {
  const format = useFormatDate();
  return (iso) => format(iso, "time");
}

function SaveStatus({ state, fallbackAt }: { state: SaveState; fallbackAt: string | null }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  let text: string | null = null;
  if (state.kind === "saving") text = t("scorecard.saving");
  else if (state.kind === "retrying") text = t("scorecard.notSaved");
  else if (state.kind === "locked") text = t("scorecard.locked");
  else if (state.kind === "invalid") text = t("scorecard.notSavedInvalid");
  else if (state.kind === "signedOut") text = t("scorecard.notSavedSignedOut");
  else if (state.kind === "saved") text = t("scorecard.savedAt", { time: formatTime(state.at) });
  else if (fallbackAt) text = t("scorecard.savedAt", { time: formatTime(fallbackAt) });
  return (
    <p
      className={`save-status${["retrying", "invalid", "signedOut"].includes(state.kind) ? " save-status-warning" : ""}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {text}
    </p>
  );
}

export default function ScorecardPage() {
  const { assessmentId, candidateName, kit, card } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const readOnly = card.status === "submitted";
  const hydrated = useHydrated();
  // Two sources of errors, kept apart so that neither erases the other's: the last Submit (checked
  // here first, or refused by the server) and the last autosave. An autosave finishing after a
  // Submit must not wipe the Submit's errors; they go when their field is fixed or a Submit passes.
  const [submitErrors, setSubmitErrors] = useState<Record<string, string> | null>(null);
  const [saveErrors, setSaveErrors] = useState<Record<string, string> | null>(null);
  const autosave = useAutosave(formRef, `/assessments/${assessmentId}/scorecard/autosave`, !readOnly, setSaveErrors);
  const shownSubmitErrors: Record<string, string> = submitErrors ?? actionData?.errors ?? {};
  const errors: Record<string, string> = { ...shownSubmitErrors, ...saveErrors };
  const values: ScorecardFormState = actionData?.posted ?? card.state;
  const errorCount = Object.keys(errors).length;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const intent = submitter instanceof HTMLButtonElement ? submitter.value : "save";
    if (intent !== "submit") {
      // Save comes back to this page: where the interviewer was on it, not at its top.
      event.preventDefault();
      submit(submitter instanceof HTMLButtonElement ? submitter : event.currentTarget, { method: "post", preventScrollReset: true });
      return;
    }
    const formData = new FormData(event.currentTarget);
    formData.set("intent", "submit");
    // The server's own check, run here first so the errors show before posting.
    const parsed = parseScorecardForm(formData.entries());
    if (!parsed.ok) {
      event.preventDefault();
      setSubmitErrors(parsed.errors);
      const form = event.currentTarget;
      requestAnimationFrame(() => {
        // A group (ratings, recommendation) takes no focus itself: its first choice does.
        const invalid = form.querySelector<HTMLElement>("[aria-invalid=true]");
        const target = invalid instanceof HTMLFieldSetElement ? invalid.querySelector<HTMLElement>("input") : invalid;
        target?.focus();
      });
      return;
    }
    setSubmitErrors(null);
    setSaveErrors(null);
    autosave.cancel();
  };

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    if (readOnly) return;
    autosave.schedule();
    if (Object.keys(shownSubmitErrors).length === 0) return;
    // The Submit check again on the form as it is now: an error whose field is fixed goes, the others stay.
    const formData = new FormData(event.currentTarget);
    formData.set("intent", "submit");
    const parsed = parseScorecardForm(formData.entries());
    const still: Record<string, string> = parsed.ok ? {} : parsed.errors;
    const kept = Object.fromEntries(Object.keys(shownSubmitErrors).flatMap((name) => (still[name] ? [[name, still[name]]] : [])));
    if (Object.keys(kept).length < Object.keys(shownSubmitErrors).length) setSubmitErrors(kept);
  };

  const fieldError = (name: string) => errorText(errors[name]);

  return (
    <article className="scorecard">
      <p className="muted">
        <Link to={`/assessments/${assessmentId}`}>{t("assessments.title", { name: candidateName })}</Link>
      </p>
      <h1>{t("scorecard.title", { name: candidateName })}</h1>
      <p className="muted">{t("scorecard.kitLine", { kit: kit.name, version: kit.version })}</p>
      {readOnly ? (
        <div className="note">
          <p>{card.submittedAt && t("scorecard.submittedAt", { time: formatTime(card.submittedAt) })}</p>
          <Link to={`/assessments/${assessmentId}`}>{t("scorecard.viewPanel")}</Link>
        </div>
      ) : (
        <p className="lede">
          {/* Until the page's script runs nothing saves in the background: the form says so, and how to keep the work. */}
          {t("scorecard.intro")} <span data-testid="save-mode">{hydrated ? t("scorecard.savedAsYouGo") : t("scorecard.saveToKeep")}</span>
        </p>
      )}
      {actionData?.locked && (
        <p className="alert" role="alert">
          {t("scorecard.locked")}
        </p>
      )}
      {errorCount > 0 && (
        <p className="alert" role="alert">
          {t("scorecard.hasErrors", { count: errorCount })}
        </p>
      )}
      <Form method="post" ref={formRef} onSubmit={onSubmit} onChange={onChange} noValidate>
        <fieldset disabled={readOnly} className="scorecard-fields">
          {kit.questions.map((q) => (
            <section key={q.id} className="question" aria-labelledby={`q-${q.id}`}>
              <h2 id={`q-${q.id}`} className="question-heading">
                {t("scorecard.question", { number: q.number, count: kit.questions.length })}
              </h2>
              <ShownText value={q.text} as="p" />
              <p className="muted">
                {t("scorecard.evaluates")}: {q.traits.map((trait) => t(`traits.${trait}`)).join(", ")}
              </p>
              <div className="rating-groups">
                {q.traits.map((trait: TraitKey) => {
                  const name = `rating.${q.id}.${trait}`;
                  const current = values.ratings[`${q.id}.${trait}`] ?? "";
                  const error = fieldError(name);
                  const anchorFor = (rating: number) => q.anchors.find((a) => a.trait === trait && a.rating === rating);
                  return (
                    <fieldset
                      key={trait}
                      className="rating-group"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${name}-error` : undefined}
                    >
                      <legend>{t("scorecard.ratingFor", { trait: t(`traits.${trait}`) })}</legend>
                      {[1, 2, 3, 4, 5].map((rating) => {
                        const anchor = anchorFor(rating);
                        const id = `${name}-${rating}`;
                        return (
                          <div className="rating-option" key={rating}>
                            <input type="radio" id={id} name={name} value={rating} defaultChecked={current === String(rating)} />
                            <label htmlFor={id}>
                              <strong>{rating}</strong>
                              {anchor && (
                                <span className="anchor-text">
                                  {" — "}
                                  <ShownText value={anchor.text} />
                                </span>
                              )}
                            </label>
                          </div>
                        );
                      })}
                      <div className="rating-option">
                        <input type="radio" id={`${name}-none`} name={name} value="" defaultChecked={current === ""} />
                        <label htmlFor={`${name}-none`}>{t("scorecard.notRated")}</label>
                      </div>
                      {error && (
                        <p id={`${name}-error`} className="field-error">
                          {error}
                        </p>
                      )}
                    </fieldset>
                  );
                })}
              </div>
              <div className="field">
                <label htmlFor={`notes-${q.id}`}>{t("scorecard.notes", { number: q.number })}</label>
                <CountedText
                  multiline
                  id={`notes-${q.id}`}
                  name={`notes.${q.id}`}
                  max={NOTES_MAX}
                  defaultValue={values.notes[String(q.id)] ?? ""}
                  error={fieldError(`notes.${q.id}`)}
                />
              </div>
            </section>
          ))}

          {kit.strengths.length > 0 && (
            <fieldset className="form-section">
              <legend>{t("scorecard.strengths")}</legend>
              {kit.strengths.map((s, index) => (
                <div className="checkbox" key={index}>
                  <input
                    type="checkbox"
                    id={`strength-${index}`}
                    name={`strength.${index}`}
                    defaultChecked={values.strengths.includes(index)}
                  />
                  <label htmlFor={`strength-${index}`}>
                    <ShownText value={s} />
                  </label>
                </div>
              ))}
            </fieldset>
          )}

          {kit.redFlags.length > 0 && (
            <fieldset className="form-section">
              <legend>{t("scorecard.redFlags")}</legend>
              {kit.redFlags.map((flag, index) => {
                const evidenceError = fieldError(`redFlagEvidence.${index}`);
                return (
                  <div className="red-flag" key={index}>
                    <div className="checkbox">
                      <input
                        type="checkbox"
                        id={`redFlag-${index}`}
                        name={`redFlag.${index}`}
                        defaultChecked={values.redFlags.includes(index)}
                      />
                      <label htmlFor={`redFlag-${index}`}>
                        <ShownText value={flag} />
                      </label>
                    </div>
                    <div className="field">
                      <label htmlFor={`redFlagEvidence-${index}`}>{t("scorecard.evidence", { flag: flag.text })}</label>
                      <p id={`redFlagEvidence-${index}-hint`} className="field-hint">
                        {t("scorecard.evidenceHint")}
                      </p>
                      <CountedText
                        id={`redFlagEvidence-${index}`}
                        name={`redFlagEvidence.${index}`}
                        max={EVIDENCE_MAX}
                        defaultValue={values.evidence[String(index)] ?? ""}
                        error={evidenceError}
                        hintId={`redFlagEvidence-${index}-hint`}
                      />
                    </div>
                  </div>
                );
              })}
            </fieldset>
          )}

          <fieldset
            className="form-section"
            aria-invalid={fieldError("recommendation") ? true : undefined}
            aria-describedby={fieldError("recommendation") ? "recommendation-error" : undefined}
          >
            <legend>{t("scorecard.recommendation")}</legend>
            <div className="recommendation-options">
              {RECOMMENDATIONS.map((rec) => (
                <div className="rating-option" key={rec}>
                  <input
                    type="radio"
                    id={`recommendation-${rec}`}
                    name="recommendation"
                    value={rec}
                    defaultChecked={values.recommendation === rec}
                  />
                  <label htmlFor={`recommendation-${rec}`}>{t(`assessments.recommendation.${rec}`)}</label>
                </div>
              ))}
            </div>
            {fieldError("recommendation") && (
              <p id="recommendation-error" className="field-error">
                {fieldError("recommendation")}
              </p>
            )}
          </fieldset>

          {!readOnly && (
            <div className="form-actions scorecard-actions">
              <SaveStatus state={autosave.state} fallbackAt={card.updatedAt} />
              {/* Not disabled while saving: a disabled button drops the keyboard's focus to the page's start. Saving twice saves the same. */}
              <button type="submit" name="intent" value="save" className="button-secondary">
                {t("scorecard.save")}
              </button>
              <button
                type="submit"
                name="intent"
                value="submit"
                disabled={navigation.state === "submitting"}
                aria-describedby="submit-hint"
              >
                {t("scorecard.submit")}
              </button>
              <p id="submit-hint" className="field-hint">
                {t("scorecard.submitHint")}
              </p>
            </div>
          )}
        </fieldset>
      </Form>
    </article>
  );
}
