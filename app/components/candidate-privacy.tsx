import { ConfirmedAction } from "~/components/ConfirmedAction";
import type { ConfirmSpec } from "~/utils/confirm";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/privacy";

/** What erasing a candidate loses; the candidate page's action asks the same without JavaScript. */
export function eraseSpec(name: string): ConfirmSpec {
  return {
    title: { key: "privacy.erase.confirmTitle", params: { name } },
    lost: [{ key: "privacy.erase.warning" }],
    confirm: { key: "privacy.erase.confirmButton" },
  };
}

/**
 * The candidate page's "Personal data" section: the JSON export (a plain
 * download link) and Erase, which asks first (a dialog, or without
 * JavaScript the confirmation page) and acts only with confirm=1.
 */
export function CandidatePrivacy({ candidateId, candidateName }: { candidateId: number; candidateName: string }) {
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
      <h3 id="candidate-erase">{t("privacy.erase.title")}</h3>
      <p>{t("privacy.erase.warning")}</p>
      <ConfirmedAction intent="erase" label={t("privacy.erase.button")} spec={eraseSpec(candidateName)} variant="danger" />
    </section>
  );
}
