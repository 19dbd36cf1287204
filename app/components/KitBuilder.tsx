import { contentLanguageOf } from "~/domain/languages";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type DragEvent, type MouseEvent, type ReactNode } from "react";
import { get, useFieldArray, useWatch, type FieldArrayWithId, type UseFormRegister } from "react-hook-form";
import { useTranslation, type I18n } from "~/utils/use-translation";
import { useZodForm } from "~/components/forms";
import { AnchorList, ExpectationsTable, TraitNames, type KitAnchorView, type KitExpectationView } from "~/components/KitContent";
import { ShownText } from "~/components/ShownText";
import { LEVELS, type Level } from "~/domain/levels";
import type { ShownText as ShownTextValue } from "~/domain/shown-text";
import { TRAIT_KEYS, type TraitKey } from "~/domain/traits";
import type enKits from "~/locales/en-kits";
import { ANCHOR_FIELD_KEYS } from "~/schemas/anchor-fields";
import {
  anchorValue,
  emptyCustomQuestion,
  kitFormSchema,
  moveButtonId,
  questionLanguage,
  type KitDraft,
  type KitFieldErrors,
  type KitFormValues,
  type KitTextLang,
} from "~/schemas/kit";
import { useHydrated } from "~/utils/use-hydrated";
import "~/locales/kits";

/*
 * The kit builder: one form, posted as a whole. Without JavaScript every
 * button posts it (Move up/down, Add, Remove re-render it with the change and
 * save nothing; Save saves). With JavaScript the same buttons act in place
 * through react-hook-form's field array, keyboard focus stays on the button
 * that was used, and questions can also be dragged.
 */

function isKitValidationKey(i18n: I18n, key: string): key is keyof typeof enKits.validation {
  return i18n.exists(`kits.validation.${key}`);
}

/** An error next to its field; `kits.validation.*` messages are translated, others shown as they are. */
export function KitFieldError({ id, error }: { id: string; error: string | undefined }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const key = error.startsWith("kits.validation.") ? error.slice("kits.validation.".length) : undefined;
  return (
    <p id={id} className="field-error">
      {key !== undefined && isKitValidationKey(i18n, key) ? t(`kits.validation.${key}`) : error}
    </p>
  );
}

/** The control an error path belongs to, so that a form that comes back with errors starts at the first one. */
function controlIdFor(path: string): string | null {
  if (path === "name") return "kit-name";
  if (path === "level") return "kit-level";
  if (path === "questions") return "add-question";
  const text = /^questions\.(\d+)\.text\.\w+$/.exec(path);
  if (text) return `question-${text[1]}-text`;
  const traits = /^questions\.(\d+)\.traits$/.exec(path);
  if (traits) return `question-${traits[1]}-trait-${TRAIT_KEYS[0]}`;
  const anchor = /^questions\.(\d+)\.anchors\.(\w+)\.(\d)\.\w+$/.exec(path);
  if (anchor) return `question-${anchor[1]}-anchor-${anchor[2]}-${anchor[3]}`;
  const roleQuestion = /^questions\.(\d+)\.(include|source)$/.exec(path);
  if (roleQuestion) return `question-${roleQuestion[1]}-include`;
  const pick = /^(strengths|redFlags)\.(\d+)$/.exec(path);
  if (pick) return `${pick[1]}-${pick[2]}`;
  return null;
}

/** What the builder offers from a role, texts in the reader's language where the data has them. */
export type KitBuilderSource = {
  role: { slug: string; name: string; hasIdealProfile: boolean };
  questions: { id: number; text: ShownTextValue; traits: TraitKey[]; anchors: KitAnchorView[] }[];
  strengths: { position: number; text: ShownTextValue }[];
  redFlags: { position: number; text: ShownTextValue }[];
  /** By level; each list mandatory first. */
  expectations: Record<Level, KitExpectationView[]>;
};

type KitBuilderProps = {
  source: KitBuilderSource;
  values: KitFormValues;
  /** Errors from the server, by field name. */
  errors: KitFieldErrors;
  /** The id of the control to focus after a post without JavaScript (the moved question's button). */
  focus: string | null;
  /** Where the form posts (the page's own URL). */
  action: string;
  cancelTo: string;
  notice?: ReactNode;
};

