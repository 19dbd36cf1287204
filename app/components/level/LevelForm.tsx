import { Form, useLocation, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { Level } from "~/domain/levels";
import { useTranslation } from "~/utils/use-translation";
import { ExpectationText } from "./ExpectationText";
import type { SkillGroup, SkillQuestion } from "./level-view";

/** The value of "not yet" in the address (`?met.<skill>=none`; an absent answer reads the same). */
export const NOT_YET = "none";

/** The levels joined as the reader's language lists them ("Senior and Lead", "高级和主管"). */
export function useLevelList(): (levels: readonly Level[]) => string {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { type: "conjunction" });
  return (levels) => list.format(levels.map((level) => t(`levels.${level}`)));
}

/** The choice above an answer: what the skill asks next. */
function nextChoice(skill: SkillQuestion, answer: Level | null): Level | undefined {
  return answer === null ? skill.choices[0] : skill.choices[skill.choices.indexOf(answer) + 1];
}

function SkillField({
  skill,
  answer,
  onChange,
}: {
  skill: SkillQuestion;
  answer: Level | null;
  onChange: (select: HTMLSelectElement) => void;
}) {
  const { t } = useTranslation();
  const levelList = useLevelList();
  const id = `met-${skill.slug}`;
  const next = nextChoice(skill, answer);
  const nextExpectation = next && skill.expectations[next];
  return (
    <div className="level-skill" data-skill={skill.slug}>
      <label htmlFor={id}>
        {skill.name}
        {skill.mandatoryAt.length > 0 && (
          <>
            {" "}
            <span className="badge badge-mandatory">{t("level.mandatoryAt", { levels: levelList(skill.mandatoryAt) })}</span>
          </>
        )}
      </label>
      <select
        id={id}
        name={`met.${skill.slug}`}
        value={answer ?? NOT_YET}
        onChange={(event) => onChange(event.currentTarget)}
        aria-invalid={skill.invalid ? true : undefined}
        aria-describedby={[`${id}-next`, skill.invalid ? `${id}-error` : null].filter(Boolean).join(" ")}
      >
        <option value={NOT_YET}>{t("level.notYet")}</option>
        {skill.choices.map((level) => (
          <option key={level} value={level}>
            {t(`levels.${level}`)}
          </option>
        ))}
      </select>
      <p id={`${id}-next`} className="field-hint level-next">
        {next && nextExpectation ? (
          <>
            {t("level.next", { level: t(`levels.${next}`) })}
            <ExpectationText expectation={nextExpectation} level={next} />
          </>
        ) : (
          t("level.topReached")
        )}
      </p>
      {skill.invalid && (
        // Not forms.tsx's FieldError: that module brings react-hook-form, which this page has no use for.
        <p id={`${id}-error`} className="field-error">
          {t("level.badValue")}
        </p>
      )}
      <details className="level-asks">
        <summary>{t("level.whatEachLevelAsks", { skill: skill.name })}</summary>
        <dl>
          {skill.choices.map((level) => {
            const expectation = skill.expectations[level];
            return (
              <div key={level}>
                <dt>
                  {t(`levels.${level}`)}
                  {skill.mandatoryAt.includes(level) && <> ({t("level.mandatory")})</>}
                </dt>
                <dd>{expectation && <ExpectationText expectation={expectation} level={level} />}</dd>
              </div>
            );
          })}
        </dl>
      </details>
    </div>
  );
}

/**
 * The calculator's questions, one select per skill in fieldsets by group. A
 * plain GET form: the answers go into the address, which is the page's only
 * memory. With JavaScript each change estimates again, replacing the address.
 */
export function LevelForm({ groups }: { groups: SkillGroup[] }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const { search } = useLocation();
  const fromAddress = () => Object.fromEntries(groups.flatMap((g) => g.skills.map((s) => [s.slug, s.answer])));
  const [answers, setAnswers] = useState<Record<string, Level | null>>(fromAddress);
  // Back, forward or a shared link: the address's answers replace what was chosen here.
  useEffect(() => setAnswers(fromAddress()), [search]);
  return (
    <Form method="get" className="level-form" preventScrollReset>
      {groups.map((group) => (
        <fieldset key={group.name}>
          <legend>{group.name}</legend>
          {group.skills.map((skill) => (
            <SkillField
              key={skill.slug}
              skill={skill}
              answer={answers[skill.slug] ?? null}
              onChange={(select) => {
                setAnswers((before) => ({ ...before, [skill.slug]: skill.choices.find((level) => level === select.value) ?? null }));
                if (select.form) submit(select.form, { replace: true, preventScrollReset: true });
              }}
            />
          ))}
        </fieldset>
      ))}
      <div className="actions level-submit">
        <button type="submit">{t("level.estimate")}</button>
      </div>
    </Form>
  );
}
