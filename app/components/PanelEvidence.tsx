import { ShownText } from "~/components/ShownText";
import { FoldedSection } from "~/components/FoldedSection";
import type { TraitKey } from "~/domain/traits";
import type { ShownText as ShownTextValue } from "~/domain/shown-text";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/assessments";

/*
 * The evidence a debrief is held on: for each question, each submitted
 * interviewer's ratings beside their notes. Only what the panel may see
 * reaches this component (submitted scorecards, after the blind rule).
 */

/** A note longer than this, or of more lines, folds: the page stays readable with many long notes. */
const FOLD_AFTER_CHARACTERS = 600;
const FOLD_AFTER_LINES = 8;
/** The folded note's opening, cut at a word's end near this length. */
const PREVIEW_CHARACTERS = 280;

type Question = { id: number; number: number; text: ShownTextValue; traits: TraitKey[] };

export type PanelEvidenceProps = {
  questions: readonly Question[];
  /** Interviewers who submitted, in the order of the panel's other tables. */
  interviewers: readonly { id: string; name: string }[];
  ratingRows: readonly { questionId: number; trait: TraitKey; interviewerId: string; rating: number }[];
  notes: readonly { questionId: number; interviewerId: string; text: string }[];
};

function preview(text: string): string {
  const lines = text.split("\n").slice(0, FOLD_AFTER_LINES).join("\n");
  if (lines.length <= PREVIEW_CHARACTERS) return lines;
  const cut = lines.slice(0, PREVIEW_CHARACTERS);
  const space = cut.lastIndexOf(" ");
  // A long word is cut where it is: there is no word's end to wait for.
  return space > PREVIEW_CHARACTERS / 2 ? cut.slice(0, space) : cut;
}

function NoteText({ text, id }: { text: string; id: string }) {
  const { t } = useTranslation();
  const folds = text.length > FOLD_AFTER_CHARACTERS || text.split("\n").length > FOLD_AFTER_LINES;
  if (!folds) return <p className="evidence-note">{text}</p>;
  return (
    <div className="evidence-note-fold">
      <p className="evidence-note evidence-note-preview" aria-hidden="true">
        {preview(text)}…
      </p>
      <details className="evidence-note-details" data-testid="note-fold">
        <summary aria-describedby={`${id}-who`}>{t("assessments.evidence.readWhole", { count: text.length })}</summary>
        <p className="evidence-note">{text}</p>
      </details>
    </div>
  );
}

export function PanelEvidence({ questions, interviewers, ratingRows, notes }: PanelEvidenceProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="evidence" className="evidence" data-testid="panel-evidence">
      <h3 id="evidence">{t("assessments.evidence.title")}</h3>
      <p className="muted">{t("assessments.evidence.intro")}</p>
      <FoldedSection
        name="notes"
        summary={t("assessments.fold.evidenceSummary", { count: questions.length })}
        showLabel={t("assessments.fold.showEvidence")}
      >
        {() =>
          questions.map((q) => (
            <section key={q.id} className="evidence-question" aria-labelledby={`evidence-q-${q.id}`} data-question={q.number}>
              <h4 id={`evidence-q-${q.id}`}>{t("assessments.evidence.question", { number: q.number })}</h4>
              <ShownText value={q.text} as="p" />
              <ul className="evidence-list">
                {interviewers.map((interviewer) => {
                  const note = notes.find((n) => n.questionId === q.id && n.interviewerId === interviewer.id);
                  const id = `evidence-${q.id}-${interviewer.id}`;
                  return (
                    <li key={interviewer.id} className="evidence-item" data-testid="evidence-item" data-interviewer={interviewer.name}>
                      <p className="evidence-who" id={`${id}-who`}>
                        <strong>{interviewer.name}</strong>
                        {q.traits.map((trait) => {
                          const rating = ratingRows.find(
                            (r) => r.questionId === q.id && r.trait === trait && r.interviewerId === interviewer.id,
                          )?.rating;
                          return (
                            <span key={trait} className="evidence-rating">
                              {rating === undefined
                                ? t("assessments.evidence.notRated", { trait: t(`traits.${trait}`) })
                                : t("assessments.evidence.rating", { trait: t(`traits.${trait}`), rating })}
                            </span>
                          );
                        })}
                      </p>
                      {note ? (
                        <NoteText text={note.text} id={id} />
                      ) : (
                        <p className="muted evidence-note">{t("assessments.evidence.noNote")}</p>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))
        }
      </FoldedSection>
    </section>
  );
}
