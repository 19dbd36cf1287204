import { useTranslation } from "~/utils/use-translation";
import { ShownText } from "~/components/ShownText";
import { RECOMMENDATIONS } from "~/domain/scoring";
import { EXPECTATION_MARKS, NOT_ASKED } from "~/domain/expectation-marks";
import type { Level } from "~/domain/levels";
import type { ShownText as ShownTextValue } from "~/domain/shown-text";
import { EVIDENCE_MAX } from "~/schemas/scorecard";
import { CountedText } from "./CountedText";
import type { FieldError } from "./QuestionBlock";
import "~/locales/assessments";
import "~/locales/scorecard";

/** The kit's strengths the interviewer saw, by their position in the kit. */
export function StrengthChoices({ strengths, checked }: { strengths: readonly ShownTextValue[]; checked: readonly number[] }) {
  const { t } = useTranslation();
  if (strengths.length === 0) return null;
  return (
    <fieldset className="form-section">
      <legend>{t("scorecard.strengths")}</legend>
      {strengths.map((s, index) => (
        <div className="checkbox" key={index}>
          <input type="checkbox" id={`strength-${index}`} name={`strength.${index}`} defaultChecked={checked.includes(index)} />
          <label htmlFor={`strength-${index}`}>
            <ShownText value={s} />
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** The kit's red flags the interviewer saw, each with the evidence for it. */
export function RedFlagChoices({
  redFlags,
  checked,
  evidence,
  fieldError,
}: {
  redFlags: readonly ShownTextValue[];
  checked: readonly number[];
  /** By the red flag's position in the kit. */
  evidence: Record<string, string>;
  fieldError: FieldError;
}) {
  const { t } = useTranslation();
  if (redFlags.length === 0) return null;
  return (
    <fieldset className="form-section">
      <legend>{t("scorecard.redFlags")}</legend>
      {redFlags.map((flag, index) => (
        <div className="red-flag" key={index}>
          <div className="checkbox">
            <input type="checkbox" id={`redFlag-${index}`} name={`redFlag.${index}`} defaultChecked={checked.includes(index)} />
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
              defaultValue={evidence[String(index)] ?? ""}
              error={fieldError(`redFlagEvidence.${index}`)}
              hintId={`redFlagEvidence-${index}-hint`}
            />
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** The interviewer's overall recommendation. */
export function RecommendationChoice({ current, fieldError }: { current: string; fieldError: FieldError }) {
  const { t } = useTranslation();
  const error = fieldError("recommendation");
  return (
    <fieldset
      className="form-section"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? "recommendation-error" : undefined}
    >
      <legend>{t("scorecard.recommendation")}</legend>
      <div className="recommendation-options">
        {RECOMMENDATIONS.map((rec) => (
          <div className="rating-option" key={rec}>
            <input type="radio" id={`recommendation-${rec}`} name="recommendation" value={rec} defaultChecked={current === rec} />
            <label htmlFor={`recommendation-${rec}`}>{t(`assessments.recommendation.${rec}`)}</label>
          </div>
        ))}
      </div>
      {error && (
        <p id="recommendation-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A skill expectation of the kit as the interviewer marks it. */
export type ScorecardExpectation = { position: number; skillName: string; mandatory: boolean; description: ShownTextValue };

const EXPECTATION_CHOICES = [...EXPECTATION_MARKS, NOT_ASKED] as const;

/**
 * The role's skill expectations at the kit's level, each marked met, partly,
 * not met or (the default) not asked. Optional: a scorecard submits with none marked.
 */
export function ExpectationChoices({
  expectations,
  level,
  current,
  fieldError,
}: {
  expectations: readonly ScorecardExpectation[];
  level: Level;
  /** Position → the mark chosen; absent: not asked. */
  current: Record<string, string>;
  fieldError: FieldError;
}) {
  const { t } = useTranslation();
  if (expectations.length === 0) return null;
  return (
    <section className="form-section" aria-labelledby="expectations-heading" data-testid="expectation-marks">
      <h2 id="expectations-heading">{t("scorecard.expectations.heading", { level: t(`levels.${level}`) })}</h2>
      <p className="muted">{t("scorecard.expectations.intro")}</p>
      {expectations.map((e) => {
        const name = `expectations.${e.position}`;
        const error = fieldError(name);
        const chosen = current[String(e.position)] ?? NOT_ASKED;
        return (
          <fieldset
            key={e.position}
            className="rating-group expectation-mark"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${name}-error` : undefined}
          >
            <legend>
              {t("scorecard.expectations.markFor", { skill: e.skillName })}{" "}
              {e.mandatory ? (
                <span className="badge badge-mandatory">{t("scorecard.expectations.mandatory")}</span>
              ) : (
                <span className="muted">({t("scorecard.expectations.optional")})</span>
              )}
            </legend>
            <ShownText value={e.description} as="p" />
            <div className="recommendation-options">
              {EXPECTATION_CHOICES.map((mark) => (
                <div className="rating-option" key={mark}>
                  <input type="radio" id={`${name}-${mark}`} name={name} value={mark} defaultChecked={chosen === mark} />
                  <label htmlFor={`${name}-${mark}`}>{t(`scorecard.expectations.mark.${mark}`)}</label>
                </div>
              ))}
            </div>
            {error && (
              <p id={`${name}-error`} className="field-error">
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
    </section>
  );
}
