import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { useWatch } from "react-hook-form";
import { CharacterCount } from "~/components/CharacterCount";
import { FieldError, TextField, useZodForm, type FieldErrors } from "~/components/forms";
import { CANDIDATE_LIMITS, candidateSchema } from "~/schemas/candidate";
import { roleChoiceLabel } from "~/domain/role-names";
import "~/locales/candidates";

/** The candidate form's fields as the browser holds them: plain strings, "" for none. */
export type CandidateFormValues = {
  name: string;
  email: string;
  roleSlug: string;
  source: string;
  notes: string;
  differentPerson: boolean;
};

export const CANDIDATE_FIELDS = ["name", "email", "roleSlug", "source", "notes"] as const;

export function blankCandidateValues(): CandidateFormValues {
  return { name: "", email: "", roleSlug: "", source: "", notes: "", differentPerson: false };
}

/**
 * Add and edit a candidate. Validated in the browser with the schema the
 * server uses; without JavaScript it posts as a plain form, and the server's
 * errors and the posted values come back through `serverErrors` and
 * `defaultValues` (rendered into the HTML, so they show without JavaScript).
 */
export function CandidateForm(props: {
  roles: { slug: string; name: string }[];
  defaultValues: CandidateFormValues;
  serverErrors?: FieldErrors;
  /** The candidate already on file with the posted e-mail, when the server refused a second one. */
  duplicate?: { id: number; name: string };
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { defaultValues, serverErrors, duplicate } = props;
  const { form, onSubmit, errorFor } = useZodForm(candidateSchema, { serverErrors, defaultValues });
  const failed = duplicate !== undefined || (serverErrors !== undefined && Object.keys(serverErrors).length > 0);
  const roleError = errorFor("roleSlug");
  const notesError = errorFor("notes");
  const typed = useWatch({ control: form.control, defaultValue: defaultValues });
  const count = (field: keyof typeof CANDIDATE_LIMITS) => ({ length: typed[field]?.length ?? 0, max: CANDIDATE_LIMITS[field] });
  // The refusal holds for the address it was about: another address is checked anew when saved.
  const onFile =
    duplicate !== undefined && typed.email?.trim().toLowerCase() === defaultValues.email.trim().toLowerCase() ? duplicate : undefined;
  // A role the library no longer has still shows as the current choice.
  const roleKnown = defaultValues.roleSlug === "" || props.roles.some((role) => role.slug === defaultValues.roleSlug);
  return (
    <Form method="post" className="form-stack candidate-form" noValidate onSubmit={onSubmit}>
      {failed && (
        <p className="alert" role="alert">
          {t("candidates.form.failed")}
        </p>
      )}
      <TextField
        label={t("candidates.form.name")}
        name="name"
        type="text"
        autoComplete="off"
        defaultValue={defaultValues.name}
        count={count("name")}
        error={errorFor("name")}
        registration={form.register("name")}
      />
      <TextField
        label={t("candidates.form.email")}
        hint={t("candidates.form.emailHint")}
        name="email"
        type="email"
        autoComplete="off"
        defaultValue={defaultValues.email}
        count={count("email")}
        error={errorFor("email") ?? (onFile && !typed.differentPerson ? t("candidates.form.duplicate.error") : undefined)}
        registration={form.register("email")}
      />
      {onFile && (
        <div className="field duplicate-notice" data-testid="duplicate-candidate">
          <p>
            {t("candidates.form.duplicate.existing")} <Link to={`/candidates/${onFile.id}`}>{onFile.name}</Link>
          </p>
          <div className="checkbox">
            <input
              id="field-differentPerson"
              type="checkbox"
              defaultChecked={defaultValues.differentPerson}
              {...form.register("differentPerson")}
            />
            <label htmlFor="field-differentPerson">{t("candidates.form.duplicate.differentPerson")}</label>
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor="field-roleSlug">{t("candidates.form.role")}</label>
        <select
          id="field-roleSlug"
          defaultValue={defaultValues.roleSlug}
          aria-invalid={roleError ? true : undefined}
          aria-describedby={roleError ? "field-roleSlug-error" : undefined}
          {...form.register("roleSlug")}
        >
          <option value="">{t("candidates.form.noRole")}</option>
          {!roleKnown && <option value={defaultValues.roleSlug}>{defaultValues.roleSlug}</option>}
          {props.roles.map((role) => (
            <option key={role.slug} value={role.slug}>
              {roleChoiceLabel(role, props.roles)}
            </option>
          ))}
        </select>
        <FieldError id="field-roleSlug-error" error={roleError} />
      </div>
      <TextField
        label={t("candidates.form.source")}
        hint={t("candidates.form.sourceHint")}
        name="source"
        type="text"
        defaultValue={defaultValues.source}
        count={count("source")}
        error={errorFor("source")}
        registration={form.register("source")}
      />
      <div className="field">
        <label htmlFor="field-notes">{t("candidates.form.notes")}</label>
        <textarea
          id="field-notes"
          rows={5}
          defaultValue={defaultValues.notes}
          aria-invalid={notesError ? true : undefined}
          aria-describedby={notesError ? "field-notes-count field-notes-error" : "field-notes-count"}
          {...form.register("notes")}
        />
        <CharacterCount id="field-notes-count" {...count("notes")} />
        <FieldError id="field-notes-error" error={notesError} />
      </div>
      <div className="actions">
        <button type="submit" disabled={navigation.state === "submitting"}>
          {props.submitLabel}
        </button>
        <Link to={props.cancelTo}>{t("candidates.form.cancel")}</Link>
      </div>
    </Form>
  );
}

/** The posted fields as typed, to show them again next to the server's errors. */
export function postedCandidateValues(formData: FormData): CandidateFormValues {
  const text = (name: (typeof CANDIDATE_FIELDS)[number]) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    name: text("name"),
    email: text("email"),
    roleSlug: text("roleSlug"),
    source: text("source"),
    notes: text("notes"),
    differentPerson: formData.get("differentPerson") === "on",
  };
}