type QuestionField = FieldArrayWithId<KitFormValues, "questions", "id">;

export function KitBuilder({ source, values, errors, focus: focusAfterPost, action, cancelTo, notice }: KitBuilderProps) {
  const { t, i18n } = useTranslation();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const uiLang: KitTextLang = contentLanguageOf(i18n.language);
  const { form, onSubmit } = useZodForm<KitFormValues, KitDraft>(kitFormSchema, { defaultValues: values, serverErrors: errors });
  const { register, control } = form;
  const { fields, move, append, remove } = useFieldArray({ control, name: "questions" });
  const watchedLevel = useWatch({ control, name: "level" }) ?? values.level;
  // Until a valid level is chosen, the expectations shown are the last valid one's.
  const level: Level = LEVELS.find((l) => l === watchedLevel) ?? LEVELS.find((l) => l === values.level) ?? "senior";
  const [announcement, setAnnouncement] = useState("");
  const focusAfterRender = useRef<string | null>(null);
  const dragFrom = useRef<number | null>(null);

  // A moved item's DOM node is re-inserted, which drops focus: put it back on the same button.
  useEffect(() => {
    const id = focusAfterRender.current;
    if (id === null) return;
    focusAfterRender.current = null;
    document.getElementById(id)?.focus();
  }, [fields]);

  const errorFor = (name: string): string | undefined => {
    const clientError: unknown = get(form.formState.errors, name);
    if (clientError && typeof clientError === "object") {
      if ("message" in clientError && typeof clientError.message === "string") return clientError.message;
      // An error of the question list as a whole sits at `questions.root` in react-hook-form.
      if ("root" in clientError && clientError.root && typeof clientError.root === "object" && "message" in clientError.root) {
        const rootMessage = clientError.root.message;
        if (typeof rootMessage === "string") return rootMessage;
      }
    }
    return errors[name];
  };

  const moveTo = (from: number, to: number, direction: "up" | "down" | null) => {
    if (to < 0 || to >= fields.length || from === to) return;
    move(from, to);
    if (direction) focusAfterRender.current = moveButtonId(to, direction, fields.length);
    setAnnouncement(t("kits.builder.moved", { position: to + 1, count: fields.length }));
  };

  const onMove = (index: number, direction: "up" | "down") => (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    moveTo(index, direction === "up" ? index - 1 : index + 1, direction);
  };

  const onAdd = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    focusAfterRender.current = `question-${fields.length}-text`;
    append(emptyCustomQuestion(uiLang), { shouldFocus: false });
  };

  const onRemove = (index: number) => (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    focusAfterRender.current = "add-question";
    remove(index);
  };

  const onDrop = (index: number) => (event: DragEvent<HTMLLIElement>) => {
    event.preventDefault();
    const from = dragFrom.current;
    dragFrom.current = null;
    if (from !== null) moveTo(from, index, null);
  };

  const roleQuestion = (field: QuestionField) => {
    const match = /^role:(\d+)$/.exec(field.source);
    return match ? source.questions.find((q) => q.id === Number(match[1])) : undefined;
  };

  const serverErrorCount = Object.keys(errors).length;
  const firstError = Object.keys(errors)[0];
  // autofocus works without JavaScript too: the moved button, or the first field in error.
  const focus = focusAfterPost ?? (firstError ? controlIdFor(firstError) : null);
  const expectations = source.expectations[level];
  const questionsError = errorFor("questions");

  return (
    <Form
      method="post"
      action={action}
      noValidate
      onSubmit={onSubmit}
      className="kit-builder"
      aria-describedby={serverErrorCount > 0 ? "kit-not-saved" : undefined}
    >
      {/* The form's default button: Enter in a text field saves, instead of pressing the first Move button. */}
      <button type="submit" name="intent" value="save" className="kit-default-button" hidden tabIndex={-1}>
        {t("kits.builder.save")}
      </button>
      {serverErrorCount > 0 && (
        <p id="kit-not-saved" className="alert" role="alert">
          {t("kits.builder.notSaved")}
        </p>
      )}
      {notice}

      <div className="kit-basics">
        <div className="field">
          <label htmlFor="kit-name">{t("kits.builder.name")}</label>
          <input
            id="kit-name"
            type="text"
            autoFocus={focus === "kit-name"}
            defaultValue={values.name}
            autoComplete="off"
            aria-invalid={errorFor("name") ? true : undefined}
            aria-describedby={errorFor("name") ? "kit-name-error" : undefined}
            {...register("name")}
          />
          <KitFieldError id="kit-name-error" error={errorFor("name")} />
        </div>
        <div className="field">
          <span className="field-label">{t("kits.builder.role")}</span>
          <span className="kit-role">
            <Link to={`/roles/${source.role.slug}`}>{source.role.name}</Link>
          </span>
        </div>
        <div className="field">
          <label htmlFor="kit-level">{t("kits.builder.level")}</label>
          <select
            id="kit-level"
            defaultValue={values.level}
            autoFocus={focus === "kit-level"}
            aria-invalid={errorFor("level") ? true : undefined}
            aria-describedby={["kit-level-hint", errorFor("level") ? "kit-level-error" : ""].filter(Boolean).join(" ")}
            {...register("level")}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l}`)}
              </option>
            ))}
          </select>
          <p id="kit-level-hint" className="field-hint">
            {t("kits.builder.levelHint")}
          </p>
          <KitFieldError id="kit-level-error" error={errorFor("level")} />
        </div>
      </div>

      <p className="note">{source.role.hasIdealProfile ? t("kits.builder.idealProfileIncluded") : t("kits.builder.noIdealProfile")}</p>

      <section aria-labelledby="kit-questions-title">
        <h2 id="kit-questions-title">{t("kits.builder.questions")}</h2>
        <p className="muted">{t("kits.builder.questionsIntro")}</p>
        {source.questions.length === 0 && <p className="note">{t("kits.builder.noRoleQuestions")}</p>}
        <KitFieldError id="kit-questions-error" error={questionsError} />
        <p className="visually-hidden" aria-live="polite" data-testid="kit-announcement">
          {announcement}
        </p>
        <ol className="kit-builder-questions" data-testid="kit-builder-questions">
          {fields.map((field, index) => {
            const fromRole = roleQuestion(field);
            const isCustom = field.source === "custom";
            const number = index + 1;
            return (
              <li
                key={field.id}
                className={`kit-slot${isCustom ? " kit-slot-custom" : ""}`}
                data-source={field.source}
                onDragOver={(event) => {
                  if (dragFrom.current !== null) event.preventDefault();
                }}
                onDrop={onDrop(index)}
              >
                <div className="kit-slot-head">
                  {hydrated && (
                    <span
                      className="kit-drag"
                      draggable
                      title={t("kits.builder.dragHandle", { number })}
                      aria-hidden="true"
                      onDragStart={(event) => {
                        dragFrom.current = index;
                        event.dataTransfer.effectAllowed = "move";
                        event.dataTransfer.setData("text/plain", String(index));
                      }}
                      onDragEnd={() => {
                        dragFrom.current = null;
                      }}
                    >
                      ⠿
                    </span>
                  )}
                  <span className="kit-slot-number">{number}.</span>
                  <span className="kit-slot-kind">{isCustom ? t("kits.builder.ownQuestion") : t("kits.builder.fromRole")}</span>
                  <span className="kit-slot-buttons">
                    <button
                      type="submit"
                      name="intent"
                      value={`move:${index}:up`}
                      id={`question-${index}-move-up`}
                      className="button-secondary button-small"
                      disabled={index === 0}
                      autoFocus={focus === `question-${index}-move-up`}
                      onClick={onMove(index, "up")}
                    >
                      <span aria-hidden="true">↑ </span>
                      {t("kits.builder.moveUp")}
                      <span className="visually-hidden"> {t("kits.builder.questionNumber", { number })}</span>
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value={`move:${index}:down`}
                      id={`question-${index}-move-down`}
                      className="button-secondary button-small"
                      disabled={index === fields.length - 1}
                      autoFocus={focus === `question-${index}-move-down`}
                      onClick={onMove(index, "down")}
                    >
                      <span aria-hidden="true">↓ </span>
                      {t("kits.builder.moveDown")}
                      <span className="visually-hidden"> {t("kits.builder.questionNumber", { number })}</span>
                    </button>
                    {isCustom && (
                      <button
                        type="submit"
                        name="intent"
                        value={`remove:${index}`}
                        className="button-secondary button-small"
                        onClick={onRemove(index)}
                      >
                        {t("kits.builder.remove")}
                        <span className="visually-hidden"> {t("kits.builder.questionNumber", { number })}</span>
                      </button>
                    )}
                  </span>
                </div>
                <input type="hidden" defaultValue={field.source} {...register(`questions.${index}.source`)} />
                {isCustom ? (
                  <CustomQuestionFields field={field} index={index} uiLang={uiLang} register={register} errorFor={errorFor} focus={focus} />
                ) : fromRole ? (
                  <div className="kit-role-question">
                    <div className="checkbox">
                      <input
                        type="checkbox"
                        id={`question-${index}-include`}
                        defaultChecked={field.include}
                        autoFocus={focus === `question-${index}-include`}
                        aria-describedby={`question-${index}-evaluates`}
                        {...register(`questions.${index}.include`)}
                      />
                      <label htmlFor={`question-${index}-include`}>
                        <ShownText value={fromRole.text} />
                      </label>
                    </div>
                    <p className="muted" id={`question-${index}-evaluates`}>
                      {t("kits.builder.evaluates")}
                      {t("app.colon")}
                      <TraitNames traits={fromRole.traits} />
                    </p>
                    {fromRole.anchors.length > 0 && (
                      <details>
                        <summary>{t("kits.builder.anchors")}</summary>
                        <AnchorList anchors={fromRole.anchors} />
                      </details>
                    )}
                    <KitFieldError id={`question-${index}-error`} error={errorFor(`questions.${index}.include`)} />
                  </div>
                ) : (
                  <KitFieldError
                    id={`question-${index}-error`}
                    error={errorFor(`questions.${index}.source`) ?? "kits.validation.notInRole"}
                  />
                )}
              </li>
            );
          })}
        </ol>
        <p>
          <button
            type="submit"
            name="intent"
            value="add"
            id="add-question"
            className="button-secondary"
            autoFocus={focus === "add-question"}
            onClick={onAdd}
          >
            {t("kits.builder.addQuestion")}
          </button>
        </p>
      </section>

      <div className="cards">
        <PickList
          title={t("kits.builder.strengths")}
          empty={t("kits.builder.noStrengths")}
          field="strengths"
          items={source.strengths}
          picked={values.strengths}
          register={register}
          errorFor={errorFor}
          focus={focus}
        />
        <PickList
          title={t("kits.builder.redFlags")}
          empty={t("kits.builder.noRedFlags")}
          field="redFlags"
          items={source.redFlags}
          picked={values.redFlags}
          register={register}
          errorFor={errorFor}
          focus={focus}
        />
      </div>

      <section aria-labelledby="kit-expectations-title">
        <h2 id="kit-expectations-title">{t("kits.builder.expectations", { level: t(`levels.${level}`) })}</h2>
        <p className="muted">{t("kits.builder.expectationsIntro")}</p>
        {!hydrated && (
          <p>
            <button type="submit" name="intent" value="refresh" className="button-secondary">
              {t("kits.builder.showLevel")}
            </button>
          </p>
        )}
        {expectations.length === 0 ? (
          <p className="muted">{t("kits.builder.noExpectations")}</p>
        ) : (
          <ExpectationsTable expectations={expectations} caption={t("kits.builder.expectations", { level: t(`levels.${level}`) })} />
        )}
      </section>

      <div className="actions kit-save">
        <button type="submit" name="intent" value="save" disabled={navigation.state === "submitting"}>
          {t("kits.builder.save")}
        </button>
        <Link to={cancelTo}>{t("kits.builder.cancel")}</Link>
      </div>
    </Form>
  );
}

type Register = UseFormRegister<KitFormValues>;

function CustomQuestionFields({
  field,
  index,
  uiLang,
  register,
  errorFor,
  focus,
}: {
  field: QuestionField;
  index: number;
  uiLang: KitTextLang;
  register: Register;
  errorFor: (name: string) => string | undefined;
  focus: string | null;
}) {
  const { t } = useTranslation();
  const lang = questionLanguage(field, uiLang);
  const textId = `question-${index}-text`;
  const textError = errorFor(`questions.${index}.text.${lang}`);
  const traitsError = errorFor(`questions.${index}.traits`);
  return (
    <div className="kit-custom-question">
      <div className="field">
        <label htmlFor={textId}>{t("kits.builder.questionText")}</label>
        <p id={`${textId}-hint`} className="field-hint">
          {t("kits.builder.questionTextHint", { language: t(`app.languageNames.${lang}`) })}
        </p>
        <textarea
          id={textId}
          rows={2}
          lang={lang}
          defaultValue={field.text[lang] ?? ""}
          autoFocus={focus === textId}
          aria-invalid={textError ? true : undefined}
          aria-describedby={[`${textId}-hint`, textError ? `${textId}-error` : ""].filter(Boolean).join(" ")}
          {...register(`questions.${index}.text.${lang}`)}
        />
        <KitFieldError id={`${textId}-error`} error={textError} />
      </div>
      <fieldset className="kit-traits" aria-describedby={traitsError ? `question-${index}-traits-error` : undefined}>
        <legend>{t("kits.builder.traits")}</legend>
        <KitFieldError id={`question-${index}-traits-error`} error={traitsError} />
        {TRAIT_KEYS.map((trait) => {
          const traitId = `question-${index}-trait-${trait}`;
          return (
            <div key={trait} className="kit-trait">
              <div className="checkbox">
                <input
                  type="checkbox"
                  id={traitId}
                  value={trait}
                  defaultChecked={field.traits.includes(trait)}
                  autoFocus={focus === traitId}
                  {...register(`questions.${index}.traits`)}
                />
                <label htmlFor={traitId}>{t(`traits.${trait}`)}</label>
              </div>
              {/* Shown by CSS while the trait is ticked, so that the form needs no JavaScript. */}
              <fieldset className="kit-anchor-inputs">
                <legend>{t("kits.builder.anchorsFor", { trait: t(`traits.${trait}`) })}</legend>
                <p className="field-hint">{t("kits.builder.anchorsHint")}</p>
                {ANCHOR_FIELD_KEYS.map((rating) => {
                  const name = `questions.${index}.anchors.${trait}.${rating}.${lang}` as const;
                  const anchorId = `question-${index}-anchor-${trait}-${rating}`;
                  const error = errorFor(name);
                  return (
                    <div key={rating} className="field">
                      <label htmlFor={anchorId}>{t("kits.builder.anchorRating", { rating })}</label>
                      <input
                        id={anchorId}
                        type="text"
                        lang={lang}
                        defaultValue={anchorValue(field.anchors[trait], rating)?.[lang] ?? ""}
                        autoFocus={focus === anchorId}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${anchorId}-error` : undefined}
                        {...register(name)}
                      />
                      <KitFieldError id={`${anchorId}-error`} error={error} />
                    </div>
                  );
                })}
              </fieldset>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

function PickList({
  title,
  empty,
  field,
  items,
  picked,
  register,
  errorFor,
  focus,
}: {
  title: string;
  empty: string;
  field: "strengths" | "redFlags";
  items: KitBuilderSource["strengths"];
  picked: KitFormValues["strengths"];
  register: Register;
  errorFor: (name: string) => string | undefined;
  focus: string | null;
}) {
  return (
    <fieldset className="card kit-picks">
      <legend>{title}</legend>
      {items.length === 0 && <p className="muted">{empty}</p>}
      {items.map((item, index) => {
        const id = `${field}-${index}`;
        const value = picked[index];
        return (
          <div key={item.position}>
            <div className="checkbox">
              <input
                type="checkbox"
                id={id}
                value={String(item.position)}
                defaultChecked={value !== undefined && value !== false}
                autoFocus={focus === id}
                {...register(`${field}.${index}`)}
              />
              <label htmlFor={id}>
                <ShownText value={item.text} />
              </label>
            </div>
            <KitFieldError id={`${id}-error`} error={errorFor(`${field}.${index}`)} />
          </div>
        );
      })}
    </fieldset>
  );
}
