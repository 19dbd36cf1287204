import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { ConfirmedAction } from "~/components/ConfirmedAction";
import {
  QUESTIONNAIRE_LANGUAGES,
  SELF_REPORT_ITEM_COUNT,
  type QuestionnaireLanguage,
  type QuestionnaireStatus,
  questionnaireLanguageOf,
} from "~/domain/self-report";
import type { ConfirmSpec } from "~/utils/confirm";
import { useFormatDate } from "~/utils/dates";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/self-report";

export type QuestionnaireLinkView = {
  status: QuestionnaireStatus;
  /** The live link's expiry and last opening; null when no link is live. */
  link: { expiresAt: string | null; lastOpenedAt: string | null } | null;
};

/** What the action answers after making a link: the link, this once. */
export type MadeQuestionnaireLink = { link: string; expiresAt: string | null; mailedTo: string | null };

/** What revoking the questionnaire link loses; the assessment's action asks the same without JavaScript. */
export const REVOKE_QUESTIONNAIRE_SPEC: ConfirmSpec = {
  title: { key: "selfReport.link.confirmRevoke.title" },
  lost: [{ key: "selfReport.link.confirmRevoke.lost" }],
  confirm: { key: "selfReport.link.confirmRevoke.confirm" },
};

/** Each questionnaire language's name, as written in that language. */
export const LANGUAGE_NAME_KEYS = {
  en: "selfReport.link.languageNames.en",
  es: "selfReport.link.languageNames.es",
  "zh-cn": "selfReport.link.languageNames.zhCn",
} as const;

/** Each language named in itself, marked so a screen reader says it in its own voice. */
const LANGUAGE_TAGS: Record<QuestionnaireLanguage, string> = { en: "en", es: "es", "zh-cn": "zh-Hans" };

function MadeLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label htmlFor="questionnaire-link" className="visually-hidden">
        {t("selfReport.link.link")}
      </label>
      <input
        id="questionnaire-link"
        type="text"
        readOnly
        value={link}
        data-testid="questionnaire-link"
        onFocus={(e) => e.currentTarget.select()}
      />
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => setCopied(true));
        }}
      >
        {copied ? t("selfReport.link.copied") : t("selfReport.link.copy")}
      </button>
    </div>
  );
}

/**
 * The recruiter's side of the candidate's self-report questionnaire: its
 * status in words, the live link's expiry and last opening, revoke it, and
 * make a link (the first, or a new one that replaces the live one) in a
 * language, with an optional expiry and, when e-mail is on and the candidate
 * has an address, e-mailed to it. The token is shown once, after making it.
 * A completed questionnaire is final: no form to make another.
 */
