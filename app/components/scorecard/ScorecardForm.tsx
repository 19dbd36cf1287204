import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation, type I18n } from "~/utils/use-translation";
import type { ShownText as ShownTextValue } from "~/domain/shown-text";
import type { Level } from "~/domain/levels";
import type en from "~/locales/en";
import { parseScorecardForm, type ScorecardFormState } from "~/schemas/scorecard";
import { QuestionBlock, type ScorecardQuestion } from "./QuestionBlock";
import { ExpectationChoices, RecommendationChoice, RedFlagChoices, StrengthChoices, type ScorecardExpectation } from "./ScorecardChoices";
import { SaveStatus } from "./SaveStatus";
import { useAutosave } from "./use-autosave";
import "~/locales/scorecard";

/** What of the kit an interviewer scores against. */
export type ScorecardKit = {
  questions: ScorecardQuestion[];
  strengths: ShownTextValue[];
  redFlags: ShownTextValue[];
  level: Level;
  expectations: ScorecardExpectation[];
};

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
 * The scorecard's form: a plain post without JavaScript (Save comes back here,
 * Submit goes to the panel); with it, saved in the background after each
 * change and checked here before a Submit posts, the errors by their fields.
 */
export function ScorecardForm({
  assessmentId,
  kit,
  readOnly,
  savedAt,
  values,
  postedErrors,
}: {
  assessmentId: number;
  kit: ScorecardKit;
  /** A submitted scorecard: shown, not edited. */
  readOnly: boolean;
  /** When the scorecard was last saved, before this page saved it. */
  savedAt: string | null;
  values: ScorecardFormState;
  /** The server's errors of the last post without JavaScript. */
  postedErrors: Record<string, string> | undefined;
}) {
  const navigation = useNavigation();
  const submit = useSubmit();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  // Two sources of errors, kept apart so that neither erases the other's: the last Submit (checked
  // here first, or refused by the server) and the last autosave. An autosave finishing after a
  // Submit must not wipe the Submit's errors; they go when their field is fixed or a Submit passes.
  const [submitErrors, setSubmitErrors] = useState<Record<string, string> | null>(null);
  const [saveErrors, setSaveErrors] = useState<Record<string, string> | null>(null);
  const autosave = useAutosave(formRef, `/assessments/${assessmentId}/scorecard/autosave`, !readOnly, setSaveErrors);
  const shownSubmitErrors: Record<string, string> = submitErrors ?? postedErrors ?? {};
  const errors: Record<string, string> = { ...shownSubmitErrors, ...saveErrors };
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
    <>
      {errorCount > 0 && (
        <p className="alert" role="alert">
          {t("scorecard.hasErrors", { count: errorCount })}
        </p>
      )}
      <Form method="post" ref={formRef} onSubmit={onSubmit} onChange={onChange} noValidate>
        <fieldset disabled={readOnly} className="scorecard-fields">
          {kit.questions.map((q) => (
            <QuestionBlock
              key={q.id}
              question={q}
              questionCount={kit.questions.length}
              ratings={values.ratings}
              notes={values.notes[String(q.id)] ?? ""}
              fieldError={fieldError}
            />
          ))}
          <StrengthChoices strengths={kit.strengths} checked={values.strengths} />
          <RedFlagChoices redFlags={kit.redFlags} checked={values.redFlags} evidence={values.evidence} fieldError={fieldError} />
          <ExpectationChoices expectations={kit.expectations} level={kit.level} current={values.expectations} fieldError={fieldError} />
          <RecommendationChoice current={values.recommendation} fieldError={fieldError} />

          {!readOnly && (
            <div className="form-actions scorecard-actions">
              <SaveStatus state={autosave.state} fallbackAt={savedAt} />
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
    </>
  );
}
