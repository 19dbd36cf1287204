import { Form, Link, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/utils/use-translation";
import { FitCharts, type FitChartsData, type FitChartsSvg } from "~/components/charts/FitCharts";
import { ConfirmedAction } from "~/components/ConfirmedAction";
import { NewestFirstPages } from "~/components/NewestFirstPages";
import type { ConfirmSpec } from "~/utils/confirm";
import { useFormatDate } from "~/utils/dates";
import { UI_LANGUAGES, type UiLanguage } from "~/utils/i18n";
import "~/locales/assessments";
import "~/locales/report";
import "~/locales/users";

/** A report link as the recruiter's list shows it. */
export type ReportLinkRow = {
  id: number;
  /** The start of the token's hash: tells links apart, reveals nothing of the token. */
  shortId: string;
  language: UiLanguage;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  status: "live" | "expired" | "revoked";
  /** The version the link shows; null for a link published before snapshots and not opened since. */
  version: number | null;
  opens: number;
  lastOpenedAt: string | null;
};

export type AssessmentReportSection = {
  charts: FitChartsData | null;
  /** The page `linksPage` of the links, newest first. */
  links: ReportLinkRow[];
  linksPage: number;
  /** All the links, the live ones apart, and how many pages they fill. */
  linkCount: { total: number; live: number; pageSize: number; pageCount: number };
  /** Publishing needs at least one submitted scorecard. */
  canPublish: boolean;
  /** The version the live links show when the report as it is now differs from it; null when up to date or unpublished. */
  outOfDateVersion: number | null;
  /** A submitted self-report the recruiter may include, with their last choice; null when there is none (no box). */
  selfReport: { included: boolean } | null;
};

export type PublishedReport = { link: string; expiresAt: string | null; shortId: string; version: number; mailedTo: string | null };

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
 * The fit charts of an assessment and, for a recruiter, the candidate's report:
 * whether the published version is out of date, each link (its short id, who
 * made it, version, language, expiry, opens), revoke one, and publish a new
 * version (its link shown once), which the earlier live links then show or
 * which revokes them. Publishing waits for a submitted scorecard.
 */
export function ReportSection({
  section,
  hrefForLinksPage,
  chartsSvg,
  isRecruiter,
  candidateName,
  candidateEmail,
  published,
  errors,
}: {
  section: AssessmentReportSection;
  /** The address of another page of the links. */
  hrefForLinksPage: (page: number) => string;
  /** The server's drawings of `section.charts`; null with them. */
  chartsSvg: FitChartsSvg | null;
  isRecruiter: boolean;
  candidateName: string;
  /** Offered as the address to e-mail the link to; null when there is none or e-mail is off. */
  candidateEmail: string | null;
  published: PublishedReport | null;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const format = useFormatDate();
  const languageError = errors.language ? t("report.recruiter.errors.language") : null;
  const expiryError = errors.expiresInDays ? t("report.recruiter.errors.expiresInDays") : null;
  const earlierError = errors.earlier ? t("report.recruiter.errors.earlier") : null;
  const mailError = errors.mailToCandidate ? t("report.recruiter.errors.mailToCandidate") : null;
  // Only a post the form never offers (no submitted self-report) gets these.
  const selfReportError = errors.includeSelfReport || errors.publish === "noSelfReport" ? t("report.recruiter.errors.noSelfReport") : null;
  const liveLinks = section.linkCount.live;
  const { linksPage, linkCount } = section;
  const firstShown = (linksPage - 1) * linkCount.pageSize + 1;
  // The server refuses too (409), should the page be older than the last reopen.
  const blocked = !section.canPublish || errors.publish === "noScores";
  const publishDescribedBy =
    [blocked ? "report-publish-blocked" : null, section.outOfDateVersion !== null ? "report-out-of-date" : null]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <>
      {section.charts && chartsSvg && (
        <section aria-labelledby="fit-charts" data-testid="fit-charts-section">
          <h2 id="fit-charts">{t("report.charts.section")}</h2>
          <FitCharts charts={section.charts} svg={chartsSvg} seriesLabel={candidateName} audience="staff" />
        </section>
      )}
      {isRecruiter && (
        <section aria-labelledby="candidate-report" data-testid="report-section">
          <h2 id="candidate-report">{t("report.recruiter.heading")}</h2>
          <p className="muted">{t("report.recruiter.intro")}</p>
          {published && (
            <div className="success" role="status">
              <p>{t("report.recruiter.published", { shortId: published.shortId, version: published.version })}</p>
              {published.mailedTo && <p>{t("report.recruiter.mailed", { email: published.mailedTo })}</p>}
              <ReportLink link={published.link} />
            </div>
          )}
          {section.outOfDateVersion !== null && (
            <p className="alert" id="report-out-of-date" data-testid="report-out-of-date">
              {t("report.recruiter.outOfDate", { version: section.outOfDateVersion })}
            </p>
          )}
          <h3 id="published-links">{t("report.recruiter.links")}</h3>
          {linkCount.total === 0 ? (
            <p className="muted">{t("report.recruiter.noLinks")}</p>
          ) : section.links.length === 0 ? (
            <p>
              {t("report.recruiter.linkPages.pageEmpty")} <Link to={hrefForLinksPage(1)}>{t("report.recruiter.linkPages.firstPage")}</Link>
            </p>
          ) : (
            <>
              {linkCount.pageCount > 1 && (
                <p className="muted" data-testid="report-links-shown">
                  {t("report.recruiter.linkPages.shown", {
                    total: linkCount.total,
                    from: firstShown,
                    to: firstShown + section.links.length - 1,
                  })}
                </p>
              )}
              <ul className="compact report-links" data-testid="report-links">
                {section.links.map((link) => {
                  const created = format(link.createdAt, "dateTime");
                  return (
                    <li key={link.id} data-status={link.status} data-short-id={link.shortId}>
                      <strong>{t("report.recruiter.linkName", { shortId: link.shortId })}</strong>
                      {" · "}
                      {t("report.recruiter.linkLine", {
                        language: t(`app.language.${link.language}`),
                        created,
                        name: link.createdBy,
                        status: t(`report.recruiter.status.${link.status}`),
                      })}
                      {link.version !== null && <> · {t("report.recruiter.version", { version: link.version })}</>}
                      {link.expiresAt && <> · {t("report.recruiter.expiresOn", { date: format(link.expiresAt, "dateTime") })}</>}
                      {" · "}
                      <span data-testid="report-link-opens">
                        {link.lastOpenedAt === null
                          ? t("report.recruiter.neverOpened")
                          : t("report.recruiter.opened", { count: link.opens, date: format(link.lastOpenedAt, "dateTime") })}
                      </span>
                      {link.status === "live" && (
                        <>
                          {" "}
                          <ConfirmedAction
                            intent="revoke"
                            fields={{ reportId: link.id }}
                            label={t("report.recruiter.revoke")}
                            accessibleName={t("report.recruiter.revokeLabel", { shortId: link.shortId, created })}
                            spec={REVOKE_SPEC}
                          />
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
              {linkCount.pageCount > 1 && (
                <NewestFirstPages
                  page={linksPage}
                  pageCount={linkCount.pageCount}
                  hrefForPage={hrefForLinksPage}
                  texts={{
                    label: t("report.recruiter.linkPages.label"),
                    newer: t("report.recruiter.linkPages.newer"),
                    older: t("report.recruiter.linkPages.older"),
                    pageOf: t("report.recruiter.linkPages.pageOf", { page: linksPage, pages: linkCount.pageCount }),
                  }}
                />
              )}
            </>
          )}
          <Form method="post" className="form-stack">
            <div className="field">
              <label htmlFor="report-language">{t("report.recruiter.language")}</label>
              <select
                id="report-language"
                name="language"
                defaultValue={i18n.language}
                aria-invalid={languageError ? true : undefined}
                aria-describedby={languageError ? "report-language-error" : undefined}
              >
                {UI_LANGUAGES.map((language) => (
                  <option key={language} value={language} lang={language}>
                    {t(`app.language.${language}`)}
                  </option>
                ))}
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
            {liveLinks > 0 && (
              <fieldset className="field" data-testid="report-earlier" aria-describedby={earlierError ? "report-earlier-error" : undefined}>
                <legend>{t("report.recruiter.earlier.legend", { count: liveLinks })}</legend>
                <label>
                  <input type="radio" name="earlier" value="keep" defaultChecked /> {t("report.recruiter.earlier.keep")}
                </label>
                <label>
                  <input type="radio" name="earlier" value="revoke" /> {t("report.recruiter.earlier.revoke")}
                </label>
                {earlierError && (
                  <p id="report-earlier-error" className="field-error">
                    {earlierError}
                  </p>
                )}
              </fieldset>
            )}
            {(candidateEmail !== null || mailError) && (
              <div className="field checkbox">
                <input
                  id="report-mail"
                  type="checkbox"
                  name="mailToCandidate"
                  value="on"
                  aria-invalid={mailError ? true : undefined}
                  aria-describedby={mailError ? "report-mail-error" : undefined}
                />
                <label htmlFor="report-mail">{t("report.recruiter.mailToCandidate", { email: candidateEmail ?? "" })}</label>
                {mailError && (
                  <p id="report-mail-error" className="field-error">
                    {mailError}
                  </p>
                )}
              </div>
            )}
            {section.selfReport && (
              <div className="field checkbox">
                <input
                  id="report-self-report"
                  type="checkbox"
                  name="includeSelfReport"
                  value="on"
                  defaultChecked={section.selfReport.included}
                  aria-describedby="report-self-report-hint"
                  data-testid="report-include-self-report"
                />
                <label htmlFor="report-self-report">{t("report.recruiter.includeSelfReport")}</label>
                <p id="report-self-report-hint" className="field-hint">
                  {t("report.recruiter.includeSelfReportHint")}
                </p>
              </div>
            )}
            {selfReportError && (
              <p className="field-error" role="alert" data-testid="report-self-report-error">
                {selfReportError}
              </p>
            )}
            <div>
              <button
                type="submit"
                name="intent"
                value="publish"
                disabled={blocked || navigation.state === "submitting"}
                aria-describedby={publishDescribedBy}
              >
                {t(liveLinks > 0 ? "report.recruiter.publishNew" : "report.recruiter.publish")}
              </button>
              {blocked && (
                <p id="report-publish-blocked" className="field-hint" data-testid="report-publish-blocked">
                  {t("report.recruiter.errors.noScores")}
                </p>
              )}
            </div>
          </Form>
        </section>
      )}
    </>
  );
}
