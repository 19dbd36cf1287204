import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent, InputHTMLAttributes, ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormRegisterReturn } from "react-hook-form";
import { useTranslation, type I18n } from "~/utils/use-translation";
import type { $ZodType } from "zod/v4/core";
import type en from "~/locales/en";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/schemas/auth";
import { CharacterCount } from "~/components/CharacterCount";

// Asks the loaded translations, so the messages of the other language never ship to the browser.
function isValidationKey(i18n: I18n, key: string): key is keyof typeof en.validation {
  return i18n.exists(`validation.${key}`);
}

export type FieldErrors = Record<string, string>;

/**
 * react-hook-form driven by the same zod schema as the server's action. The
 * form stays a plain HTML form: without JavaScript it posts as is and the
 * server's errors show by the fields; with it, errors show before posting.
 */
export function useZodForm<Input extends FieldValues, Output>(
  schema: $ZodType<Output, Input>,
  options: { serverErrors?: FieldErrors; defaultValues?: DefaultValues<Input> } = {},
) {
  const submit = useSubmit();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: options.defaultValues,
    mode: "onTouched",
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void form.handleSubmit(() => submit(submitter instanceof HTMLButtonElement ? submitter : formElement, { method: "post" }))(event);
  };
  const errorFor = (name: Path<Input>): string | undefined => {
    const clientError = form.formState.errors[name]?.message;
    return typeof clientError === "string" ? clientError : options.serverErrors?.[name];
  };
  return { form, onSubmit, errorFor };
}

/** An error next to its field; schema messages are i18n keys, other messages show as they are. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const key = error.startsWith("validation.") ? error.slice("validation.".length) : undefined;
  return (
    <p id={id} className="field-error">
      {key !== undefined && isValidationKey(i18n, key)
        ? t(`validation.${key}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })
        : error}
    </p>
  );
}

type TextFieldProps = {
  label: ReactNode;
  name: string;
  error: string | undefined;
  hint?: ReactNode;
  registration?: UseFormRegisterReturn;
  /** A free-text field's length and limit, counted under it (see CharacterCount). */
  count?: { length: number; max: number };
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

/** A labelled input with its error and hint tied to it for screen readers. */
export function TextField({ label, name, error, hint, registration, count, id, ...input }: TextFieldProps) {
  const inputId = id ?? `field-${name}`;
  const describedBy = [hint ? `${inputId}-hint` : null, count ? `${inputId}-count` : null, error ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={`${inputId}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
        {...registration}
      />
      {count && <CharacterCount id={`${inputId}-count`} length={count.length} max={count.max} />}
      <FieldError id={`${inputId}-error`} error={error} />
    </div>
  );
}
