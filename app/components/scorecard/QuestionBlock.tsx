import { useTranslation } from "~/utils/use-translation";
import { ShownText } from "~/components/ShownText";
import type { AnchorRating } from "~/domain/anchors";
import { RATINGS, type Rating } from "~/domain/scoring";
import type { ShownText as ShownTextValue } from "~/domain/shown-text";
import type { TraitKey } from "~/domain/traits";
import { NOTES_MAX } from "~/schemas/scorecard";
import { CountedText } from "./CountedText";
import "~/locales/scorecard";

/** A kit question as the interviewer scores it, with the behaviour anchors of its ratings. */
export type ScorecardQuestion = {
  id: number;
  number: number;
  text: ShownTextValue;
  traits: TraitKey[];
  anchors: { trait: TraitKey; rating: AnchorRating; text: ShownTextValue }[];
};

/** The error message of a field by its name, in the reader's language; undefined when it has none. */
export type FieldError = (name: string) => string | undefined;

/** One trait's rating of a question: a choice per point of the scale, each with its anchor when the kit has one, or none. */
function RatingGroup({
  question,
  trait,
  current,
  fieldError,
}: {
  question: ScorecardQuestion;
  trait: TraitKey;
  current: string;
  fieldError: FieldError;
}) {
  const { t } = useTranslation();
  const name = `rating.${question.id}.${trait}`;
  const error = fieldError(name);
  const anchorFor = (rating: Rating) => question.anchors.find((a) => a.trait === trait && a.rating === rating);
  return (
    <fieldset className="rating-group" aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{t("scorecard.ratingFor", { trait: t(`traits.${trait}`) })}</legend>
      {RATINGS.map((rating) => {
        const anchor = anchorFor(rating);
        const id = `${name}-${rating}`;
        return (
          <div className="rating-option" key={rating}>
            <input type="radio" id={id} name={name} value={rating} defaultChecked={current === String(rating)} />
            <label htmlFor={id}>
              <strong>{rating}</strong>
              {anchor && (
                <span className="anchor-text">
                  {" — "}
                  <ShownText value={anchor.text} />
                </span>
              )}
            </label>
          </div>
        );
      })}
      <div className="rating-option">
        <input type="radio" id={`${name}-none`} name={name} value="" defaultChecked={current === ""} />
        <label htmlFor={`${name}-none`}>{t("scorecard.notRated")}</label>
      </div>
      {error && (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A question of the scorecard: its text, a rating per trait it evaluates, and the interviewer's notes. */
export function QuestionBlock({
  question,
  questionCount,
  ratings,
  notes,
  fieldError,
}: {
  question: ScorecardQuestion;
  questionCount: number;
  /** "questionId.trait" → the rating chosen, "" for none. */
  ratings: Record<string, string>;
  notes: string;
  fieldError: FieldError;
}) {
  const { t } = useTranslation();
  const q = question;
  return (
    <section className="question" aria-labelledby={`q-${q.id}`}>
      <h2 id={`q-${q.id}`} className="question-heading">
        {t("scorecard.question", { number: q.number, count: questionCount })}
      </h2>
      <ShownText value={q.text} as="p" />
      <p className="muted">
        {t("scorecard.evaluates")}
        {t("app.colon")}
        {q.traits.map((trait) => t(`traits.${trait}`)).join(t("app.listSeparator"))}
      </p>
      <div className="rating-groups">
        {q.traits.map((trait) => (
          <RatingGroup key={trait} question={q} trait={trait} current={ratings[`${q.id}.${trait}`] ?? ""} fieldError={fieldError} />
        ))}
      </div>
      <div className="field">
        <label htmlFor={`notes-${q.id}`}>{t("scorecard.notes", { number: q.number })}</label>
        <CountedText
          multiline
          id={`notes-${q.id}`}
          name={`notes.${q.id}`}
          max={NOTES_MAX}
          defaultValue={notes}
          error={fieldError(`notes.${q.id}`)}
        />
      </div>
    </section>
  );
}
