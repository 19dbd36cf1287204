import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";

/**
 * The candidate page's "Personal data" section: the JSON export (a plain
 * download link) and the erase form, which needs its confirmation box ticked;
 * the server checks it too and answers 400 with the error by the box.
 */
export function CandidatePrivacy({ candidateId, eraseError }: { candidateId: number; eraseError: string | undefined }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="candidate-privacy">
      <h2 id="candidate-privacy">{t("privacy.title")}</h2>
      <p className="muted">{t("privacy.intro")}</p>
      <div className="actions">
        <a className="button button-secondary" href={`/candidates/${candidateId}/export`} download>
          {t("privacy.export")}
        </a>
      </div>
      <Form method="post" className="form-stack" noValidate aria-labelledby="candidate-erase">
        <h3 id="candidate-erase">{t("privacy.erase.title")}</h3>
        <p id="candidate-erase-warning">{t("privacy.erase.warning")}</p>
        <input type="hidden" name="intent" value="erase" />
        <div className="checkbox">
          <input
            id="candidate-erase-confirm"
            type="checkbox"
            name="confirm"
            required
            aria-invalid={eraseError ? true : undefined}
            aria-describedby={["candidate-erase-warning", eraseError ? "candidate-erase-confirm-error" : null].filter(Boolean).join(" ")}
          />
          <label htmlFor="candidate-erase-confirm">{t("privacy.erase.confirm")}</label>
        </div>
        {eraseError && (
          <p id="candidate-erase-confirm-error" className="field-error" role="alert">
            {t("privacy.erase.confirmRequired")}
          </p>
        )}
        <div>
          <button type="submit" className="button-danger">
            {t("privacy.erase.button")}
          </button>
        </div>
      </Form>
    </section>
  );
}
