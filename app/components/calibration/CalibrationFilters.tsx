import { Form } from "@remix-run/react";
import type { CalibrationQueryProblem } from "~/schemas/calibration";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/calibration";

type Field = "from" | "to" | "role";

/**
 * The period and role: a plain GET form (it works without JavaScript). A
 * refused field shows its reason under it, tied to it for screen readers. The
 * CSV link carries the filters in force; none while they are refused.
 */
export function CalibrationFilters({
  asked,
  problems,
  roles,
  csvHref,
}: {
  asked: Record<Field, string>;
  problems: Partial<Record<Field, CalibrationQueryProblem>>;
  roles: { slug: string; name: string }[];
  csvHref: string | null;
}) {
  const { t } = useTranslation();
  const invalid = (field: Field) =>
    problems[field] === undefined ? {} : { "aria-invalid": true as const, "aria-describedby": `calibration-${field}-error` };
  const message = (field: Field) => {
    const problem = problems[field];
    return problem === undefined ? null : (
      <p id={`calibration-${field}-error`} className="field-error">
        {t(`calibration.problems.${problem}`)}
      </p>
    );
  };
  // The keys redraw a field when the back button changes the query: a default value is read once.
  return (
    <Form method="get" action="/calibration" className="filters calibration-filters" aria-label={t("calibration.filters.label")}>
      <div className="field">
        <label htmlFor="calibration-from">{t("calibration.filters.from")}</label>
        <input id="calibration-from" name="from" type="date" defaultValue={asked.from} key={`from-${asked.from}`} {...invalid("from")} />
        {message("from")}
      </div>
      <div className="field">
        <label htmlFor="calibration-to">{t("calibration.filters.to")}</label>
        <input id="calibration-to" name="to" type="date" defaultValue={asked.to} key={`to-${asked.to}`} {...invalid("to")} />
        {message("to")}
      </div>
      <div className="field">
        <label htmlFor="calibration-role">{t("calibration.filters.role")}</label>
        <select id="calibration-role" name="role" defaultValue={asked.role} key={`role-${asked.role}`} {...invalid("role")}>
          <option value="">{t("calibration.filters.anyRole")}</option>
          {roles.map((role) => (
            <option key={role.slug} value={role.slug}>
              {role.name}
            </option>
          ))}
        </select>
        {message("role")}
      </div>
      <button type="submit">{t("calibration.filters.apply")}</button>
      {csvHref !== null && (
        <a className="button button-secondary" href={csvHref} download>
          {t("calibration.filters.download")}
        </a>
      )}
    </Form>
  );
}