export function SelfReportLinkSection({
  questionnaire,
  candidateEmail,
  made,
  errors,
}: {
  questionnaire: QuestionnaireLinkView;
  /** Offered as the address to e-mail the link to; null when there is none or e-mail is off. */
  candidateEmail: string | null;
  made: MadeQuestionnaireLink | null;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const format = useFormatDate();
  const { status, link } = questionnaire;
  const languageError = errors.language ? t("selfReport.link.errors.language") : null;
  const expiryError = errors.expiresInDays ? t("selfReport.link.errors.expiresInDays") : null;
  const mailError = errors.mailToCandidate ? t("selfReport.link.errors.mailToCandidate") : null;
  const refusal = errors.questionnaire === "completed" || errors.questionnaire === "noLiveLink" ? errors.questionnaire : null;
  const statusText =
    status.state === "started"
      ? t("selfReport.link.status.started", { answered: status.answered, total: SELF_REPORT_ITEM_COUNT })
      : status.state === "completed"
        ? t("selfReport.link.status.completed", {
            date: format(status.completedAt, "dateTime"),
            answered: status.answered,
            total: SELF_REPORT_ITEM_COUNT,
          })
        : t(`selfReport.link.status.${status.state}`);
  return (
    <section aria-labelledby="questionnaire-heading" data-testid="questionnaire-section">
      <h2 id="questionnaire-heading">{t("selfReport.link.heading")}</h2>
      <p className="muted">{t("selfReport.link.intro")}</p>
      {made && (
        <div className="success" role="status">
          <p>{t("selfReport.link.made")}</p>
          {made.mailedTo && <p>{t("selfReport.link.mailed", { email: made.mailedTo })}</p>}
          <MadeLink link={made.link} />
        </div>
      )}
      {refusal && (
        <p className="alert" role="alert" data-testid="questionnaire-refused">
          {t(`selfReport.link.errors.${refusal}`)}
        </p>
      )}
      <p data-testid="questionnaire-status" data-state={status.state}>
        <strong>{t("selfReport.link.statusLabel")}:</strong> {statusText}
        {status.state !== "none" && (
          <>
            {" "}
            {t("selfReport.link.languageLabel")}:{" "}
            <span lang={LANGUAGE_TAGS[status.language]}>{t(LANGUAGE_NAME_KEYS[status.language])}</span>.
          </>
        )}
      </p>
      {link && status.state !== "completed" && (
        <p data-testid="questionnaire-live-link">
          {link.expiresAt ? t("selfReport.link.expiresOn", { date: format(link.expiresAt, "dateTime") }) : t("selfReport.link.noExpiry")}{" "}
          {link.lastOpenedAt
            ? t("selfReport.link.lastOpened", { date: format(link.lastOpenedAt, "dateTime") })
            : t("selfReport.link.neverOpened")}{" "}
          <ConfirmedAction intent="questionnaire-revoke" label={t("selfReport.link.revoke")} spec={REVOKE_QUESTIONNAIRE_SPEC} />
        </p>
      )}
      {status.state === "completed" ? (
        <p className="muted">{t("selfReport.link.completedNoNew")}</p>
      ) : (
        <Form method="post" className="form-stack">
          <div className="field">
            <label htmlFor="questionnaire-language">{t("selfReport.link.language")}</label>
            <select
              id="questionnaire-language"
              name="language"
              defaultValue={status.state !== "none" ? status.language : questionnaireLanguageOf(i18n.language)}
              aria-invalid={languageError ? true : undefined}
              aria-describedby={languageError ? "questionnaire-language-hint questionnaire-language-error" : "questionnaire-language-hint"}
            >
              {QUESTIONNAIRE_LANGUAGES.map((language) => (
                <option key={language} value={language} lang={LANGUAGE_TAGS[language]}>
                  {t(LANGUAGE_NAME_KEYS[language])}
                </option>
              ))}
            </select>
            <p id="questionnaire-language-hint" className="field-hint">
              {t("selfReport.link.languageHint")}
            </p>
            {languageError && (
              <p id="questionnaire-language-error" className="field-error">
                {languageError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="questionnaire-expiry">{t("selfReport.link.expiresInDays")}</label>
            <input
              id="questionnaire-expiry"
              name="expiresInDays"
              type="text"
              inputMode="numeric"
              aria-invalid={expiryError ? true : undefined}
              aria-describedby={expiryError ? "questionnaire-expiry-hint questionnaire-expiry-error" : "questionnaire-expiry-hint"}
            />
            <p id="questionnaire-expiry-hint" className="field-hint">
              {t("selfReport.link.expiresHint")}
            </p>
            {expiryError && (
              <p id="questionnaire-expiry-error" className="field-error">
                {expiryError}
              </p>
            )}
          </div>
          {(candidateEmail !== null || mailError) && (
            <div className="field checkbox">
              <input
                id="questionnaire-mail"
                type="checkbox"
                name="mailToCandidate"
                value="on"
                aria-invalid={mailError ? true : undefined}
                aria-describedby={mailError ? "questionnaire-mail-error" : undefined}
              />
              <label htmlFor="questionnaire-mail">{t("selfReport.link.mailToCandidate", { email: candidateEmail ?? "" })}</label>
              {mailError && (
                <p id="questionnaire-mail-error" className="field-error">
                  {mailError}
                </p>
              )}
            </div>
          )}
          <div>
            <button
              type="submit"
              name="intent"
              value="questionnaire-send"
              disabled={navigation.state === "submitting"}
              aria-describedby={link ? "questionnaire-send-hint" : undefined}
            >
              {t(status.state === "none" ? "selfReport.link.send" : "selfReport.link.sendNew")}
            </button>
            {link && (
              <p id="questionnaire-send-hint" className="field-hint">
                {t("selfReport.link.sendNewHint")}
              </p>
            )}
          </div>
        </Form>
      )}
    </section>
  );
}
