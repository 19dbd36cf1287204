import { useEffect, useRef, useState } from "react";
import { FieldError } from "~/components/forms";
import type { InterviewTimeField } from "~/schemas/interview-time";
import { knownTimeZones } from "~/domain/time-zones";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/loop";

/** The zone a new interview time is in unless changed: the browser's, once known; UTC without JavaScript. */
const ZONE_WITHOUT_SCRIPT = "UTC";

/**
 * An interview's date-time, its time zone and the scorecard's due time (empty:
 * `dueHours` after the interview), as fields of the form around it
 * (interviewTimeSchema reads them). All empty: no interview time yet.
 */
export function InterviewTimeFields(props: {
  idPrefix: string;
  values: Partial<Record<InterviewTimeField, string>>;
  errors: Partial<Record<InterviewTimeField, string>>;
  dueHours: number;
  legend: string;
  /** Inside a fold whose summary says the same: the legend is for screen readers only. */
  legendHidden?: boolean;
}) {
  const { t } = useTranslation();
  const zone = useRef<HTMLInputElement>(null);
  // The 400-odd zone names are suggested once the field is used: a page of several forms would carry them each.
  const [suggesting, setSuggesting] = useState(false);
  const zoneListId = `${props.idPrefix}-zone-names`;
  const id = (field: InterviewTimeField) => `${props.idPrefix}-${field}`;
  const described = (field: InterviewTimeField, hint?: string) =>
    [hint, props.errors[field] ? `${id(field)}-error` : null].filter(Boolean).join(" ") || undefined;
  // The server cannot know the reader's zone: once the page runs, an untouched default becomes the browser's.
  useEffect(() => {
    const input = zone.current;
    if (input && !props.values.interviewTimeZone && input.value === ZONE_WITHOUT_SCRIPT) {
      input.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
    }
  }, [props.values.interviewTimeZone]);
  return (
    <fieldset className="interview-time">
      <legend className={props.legendHidden ? "visually-hidden" : undefined}>{props.legend}</legend>
      <div className="field">
        <label htmlFor={id("interviewAt")}>{t("loop.interviewTime.at")}</label>
        <input
          id={id("interviewAt")}
          type="datetime-local"
          name="interviewAt"
          defaultValue={props.values.interviewAt ?? ""}
          aria-invalid={props.errors.interviewAt ? true : undefined}
          aria-describedby={described("interviewAt")}
        />
        <FieldError id={`${id("interviewAt")}-error`} error={props.errors.interviewAt} />
      </div>
      <div className="field">
        <label htmlFor={id("interviewTimeZone")}>{t("loop.interviewTime.zone")}</label>
        <input
          ref={zone}
          id={id("interviewTimeZone")}
          name="interviewTimeZone"
          list={suggesting ? zoneListId : undefined}
          onFocus={() => setSuggesting(true)}
          autoComplete="off"
          spellCheck={false}
          defaultValue={props.values.interviewTimeZone || ZONE_WITHOUT_SCRIPT}
          aria-invalid={props.errors.interviewTimeZone ? true : undefined}
          aria-describedby={described("interviewTimeZone", `${id("interviewTimeZone")}-hint`)}
        />
        <p id={`${id("interviewTimeZone")}-hint`} className="field-hint">
          {t("loop.interviewTime.zoneHint")}
        </p>
        <FieldError id={`${id("interviewTimeZone")}-error`} error={props.errors.interviewTimeZone} />
        {suggesting && (
          <datalist id={zoneListId}>
            {knownTimeZones().map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        )}
      </div>
      <div className="field">
        <label htmlFor={id("scorecardDueAt")}>{t("loop.interviewTime.due")}</label>
        <input
          id={id("scorecardDueAt")}
          type="datetime-local"
          name="scorecardDueAt"
          defaultValue={props.values.scorecardDueAt ?? ""}
          aria-invalid={props.errors.scorecardDueAt ? true : undefined}
          aria-describedby={described("scorecardDueAt", `${id("scorecardDueAt")}-hint`)}
        />
        <p id={`${id("scorecardDueAt")}-hint`} className="field-hint">
          {t("loop.interviewTime.dueHint", { count: props.dueHours })}
        </p>
        <FieldError id={`${id("scorecardDueAt")}-error`} error={props.errors.scorecardDueAt} />
      </div>
    </fieldset>
  );
}
