import { toNestErrors } from "@hookform/resolvers";
import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { createContext, useContext, useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";
import {
  FormProvider,
  get,
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type FieldError as HookFieldError,
  type FieldErrors as HookFieldErrors,
  type Resolver,
  type UseFormRegister,
} from "react-hook-form";
import { IdealProfileChart } from "~/components/charts/IdealProfileChart";
import { LiveIdealProfileDrawing } from "~/components/charts/LiveIdealProfileDrawing";
import type { SentChart } from "~/components/charts/drawing";
import type { IdealBand } from "~/components/charts/ideal-profile-drawing";
import { CharacterCount } from "~/components/CharacterCount";
import { FieldError } from "~/components/forms";
import { isTraitKey, TRAIT_KEYS, type TraitKey } from "~/domain/traits";
import { ANCHOR_FIELD_KEYS } from "~/schemas/anchor-fields";
import { blankField, blankQuestion, blankTransition, validateRoleForm, type RoleFormValues } from "~/schemas/role-form";
import { roleMessageKey } from "~/schemas/role-messages";
import { MAX_ANCHOR_LENGTH, MAX_QUESTION_LENGTH } from "~/schemas/kit";
import { ROLE_TEXT_MAX } from "~/schemas/localized";
import { NAME_MAX, SLUG_MAX, slugFromName } from "~/schemas/role";
import { sameRoleName } from "~/domain/role-names";
import "~/locales/role";
import "~/locales/role-form";

/** The same validation as the server's, run in the browser before posting. */
const roleResolver: Resolver<RoleFormValues> = async (values, _context, options) => {
  const result = validateRoleForm(values);
  if (result.ok) return { values, errors: {} };
  const flat: HookFieldErrors = {};
  for (const [path, message] of Object.entries(result.errors)) flat[path] = { type: "validate", message };
  return { values: {}, errors: toNestErrors(flat, options) };
};

type ErrorFor = (path: string) => string | undefined;

/*
 * react-hook-form fills inputs from JavaScript; the server's HTML must carry
 * the values itself so the form works (and re-shows posted values) without it.
 */
const FormDefaults = createContext<RoleFormValues | null>(null);

function useDefault(path: string): unknown {
  const defaults = useContext(FormDefaults);
  return defaults ? get(defaults, path) : undefined;
}

function useDefaultText(path: string): string | undefined {
  const value = useDefault(path);
  return typeof value === "string" ? value : undefined;
}

const LANG_INPUTS = ["es", "en", "zh"] as const;

/** The count under a free-text field, from the value as typed (the form's own state). */
function FieldCount({ id, name, max }: { id: string; name: string; max: number }) {
  const value: unknown = useWatch({ name });
  return <CharacterCount id={id} length={typeof value === "string" ? value.length : 0} max={max} />;
}

function LocalizedInputs(props: {
  name: string;
  label: ReactNode;
  register: UseFormRegister<RoleFormValues>;
  errorFor: ErrorFor;
  multiline?: boolean;
  /** Each language's limit: ROLE_TEXT_MAX unless the text is a question's or an anchor's. */
  limit?: number;
}) {
  const { t } = useTranslation();
  const limit = props.limit ?? ROLE_TEXT_MAX;
  const error = props.errorFor(props.name);
  const errorId = `${props.name}-error`;
  const defaults = useDefault(props.name);
  return (
    <fieldset className="localized">
      <legend>{props.label}</legend>
      <div className="localized-pair">
        {LANG_INPUTS.map((lang) => {
          const name = `${props.name}.${lang}`;
          const id = `f-${name}`;
          const fieldError = props.errorFor(name);
          const registration = props.register(name as "summary.es");
          const initial: unknown = get(defaults, lang);
          const defaultValue = typeof initial === "string" ? initial : undefined;
          const describedBy = [`${id}-count`, error ? errorId : null, fieldError ? `${id}-error` : null].filter(Boolean).join(" ");
          return (
            <div className="field" key={lang}>
              <label htmlFor={id}>{t(`roleForm.lang.${lang}`)}</label>
              {props.multiline ? (
                <textarea
                  id={id}
                  rows={3}
                  lang={lang}
                  defaultValue={defaultValue}
                  aria-describedby={describedBy}
                  aria-invalid={error || fieldError ? true : undefined}
                  {...registration}
                />
              ) : (
                <input
                  id={id}
                  type="text"
                  lang={lang}
                  defaultValue={defaultValue}
                  aria-describedby={describedBy}
                  aria-invalid={error || fieldError ? true : undefined}
                  {...registration}
                />
              )}
              <FieldCount id={`${id}-count`} name={name} max={limit} />
              <FieldError id={`${id}-error`} error={fieldError} />
            </div>
          );
        })}
      </div>
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}

function Input(props: {
  name: string;
  label: ReactNode;
  register: UseFormRegister<RoleFormValues>;
  errorFor: ErrorFor;
  type?: "text" | "number";
  min?: number;
  max?: number;
  hint?: ReactNode;
  /** A text field's length limit, counted under it. */
  limit?: number;
  /** Something to check that does not stop the save. */
  warning?: ReactNode;
  /** Shown and posted, not editable. */
  readOnly?: boolean;
}) {
  const id = `f-${props.name}`;
  const error = props.errorFor(props.name);
  const defaultValue = useDefaultText(props.name);
  const describedBy =
    [
      props.hint ? `${id}-hint` : null,
      props.limit ? `${id}-count` : null,
      props.warning ? `${id}-warning` : null,
      error ? `${id}-error` : null,
    ]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <input
        id={id}
        type={props.type ?? "text"}
        inputMode={props.type === "number" ? "numeric" : undefined}
        min={props.min}
        max={props.max}
        defaultValue={defaultValue}
        readOnly={props.readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...props.register(props.name as "name")}
      />
      {props.limit && <FieldCount id={`${id}-count`} name={props.name} max={props.limit} />}
      {props.warning && (
        <p id={`${id}-warning`} className="field-warning">
          {props.warning}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

function RemoveButton({ onClick, label }: { onClick: () => void; label: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button-secondary js-only" onClick={onClick} aria-label={label}>
      {t("roleForm.remove")}
    </button>
  );
}

function TextList(props: {
  name: "strengths" | "redFlags";
  title: string;
  itemLabel: (index: number) => string;
  control: Control<RoleFormValues>;
  register: UseFormRegister<RoleFormValues>;
  errorFor: ErrorFor;
}) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: props.control, name: props.name });
  return (
    <fieldset className="form-section">
      <legend>{props.title}</legend>
      <p className="field-hint">{t("roleForm.blankRowHint")}</p>
      {fields.map((field, index) => (
        <div className="list-row" key={field.id}>
          <LocalizedInputs
            name={`${props.name}.${index}`}
            label={props.itemLabel(index + 1)}
            register={props.register}
            errorFor={props.errorFor}
          />
          <RemoveButton onClick={() => remove(index)} label={`${t("roleForm.remove")}${t("app.colon")}${props.itemLabel(index + 1)}`} />
        </div>
      ))}
      <button type="button" className="button-secondary js-only" onClick={() => append(blankField())}>
        {t("roleForm.add")}
      </button>
    </fieldset>
  );
}

function QuestionFields(props: {
  index: number;
  control: Control<RoleFormValues>;
  register: UseFormRegister<RoleFormValues>;
  errorFor: ErrorFor;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { index, register, errorFor } = props;
  const checked = useWatch({ control: props.control, name: `questions.${index}.traits` });
  const traits: TraitKey[] = (Array.isArray(checked) ? checked : []).filter(isTraitKey);
  const traitsError = errorFor(`questions.${index}.traits`);
  const initialTraits = useDefault(`questions.${index}.traits`);
  const label = t("roleForm.question", { number: index + 1 });
  return (
    <div className="question list-row-block">
      <h2 className="form-item-heading">{label}</h2>
      <LocalizedInputs
        name={`questions.${index}.text`}
        label={t("roleForm.questionText")}
        register={register}
        errorFor={errorFor}
        multiline
        limit={MAX_QUESTION_LENGTH}
      />
      <LocalizedInputs
        name={`questions.${index}.evaluatesNote`}
        label={t("roleForm.evaluatesNote")}
        register={register}
        errorFor={errorFor}
      />
      <fieldset aria-describedby={traitsError ? `questions-${index}-traits-error` : undefined}>
        <legend>{t("roleForm.questionTraits")}</legend>
        <div className="checkbox-grid">
          {TRAIT_KEYS.map((trait) => (
            <div className="checkbox" key={trait}>
              <input
                id={`f-questions.${index}.traits.${trait}`}
                type="checkbox"
                value={trait}
                defaultChecked={Array.isArray(initialTraits) && initialTraits.includes(trait)}
                {...register(`questions.${index}.traits`)}
              />
              <label htmlFor={`f-questions.${index}.traits.${trait}`}>{t(`traits.${trait}`)}</label>
            </div>
          ))}
        </div>
        <FieldError id={`questions-${index}-traits-error`} error={traitsError} />
      </fieldset>
      {traits.map((trait) => (
        <fieldset className="anchors-set" key={trait}>
          <legend>
            {t("role.anchors")}
            {t("app.colon")}
            {t(`traits.${trait}`)}
          </legend>
          {ANCHOR_FIELD_KEYS.map((rating) => (
            <LocalizedInputs
              key={rating}
              name={`questions.${index}.anchors.${trait}.${rating}`}
              label={t("role.anchorRating", { rating })}
              register={register}
              errorFor={errorFor}
              multiline
              limit={MAX_ANCHOR_LENGTH}
            />
          ))}
        </fieldset>
      ))}
      <RemoveButton onClick={props.onRemove} label={`${t("roleForm.remove")}${t("app.colon")}${label}`} />
    </div>
  );
}

function TransitionFields(props: {
  index: number;
  control: Control<RoleFormValues>;
  register: UseFormRegister<RoleFormValues>;
  errorFor: ErrorFor;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { index, register, errorFor } = props;
  const strengths = useFieldArray({ control: props.control, name: `transitions.${index}.strengths` });
  const label = t("roleForm.transition", { number: index + 1 });
  return (
    <div className="list-row-block">
      <h2 className="form-item-heading">{label}</h2>
      <div className="field-row">
        <Input
          name={`transitions.${index}.targetName`}
          label={t("roleForm.targetName")}
          register={register}
          errorFor={errorFor}
          limit={NAME_MAX}
        />
        <Input
          name={`transitions.${index}.target`}
          label={t("roleForm.targetSlug")}
          register={register}
          errorFor={errorFor}
          limit={SLUG_MAX}
        />
        <Input
          name={`transitions.${index}.publishedFit`}
          label={t("roleForm.publishedFit")}
          type="number"
          min={0}
          max={100}
          register={register}
          errorFor={errorFor}
        />
      </div>
      <fieldset>
        <legend>{t("role.areasToDevelop")}</legend>
        <p className="field-hint">{t("roleForm.deltasHint")}</p>
        <div className="field-row">
          {TRAIT_KEYS.map((trait) => (
            <Input
              key={trait}
              name={`transitions.${index}.deltas.${trait}`}
              label={t(`traits.${trait}`)}
              type="number"
              min={-100}
              max={100}
              register={register}
              errorFor={errorFor}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("role.strengthsForMove")}</legend>
        {strengths.fields.map((field, j) => (
          <div className="list-row" key={field.id}>
            <LocalizedInputs
              name={`transitions.${index}.strengths.${j}`}
              label={t("roleForm.item", { number: j + 1 })}
              register={register}
              errorFor={errorFor}
            />
            <RemoveButton
              onClick={() => strengths.remove(j)}
              label={`${t("roleForm.remove")}${t("app.colon")}${t("roleForm.item", { number: j + 1 })}`}
            />
          </div>
        ))}
        <button type="button" className="button-secondary js-only" onClick={() => strengths.append(blankField())}>
          {t("roleForm.add")}
        </button>
      </fieldset>
      <RemoveButton onClick={props.onRemove} label={`${t("roleForm.remove")}${t("app.colon")}${label}`} />
    </div>
  );
}

/** The bands of the form's values that the chart can draw: each number in range, low ≤ high, a weight of 1–3. */
export function typedBands(profile: RoleFormValues["idealProfile"]): IdealBand[] {
  return TRAIT_KEYS.flatMap((trait) => {
    const low = Number(profile[trait].low);
    const high = Number(profile[trait].high);
    const weight = Number(profile[trait].weight);
    const valid = Number.isFinite(low) && Number.isFinite(high) && low >= 0 && high <= 100 && low <= high && [1, 2, 3].includes(weight);
    return valid ? [{ trait, low, high, weight }] : [];
  });
}

/** The bands as typed; a trait whose band cannot be drawn yet is named under the chart, not silently dropped. */
function LiveProfileChart({ control, initialSvg, wanted }: { control: Control<RoleFormValues>; initialSvg: SentChart; wanted: boolean }) {
  const { t } = useTranslation();
  const profile = useWatch({ control, name: "idealProfile" });
  const bands = typedBands(profile);
  const leftOut = TRAIT_KEYS.filter((trait) => !bands.some((band) => band.trait === trait));
  return (
    <>
      <IdealProfileChart bands={bands}>
        <LiveIdealProfileDrawing bands={bands} initial={initialSvg} wanted={wanted} />
      </IdealProfileChart>
      {leftOut.length > 0 && (
        <p className="muted" data-testid="chart-leaves-out">
          {t("roleForm.chartLeavesOut", { traits: leftOut.map((trait) => t(`traits.${trait}`)).join(t("app.listSeparator")) })}
        </p>
      )}
    </>
  );
}

export function RoleForm(props: {
  defaultValues: RoleFormValues;
  /** The server's drawing of the default values' bands (typedBands), shown until the live chart has loaded. */
  profileSvg: SentChart;
  serverErrors: Record<string, string> | undefined;
  submitLabel: string;
  /** The library's other roles: a name one of them has is said before saving (a warning, not a refusal). */
  otherRoles: readonly { slug: string; name: string }[];
  /*
   * What "Suggest a change" adds to the editor (a proposal is made in the
   * same form): fields of its own at the top, the slug kept (its hint says
   * why), its own wording for the errors' summary, and, for an interviewer
   * who may not see the ideal bands yet (blind scoring), a note in their place.
   */
  before?: ReactNode;
  fixedSlugHint?: string;
  errorsAlert?: (count: number) => string;
  bandsHiddenNote?: string;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const navigation = useNavigation();
  const methods = useForm<RoleFormValues>({
    defaultValues: props.defaultValues,
    resolver: roleResolver,
    mode: "onTouched",
    // The submit handler below picks the field to focus, in page order.
    shouldFocusError: false,
  });
  const { register, control, handleSubmit, formState, getFieldState, setValue } = methods;
  const questions = useFieldArray({ control, name: "questions" });
  const transitions = useFieldArray({ control, name: "transitions" });
  const similar = useFieldArray({ control, name: "similarRoles" });
  const archetypes = useFieldArray({ control, name: "archetypes" });
  const hasProfile = useWatch({ control, name: "hasIdealProfile" });
  const [bandsWorkedOn, setBandsWorkedOn] = useState(false);
  // A new role's slug follows its name as typed, until the recruiter types a slug of their own.
  const suggestSlug = props.defaultValues.slug === "" && props.fixedSlugHint === undefined;
  const name = useWatch({ control, name: "name" });
  const namesake = name.trim() === "" ? undefined : props.otherRoles.find((other) => sameRoleName(other.name, name));
  useEffect(() => {
    if (suggestSlug && !getFieldState("slug").isDirty) setValue("slug", slugFromName(name));
  }, [suggestSlug, name, getFieldState, setValue]);

  const errorFor: ErrorFor = (path) => {
    const clientError: unknown = get(formState.errors, path);
    const message = (clientError as HookFieldError | undefined)?.message;
    const error = typeof message === "string" ? message : props.serverErrors?.[path];
    // The format's messages are English for the import report; the form says them in the reader's language.
    const key = error === undefined ? undefined : roleMessageKey(error);
    return key === undefined ? error : t(`roleForm.errors.${key}`);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    void handleSubmit(
      () => submit(formElement, { method: "post" }),
      (errors) => {
        // Take the keyboard to the first field, in page order, that needs a fix. Read from
        // the errors, not the page: a field marked earlier may not be the first any more.
        const first = [...formElement.elements].find(
          (field): field is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
            (field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement) &&
            field.type !== "hidden" &&
            field.name !== "" &&
            typeof (get(errors, field.name) as HookFieldError | undefined)?.message === "string",
        );
        first?.focus();
      },
    )(event);
  };
  const errorCount = Object.keys(props.serverErrors ?? {}).length;

  return (
    <FormDefaults.Provider value={props.defaultValues}>
      <FormProvider {...methods}>
        <Form method="post" noValidate onSubmit={onSubmit} className="role-form">
          {errorCount > 0 && (
            <p className="alert" role="alert">
              {props.errorsAlert ? props.errorsAlert(errorCount) : t("roleForm.hasErrors", { count: errorCount })}
            </p>
          )}
          {props.before}
          <fieldset className="form-section">
            <legend>{t("roleForm.basics")}</legend>
            <div className="field-row">
              <Input
                name="name"
                label={t("roleForm.name")}
                register={register}
                errorFor={errorFor}
                limit={NAME_MAX}
                warning={
                  namesake && (
                    <>
                      {t("roleForm.sameName")} <Link to={`/roles/${namesake.slug}`}>{namesake.name}</Link> ({namesake.slug})
                    </>
                  )
                }
              />
              <Input
                name="slug"
                label={t("roleForm.slug")}
                hint={props.fixedSlugHint ?? t("roleForm.slugHint")}
                readOnly={props.fixedSlugHint !== undefined}
                register={register}
                errorFor={errorFor}
                limit={SLUG_MAX}
              />
              <Input name="family" label={t("role.family")} register={register} errorFor={errorFor} limit={NAME_MAX} />
              <div className="field">
                <label htmlFor="f-contentLanguage">{t("roleForm.contentLanguage")}</label>
                <select id="f-contentLanguage" defaultValue={props.defaultValues.contentLanguage} {...register("contentLanguage")}>
                  <option value="es">{t("app.language.es")}</option>
                  <option value="en">{t("app.language.en")}</option>
                  <option value="zh">中文</option>
                </select>
                <FieldError id="f-contentLanguage-error" error={errorFor("contentLanguage")} />
              </div>
            </div>
            <LocalizedInputs name="summary" label={t("roleForm.summary")} register={register} errorFor={errorFor} multiline />
          </fieldset>

          {props.bandsHiddenNote !== undefined ? (
            <fieldset className="form-section">
              <legend>{t("role.idealProfile")}</legend>
              <p className="note">{props.bandsHiddenNote}</p>
            </fieldset>
          ) : (
            <fieldset className="form-section">
              <legend>{t("role.idealProfile")}</legend>
              <div className="checkbox">
                <input
                  id="f-hasIdealProfile"
                  type="checkbox"
                  defaultChecked={props.defaultValues.hasIdealProfile}
                  {...register("hasIdealProfile")}
                />
                <label htmlFor="f-hasIdealProfile">{t("roleForm.hasIdealProfile")}</label>
              </div>
              <p className="field-hint">{t("roleForm.bandHint")}</p>
              {/* A focus in the bands (a click or a tab into a field) loads the live chart: see LiveIdealProfileDrawing. */}
              <div className={hasProfile ? undefined : "muted-section"} onFocus={() => setBandsWorkedOn(true)}>
                <LiveProfileChart control={control} initialSvg={props.profileSvg} wanted={bandsWorkedOn} />
                <div className="table-scroll">
                  <table className="band-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("role.columns.trait")}</th>
                        <th scope="col">{t("role.columns.low")}</th>
                        <th scope="col">{t("role.columns.high")}</th>
                        <th scope="col">{t("role.columns.weight")}</th>
                        <th scope="col">{t("role.columns.statement")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {TRAIT_KEYS.map((trait) => {
                        const traitName = t(`traits.${trait}`);
                        // A crafted post can send a weight the select does not offer.
                        const weightError = errorFor(`idealProfile.${trait}.weight`);
                        const cell = (part: "low" | "high") => {
                          const name = `idealProfile.${trait}.${part}` as const;
                          const error = errorFor(name);
                          return (
                            <td>
                              <label className="visually-hidden" htmlFor={`f-${name}`}>
                                {traitName}: {t(`role.columns.${part}`)}
                              </label>
                              <input
                                id={`f-${name}`}
                                type="number"
                                min={0}
                                max={100}
                                inputMode="numeric"
                                className="band-input"
                                defaultValue={props.defaultValues.idealProfile[trait][part]}
                                aria-invalid={error ? true : undefined}
                                aria-describedby={error ? `f-${name}-error` : undefined}
                                {...register(name)}
                              />
                              <FieldError id={`f-${name}-error`} error={error} />
                            </td>
                          );
                        };
                        return (
                          <tr key={trait}>
                            <th scope="row">{traitName}</th>
                            {cell("low")}
                            {cell("high")}
                            <td>
                              <label className="visually-hidden" htmlFor={`f-idealProfile.${trait}.weight`}>
                                {traitName}: {t("role.columns.weight")}
                              </label>
                              <select
                                id={`f-idealProfile.${trait}.weight`}
                                defaultValue={props.defaultValues.idealProfile[trait].weight}
                                aria-invalid={weightError ? true : undefined}
                                aria-describedby={weightError ? `f-idealProfile.${trait}.weight-error` : undefined}
                                {...register(`idealProfile.${trait}.weight`)}
                              >
                                <option value="1">1</option>
                                <option value="2">2</option>
                                <option value="3">3</option>
                              </select>
                              <FieldError id={`f-idealProfile.${trait}.weight-error`} error={weightError} />
                              <input
                                type="hidden"
                                defaultValue={props.defaultValues.idealProfile[trait].bandSource}
                                {...register(`idealProfile.${trait}.bandSource`)}
                              />
                            </td>
                            <td>
                              <LocalizedInputs
                                name={`idealProfile.${trait}.statement`}
                                label={t("role.columns.statement")}
                                register={register}
                                errorFor={errorFor}
                              />
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </div>
            </fieldset>
          )}

          <TextList
            name="strengths"
            title={t("role.strengths")}
            itemLabel={(n) => t("roleForm.strength", { number: n })}
            control={control}
            register={register}
            errorFor={errorFor}
          />
          <TextList
            name="redFlags"
            title={t("role.redFlags")}
            itemLabel={(n) => t("roleForm.redFlag", { number: n })}
            control={control}
            register={register}
            errorFor={errorFor}
          />

          <fieldset className="form-section">
            <legend>{t("role.questions")}</legend>
            <p className="field-hint">{t("roleForm.questionsHint")}</p>
            {questions.fields.map((field, index) => (
              <QuestionFields
                key={field.id}
                index={index}
                control={control}
                register={register}
                errorFor={errorFor}
                onRemove={() => questions.remove(index)}
              />
            ))}
            <button type="button" className="button-secondary js-only" onClick={() => questions.append(blankQuestion())}>
              {t("roleForm.addQuestion")}
            </button>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t("role.transitions")}</legend>
            {transitions.fields.map((field, index) => (
              <TransitionFields
                key={field.id}
                index={index}
                control={control}
                register={register}
                errorFor={errorFor}
                onRemove={() => transitions.remove(index)}
              />
            ))}
            <button type="button" className="button-secondary js-only" onClick={() => transitions.append(blankTransition())}>
              {t("roleForm.addTransition")}
            </button>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t("role.similarRoles")}</legend>
            {similar.fields.map((field, index) => (
              <div className="list-row field-row" key={field.id}>
                <Input
                  name={`similarRoles.${index}.name`}
                  label={t("roleForm.similarName", { number: index + 1 })}
                  register={register}
                  errorFor={errorFor}
                  limit={NAME_MAX}
                />
                <Input
                  name={`similarRoles.${index}.slug`}
                  label={t("roleForm.similarSlug", { number: index + 1 })}
                  register={register}
                  errorFor={errorFor}
                  limit={SLUG_MAX}
                />
                <RemoveButton
                  onClick={() => similar.remove(index)}
                  label={`${t("roleForm.remove")}${t("app.colon")}${t("roleForm.similarName", { number: index + 1 })}`}
                />
              </div>
            ))}
            <button type="button" className="button-secondary js-only" onClick={() => similar.append({ slug: "", name: "" })}>
              {t("roleForm.add")}
            </button>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t("role.successCase")}</legend>
            <LocalizedInputs name="successCase.title" label={t("roleForm.successTitle")} register={register} errorFor={errorFor} />
            <LocalizedInputs
              name="successCase.story"
              label={t("roleForm.successStory")}
              register={register}
              errorFor={errorFor}
              multiline
            />
            <fieldset aria-describedby="success-profile-hint">
              <legend>{t("roleForm.successProfile")}</legend>
              <p className="field-hint" id="success-profile-hint">
                {t("roleForm.successProfileHint")}
              </p>
              <div className="field-row">
                {TRAIT_KEYS.map((trait) => (
                  <Input
                    key={trait}
                    name={`successCase.profile.${trait}`}
                    label={t(`traits.${trait}`)}
                    type="number"
                    min={0}
                    max={100}
                    register={register}
                    errorFor={errorFor}
                  />
                ))}
              </div>
            </fieldset>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t("role.archetypes")}</legend>
            {archetypes.fields.map((field, index) => (
              <div className="list-row-block" key={field.id}>
                <LocalizedInputs
                  name={`archetypes.${index}.name`}
                  label={t("roleForm.archetypeName", { number: index + 1 })}
                  register={register}
                  errorFor={errorFor}
                />
                <LocalizedInputs
                  name={`archetypes.${index}.description`}
                  label={t("roleForm.archetypeDescription", { number: index + 1 })}
                  register={register}
                  errorFor={errorFor}
                  multiline
                />
                <RemoveButton
                  onClick={() => archetypes.remove(index)}
                  label={`${t("roleForm.remove")}${t("app.colon")}${t("roleForm.archetypeName", { number: index + 1 })}`}
                />
              </div>
            ))}
            <button
              type="button"
              className="button-secondary js-only"
              onClick={() => archetypes.append({ name: blankField(), description: blankField() })}
            >
              {t("roleForm.add")}
            </button>
          </fieldset>

          <div className="form-actions">
            <button type="submit" disabled={navigation.state === "submitting"}>
              {props.submitLabel}
            </button>
          </div>
        </Form>
      </FormProvider>
    </FormDefaults.Provider>
  );
}
