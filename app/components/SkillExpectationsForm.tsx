import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { LEVELS } from "~/domain/levels";
import { roleMessageKey } from "~/schemas/role-messages";
import { UNKNOWN_ROLE, type SkillFormValues } from "~/schemas/skill-form";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/role";
import "~/locales/role-form";
import "~/locales/suggest";

/** The description's fields, English first as the published skill profiles are written. */
const DESCRIPTION_LANGUAGES = [
  { lang: "en", label: "suggest.skillForm.descriptionEn" },
  { lang: "es", label: "suggest.skillForm.descriptionEs" },
  { lang: "zh", label: "suggest.skillForm.descriptionZh" },
] as const;

/**
 * The skill profile form: one group of fields per expectation (role, level,
 * mandatory, what is expected in English, Spanish and Chinese), and a blank one at the
 * end to add one; clearing a row removes it. A plain form: it posts as is,
 * and the server's errors show by the fields (skill-form.ts reads and checks it).
 */
export function SkillExpectationsForm(props: {
  defaultValues: SkillFormValues;
  /** The library's roles an expectation may name. */
  roles: readonly { slug: string; name: string }[];
  serverErrors: Record<string, string> | undefined;
  submitLabel: string;
  /** Fields of the form's user (a proposal's title and rationale), at the top. */
  before?: ReactNode;
  /** The summary of the errors, in the words of what the form does. */
  errorsAlert: (count: number) => string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const errors = props.serverErrors ?? {};
  const errorCount = Object.keys(errors).length;
  const say = (error: string | undefined): string | undefined => {
    if (error === undefined) return undefined;
    if (error === UNKNOWN_ROLE) return t("suggest.errors.unknownRole");
    // The format's messages are English for the import report; the form says them in the reader's language.
    const key = roleMessageKey(error);
    return key === undefined ? error : t(`roleForm.errors.${key}`);
  };
  const rows = props.defaultValues.expectations;
  return (
    <Form method="post" noValidate className="role-form skill-form">
      {errorCount > 0 && (
        <p className="alert" role="alert">
          {props.errorsAlert(errorCount)}
        </p>
      )}
      {props.before}
      <fieldset className="form-section">
        <legend>{t("suggest.skillForm.legend")}</legend>
        <p className="field-hint">{t("suggest.skillForm.hint")}</p>
        {rows.map((row, index) => {
          const name = (field: string) => `expectations.${index}.${field}`;
          const id = (field: string) => `f-expectations.${index}.${field}`;
          const errorOf = (field: string) => say(errors[name(field)]);
          const described = (field: string) => (errorOf(field) ? `${id(field)}-error` : undefined);
          const invalid = (field: string) => (errorOf(field) ? true : undefined);
          const fieldError = (field: string) => {
            const message = errorOf(field);
            return (
              message && (
                <p id={`${id(field)}-error`} className="field-error">
                  {message}
                </p>
              )
            );
          };
          const isNew = index === rows.length - 1 && row.role === "" && row.level === "";
          const knownRole = row.role === "" || props.roles.some((role) => role.slug === row.role);
          return (
            <fieldset className="list-row-block" key={index}>
              <legend>{isNew ? t("suggest.skillForm.newRow") : t("suggest.skillForm.row", { number: index + 1 })}</legend>
              <div className="field-row">
                <div className="field">
                  <label htmlFor={id("role")}>{t("suggest.skillForm.role")}</label>
                  <select
                    id={id("role")}
                    name={name("role")}
                    defaultValue={row.role}
                    aria-invalid={invalid("role")}
                    aria-describedby={described("role")}
                  >
                    <option value="">{t("suggest.skillForm.chooseRole")}</option>
                    {props.roles.map((role) => (
                      <option key={role.slug} value={role.slug}>
                        {role.name}
                      </option>
                    ))}
                    {/* A role posted that the library does not have shows as it was posted, marked by its error. */}
                    {!knownRole && <option value={row.role}>{row.role}</option>}
                  </select>
                  {fieldError("role")}
                </div>
                <div className="field">
                  <label htmlFor={id("level")}>{t("suggest.skillForm.level")}</label>
                  <select
                    id={id("level")}
                    name={name("level")}
                    defaultValue={row.level}
                    aria-invalid={invalid("level")}
                    aria-describedby={described("level")}
                  >
                    <option value="">{t("suggest.skillForm.chooseLevel")}</option>
                    {LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {t(`levels.${level}`)}
                      </option>
                    ))}
                  </select>
                  {fieldError("level")}
                </div>
                <div className="checkbox">
                  <input id={id("mandatory")} name={name("mandatory")} type="checkbox" defaultChecked={row.mandatory} />
                  <label htmlFor={id("mandatory")}>{t("suggest.skillForm.mandatory")}</label>
                </div>
              </div>
              <div className="localized-pair">
                {DESCRIPTION_LANGUAGES.map(({ lang, label }) => (
                  <div className="field" key={lang}>
                    <label htmlFor={id(`description.${lang}`)}>{t(label)}</label>
                    <textarea
                      id={id(`description.${lang}`)}
                      name={name(`description.${lang}`)}
                      lang={lang}
                      rows={3}
                      defaultValue={row.description[lang]}
                      aria-invalid={invalid("description") ?? invalid(`description.${lang}`)}
                      aria-describedby={described("description") ?? described(`description.${lang}`)}
                    />
                    {fieldError(`description.${lang}`)}
                  </div>
                ))}
              </div>
              {fieldError("description")}
            </fieldset>
          );
        })}
      </fieldset>
      {errors.form && <p className="field-error">{say(errors.form)}</p>}
      <div className="form-actions">
        <button type="submit" disabled={navigation.state === "submitting"}>
          {props.submitLabel}
        </button>
      </div>
    </Form>
  );
}
