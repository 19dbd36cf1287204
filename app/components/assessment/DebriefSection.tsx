import { Form } from "@remix-run/react";
import { ShownText } from "~/components/ShownText";
import { FieldError } from "~/components/forms";
import { TableScroll } from "~/components/TableScroll";
import type { PanelEvidenceProps } from "~/components/PanelEvidence";
import type { DebriefState } from "~/domain/debrief";
import { traitsFlaggedForCalibration } from "~/domain/panel";
import type { PanelTrait } from "~/domain/panel";
import { RATINGS } from "~/domain/scoring";
import type { TraitKey } from "~/domain/traits";
import { AGREED_REASON_MAX } from "~/schemas/debrief";
import { useFormatDate } from "~/utils/dates";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/assessments";
import "~/locales/loop";

export type DebriefView = {
  state: DebriefState;
  readings: { trait: TraitKey; reading: number; reason: string; recordedByName: string; recordedAt: string }[];
};

/** A refused agreed reading: the trait's form shows its errors and what was typed. */
export type DebriefRefusal = { trait: string; errors: Record<string, string>; reading: string; reason: string };

/**
 * The debrief, once the panel is complete: each trait flagged to calibrate
 * with every interviewer's ratings and notes side by side, the reading the
 * panel agreed on and why (the recruiter records it while the debrief is
 * open; the scorecards stay as submitted), and the way to close it: the
 * decision. Interviewers read it after their own submission.
 */
export function DebriefSection(props: {
  debrief: DebriefView;
  traits: Record<TraitKey, PanelTrait>;
  questions: PanelEvidenceProps["questions"];
  interviewers: readonly { id: string; name: string }[];
  ratingRows: PanelEvidenceProps["ratingRows"];
  notes: PanelEvidenceProps["notes"];
  canRecord: boolean;
  refused: DebriefRefusal | null;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { state } = props.debrief;
  if (state === "not_ready") return null;
  const flagged = traitsFlaggedForCalibration(props.traits);
  const readingOf = new Map(props.debrief.readings.map((r) => [r.trait, r]));
  // A reading recorded while a trait was flagged stays shown even if a resubmission unflagged it.
  const shown = [...new Set([...flagged, ...props.debrief.readings.map((r) => r.trait)])];
  return (
    <section aria-labelledby="debrief" data-testid="debrief">
      <h2 id="debrief">{t("loop.debrief.title")}</h2>
      <p className="muted">{t(state === "open" ? "loop.debrief.openIntro" : "loop.debrief.closedIntro")}</p>
      {shown.length === 0 && <p>{t("loop.debrief.nothingToCalibrate")}</p>}
      {shown.map((trait) => {
        const reading = readingOf.get(trait);
        const questions = props.questions.filter((q) => q.traits.includes(trait));
        const refused = props.refused?.trait === trait ? props.refused : null;
        const idPrefix = `debrief-${trait}`;
        return (
          <section key={trait} aria-labelledby={`${idPrefix}-title`} className="debrief-trait">
            <h3 id={`${idPrefix}-title`}>{t(`traits.${trait}`)}</h3>
            <TableScroll label={t("loop.debrief.sideBySide", { trait: t(`traits.${trait}`) })}>
              <table>
                <caption className="visually-hidden">{t("loop.debrief.sideBySide", { trait: t(`traits.${trait}`) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("assessments.question")}</th>
                    {props.interviewers.map((i) => (
                      <th scope="col" key={i.id}>
                        {i.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {questions.map((q) => (
                    <tr key={q.id}>
                      <th scope="row">
                        {t("assessments.evidence.question", { number: q.number })}{" "}
                        <span className="muted">
                          <ShownText value={q.text} />
                        </span>
                      </th>
                      {props.interviewers.map((i) => {
                        const rating = props.ratingRows.find((r) => r.questionId === q.id && r.trait === trait && r.interviewerId === i.id);
                        const note = props.notes.find((n) => n.questionId === q.id && n.interviewerId === i.id);
                        return (
                          <td key={i.id}>
                            <strong>{rating ? rating.rating : t("loop.debrief.notRated")}</strong>
                            {note && <p className="debrief-note">{note.text}</p>}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {reading && (
              <p data-testid={`agreed-${trait}`}>
                {t("loop.debrief.agreed", {
                  reading: reading.reading,
                  name: reading.recordedByName,
                  at: formatDate(reading.recordedAt, "dateTime"),
                })}
                <br />
                <span className="muted">{reading.reason}</span>
              </p>
            )}
            {props.canRecord && state === "open" && (
              <Form method="post" className="form-stack debrief-form" noValidate>
                <input type="hidden" name="trait" value={trait} />
                <div className="field">
                  <label htmlFor={`${idPrefix}-reading`}>{t("loop.debrief.reading", { trait: t(`traits.${trait}`) })}</label>
                  <select
                    id={`${idPrefix}-reading`}
                    name="reading"
                    defaultValue={refused?.reading ?? (reading ? String(reading.reading) : "")}
                    aria-invalid={refused?.errors.reading ? true : undefined}
                    aria-describedby={refused?.errors.reading ? `${idPrefix}-reading-error` : undefined}
                  >
                    <option value="">{t("loop.debrief.chooseReading")}</option>
                    {RATINGS.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${idPrefix}-reading-error`} error={refused?.errors.reading} />
                </div>
                <div className="field">
                  <label htmlFor={`${idPrefix}-reason`}>{t("loop.debrief.reason")}</label>
                  <textarea
                    id={`${idPrefix}-reason`}
                    name="reason"
                    rows={3}
                    maxLength={AGREED_REASON_MAX}
                    defaultValue={refused?.reason ?? reading?.reason ?? ""}
                    aria-invalid={refused?.errors.reason ? true : undefined}
                    aria-describedby={refused?.errors.reason ? `${idPrefix}-reason-error` : undefined}
                  />
                  <FieldError id={`${idPrefix}-reason-error`} error={refused?.errors.reason} />
                </div>
                <div>
                  <button type="submit" name="intent" value="agree" className="button-secondary">
                    {t("loop.debrief.record", { trait: t(`traits.${trait}`) })}
                  </button>
                </div>
              </Form>
            )}
          </section>
        );
      })}
      {props.canRecord && state === "open" && (
        <p>
          <a href="#decision">{t("loop.debrief.closeByDeciding")}</a>
        </p>
      )}
    </section>
  );
}
