import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/utils/use-translation";
import { FitCharts } from "~/components/charts/FitCharts";
import type { AssessmentReportSection } from "~/models/report.server";
import { ConfirmedAction, type ConfirmSpec } from "~/components/ConfirmedAction";
import { useFormatDate } from "~/utils/dates";

export type PublishedReport = { link: string; expiresAt: string | null };

function ReportLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label htmlFor="report-link" className="visually-hidden">
        {t("report.recruiter.link")}
      </label>
      <input id="report-link" type="text" readOnly value={link} data-testid="report-link" onFocus={(e) => e.currentTarget.select()} />
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

/** What revoking a report link loses; the assessment's action asks the same without JavaScript. */
export const REVOKE_SPEC: ConfirmSpec = {
  title: { key: "assessments.confirmRevoke.title" },
  lost: [{ key: "assessments.confirmRevoke.lost" }],
  confirm: { key: "assessments.confirmRevoke.confirm" },
};

/**
 * The fit charts of an assessment and, for a recruiter, the candidate's report
 * links: publish one (its link shown once), see each one's status, revoke.
 */
export function ReportSection({
  section,
  isRecruiter,
  candidateName,
  published,
  errors,
}: {
  section: AssessmentReportSection;
  isRecruiter: boolean;
  candidateName: string;
  published: PublishedReport | null;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const format = useFormatDate();
  const languageError = errors.language ? t("report.recruiter.errors.language") : null;
  const expiryError = errors.expiresInDays ? t("report.recruiter.errors.expiresInDays") : null;
  return (
    <>
      {section.charts && (
        <section aria-labelledby="fit-charts" data-testid="fit-charts-section">
          <h2 id="fit-charts">{t("report.charts.section")}</h2>
          <FitCharts charts={section.charts} seriesLabel={candidateName} audience="staff" />
        </section>
      )}
      {isRecruiter && (
        <section aria-labelledby="candidate-report" data-testid="report-section">
          <h2 id="candidate-report">{t("report.recruiter.heading")}</h2>
          <p className="muted">{t("report.recruiter.intro")}</p>
          {published && (
            <div className="success" role="status">
              <p>{t("report.recruiter.published")}</p>
              <ReportLink link={published.link} />
            </div>
          )}
          <h3>{t("report.recruiter.links")}</h3>
          {section.links.length === 0 ? (
            <p className="muted">{t("report.recruiter.noLinks")}</p>
          ) : (
            <ul className="compact" data-testid="report-links">
              {section.links.map((link) => {
                const created = format(link.createdAt, "dateTime");
                return (
                  <li key={link.id} data-status={link.status}>
                    {t("report.recruiter.linkLine", { language: t(`app.language.${link.language}`), created, status: t(`report.recruiter.status.${link.status}`) })}
                    {link.expiresAt && <> · {t("report.recruiter.expiresOn", { date: format(link.expiresAt, "dateTime") })}</>}
                    {link.status === "live" && (
                      <>
                        {" "}
                        <ConfirmedAction
                          intent="revoke"
                          fields={{ reportId: link.id }}
                          label={t("report.recruiter.revoke")}
                          accessibleName={t("report.recruiter.revokeLabel", { created })}
                          spec={REVOKE_SPEC}
                        />
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <Form method="post" className="form-stack">
            <div className="field">
              <label htmlFor="report-language">{t("report.recruiter.language")}</label>
              <select
                id="report-language"
                name="language"
                defaultValue={i18n.language === "es" ? "es" : "en"}
                aria-invalid={languageError ? true : undefined}
                aria-describedby={languageError ? "report-language-error" : undefined}
              >
                <option value="en">{t("app.language.en")}</option>
                <option value="es">{t("app.language.es")}</option>
              </select>
              {languageError && (
                <p id="report-language-error" className="field-error">
                  {languageError}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor="report-expiry">{t("report.recruiter.expiresInDays")}</label>
              <input
                id="report-expiry"
                name="expiresInDays"
                type="text"
                inputMode="numeric"
                aria-invalid={expiryError ? true : undefined}
                aria-describedby={expiryError ? "report-expiry-hint report-expiry-error" : "report-expiry-hint"}
              />
              <p id="report-expiry-hint" className="field-hint">
                {t("report.recruiter.expiresHint")}
              </p>
              {expiryError && (
                <p id="report-expiry-error" className="field-error">
                  {expiryError}
                </p>
              )}
            </div>
            <div>
              <button type="submit" name="intent" value="publish" disabled={navigation.state === "submitting"}>
                {t("report.recruiter.publish")}
              </button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}
