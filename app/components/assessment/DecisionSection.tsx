import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { FieldError, useZodForm, type FieldErrors } from "~/components/forms";
import { NewestFirstPages } from "~/components/NewestFirstPages";
import { DECISIONS, type Decision } from "~/domain/decisions";
import { DECISION_REASON_MAX, decisionSchema } from "~/schemas/candidate";
import { useFormatDate } from "~/utils/dates";
import "~/locales/assessments";

/** A page of the decisions recorded on the assessment, newest first, with how many there are in all. */
export type DecisionPage = {
  rows: readonly { decision: Decision; reason: string; decidedByName: string; decidedAt: string }[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

/** The decisions recorded on the assessment, a page of them newest first, and a form for the next one. */
export function DecisionSection({
  decisions,
  hrefForPage,
  serverErrors,
}: {
  decisions: DecisionPage;
  /** The address of another page of the decisions. */
  hrefForPage: (page: number) => string;
  serverErrors: FieldErrors | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatDate();
  const dateTime = (iso: string) => format(iso, "dateTime");
  const { rows, total, page, pageCount, pageSize } = decisions;
  const from = (page - 1) * pageSize + 1;
  return (
    <section aria-labelledby="decision">
      <h2 id="decision">{t("assessments.decision")}</h2>
      {total === 0 ? (
        <p className="muted">{t("assessments.noDecision")}</p>
      ) : rows.length === 0 ? (
        <p>
          {t("assessments.decisionPages.pageEmpty")} <Link to={hrefForPage(1)}>{t("assessments.decisionPages.firstPage")}</Link>
        </p>
      ) : (
        <>
          {pageCount > 1 && (
            <p className="muted" data-testid="decisions-shown">
              {t("assessments.decisionPages.shown", { total, from, to: from + rows.length - 1 })}
            </p>
          )}
          <ul className="compact" data-testid="decisions">
            {rows.map((d, index) => (
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
          {pageCount > 1 && (
            <NewestFirstPages
              page={page}
              pageCount={pageCount}
              hrefForPage={hrefForPage}
              texts={{
                label: t("assessments.decisionPages.label"),
                newer: t("assessments.decisionPages.newer"),
                older: t("assessments.decisionPages.older"),
                pageOf: t("assessments.decisionPages.pageOf", { page, pages: pageCount }),
              }}
            />
          )}
        </>
      )}
      {/* Keyed on the decisions: a recorded decision leaves an empty form, not a ready duplicate. */}
      <DecisionForm key={total} serverErrors={serverErrors} />
    </section>
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
          {DECISIONS.map((d) => (
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
