import { useState } from "react";
import { CharacterCount } from "~/components/CharacterCount";
import { isProposalMessageKey, PROPOSAL_RATIONALE_MAX, PROPOSAL_TITLE_MAX } from "~/schemas/proposal-form";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/suggest";

export type ProposalFieldValues = { title: string; rationale: string };

function messageOf(error: string | undefined) {
  return error !== undefined && isProposalMessageKey(error) ? error : undefined;
}

/**
 * A proposal's title and rationale ("Why"), at the top of the profile form it
 * changes: plain fields, posted with the form, counted as typed, each with the
 * server's error beside it.
 */
export function ProposalFields(props: {
  defaultValues: ProposalFieldValues;
  /** The form's errors by field name; the title's and the rationale's are shown here. */
  errors: Record<string, string> | undefined;
}) {
  const { t } = useTranslation();
  const [titleLength, setTitleLength] = useState(props.defaultValues.title.length);
  const [rationaleLength, setRationaleLength] = useState(props.defaultValues.rationale.length);
  const titleError = messageOf(props.errors?.title);
  const rationaleError = messageOf(props.errors?.rationale);
  return (
    <fieldset className="form-section">
      <legend>{t("suggest.fields.legend")}</legend>
      <div className="field">
        <label htmlFor="f-title">{t("suggest.fields.title")}</label>
        <p className="field-hint" id="f-title-hint">
          {t("suggest.fields.titleHint")}
        </p>
        <input
          id="f-title"
          name="title"
          type="text"
          defaultValue={props.defaultValues.title}
          onChange={(event) => setTitleLength(event.currentTarget.value.length)}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={["f-title-hint", "f-title-count", titleError ? "f-title-error" : null].filter(Boolean).join(" ")}
        />
        <CharacterCount id="f-title-count" length={titleLength} max={PROPOSAL_TITLE_MAX} />
        {titleError && (
          <p id="f-title-error" className="field-error">
            {t(`suggest.errors.${titleError}`)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="f-rationale">{t("suggest.fields.rationale")}</label>
        <p className="field-hint" id="f-rationale-hint">
          {t("suggest.fields.rationaleHint")}
        </p>
        <textarea
          id="f-rationale"
          name="rationale"
          rows={5}
          defaultValue={props.defaultValues.rationale}
          onChange={(event) => setRationaleLength(event.currentTarget.value.length)}
          aria-invalid={rationaleError ? true : undefined}
          aria-describedby={["f-rationale-hint", "f-rationale-count", rationaleError ? "f-rationale-error" : null]
            .filter(Boolean)
            .join(" ")}
        />
        <CharacterCount id="f-rationale-count" length={rationaleLength} max={PROPOSAL_RATIONALE_MAX} />
        {rationaleError && (
          <p id="f-rationale-error" className="field-error">
            {t(`suggest.errors.${rationaleError}`)}
          </p>
        )}
      </div>
    </fieldset>
  );
}

/** "Your proposal changes nothing yet", above the form. */
export function NoChangeAlert() {
  const { t } = useTranslation();
  return (
    <div className="alert" role="alert">
      <p>
        <strong>{t("suggest.errors.noChange")}</strong>
      </p>
      <p>{t("suggest.errors.noChangeHow")}</p>
    </div>
  );
}
