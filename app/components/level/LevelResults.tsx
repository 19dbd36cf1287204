import { DrawnChart } from "~/components/charts/DrawnChart";
import { LevelMetChart } from "~/components/charts/level-met-chart";
import { useTranslation } from "~/utils/use-translation";
import { ShownText } from "~/components/ShownText";
import { TableScroll } from "~/components/TableScroll";
import type { LevelResults as Results, LevelRow, NextLevelView, SkillGroup } from "./level-view";

function NextLevel({ next }: { next: NextLevelView }) {
  const { t } = useTranslation();
  const level = t(`levels.${next.level}`);
  if (next.expected === 0) return <p>{t("level.nothingExpected", { level })}</p>;
  return (
    <>
      <h3>{t("level.towards", { level })}</h3>
      <ul className="compact">
        <li>
          {next.moreNeeded > 0
            ? t("level.moreNeeded", { count: next.moreNeeded, level, needed: next.needed, expected: next.expected })
            : t("level.enoughMet", { level })}
        </li>
        {next.hasMandatory && <li>{t("level.everyMandatory", { level })}</li>}
      </ul>
      {next.missing.length > 0 && (
        <>
          <h4>{t("level.missingList", { level })}</h4>
          {next.focus && next.missing.some((skill) => skill.expectation?.kind === "matrix") && (
            <p className="level-focus-note">
              {t("level.focusOf", { level })}
              <ShownText value={next.focus} />
            </p>
          )}
          <ol className="level-missing" data-testid="level-missing">
            {next.missing.map((skill) => (
              <li key={skill.slug} data-skill={skill.slug}>
                <strong>{skill.name}</strong>
                {skill.mandatory && (
                  <>
                    {" "}
                    <span className="badge badge-mandatory">{t("level.mandatory")}</span>
                  </>
                )}{" "}
                <span className="muted">
                  ({t("level.yourAnswer", { level: skill.answer ? t(`levels.${skill.answer}`) : t("level.notYet") })})
                </span>
                {skill.expectation?.kind === "profile" && (
                  <p>
                    <ShownText value={skill.expectation.text} />
                  </p>
                )}
                {skill.expectation?.kind === "matrix" && <> · {t("level.code", { code: skill.expectation.code })}</>}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function LevelTable({ rows }: { rows: LevelRow[] }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t("level.metChart")}>
      <table data-testid="level-met-table">
        <caption>{t("level.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("level.columns.level")}</th>
            <th scope="col" className="num">
              {t("level.columns.expected")}
            </th>
            <th scope="col" className="num">
              {t("level.columns.met")}
            </th>
            <th scope="col" className="num">
              {t("level.columns.mandatoryMissed")}
            </th>
            <th scope="col">{t("level.columns.counts")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.level} data-level={row.level}>
              <th scope="row">{t(`levels.${row.level}`)}</th>
              <td className="num">{row.expected}</td>
              <td className="num">{row.met}</td>
              <td className="num">{row.mandatoryMissed}</td>
              <td>{row.counts ? t("level.yes") : t("level.no")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The estimate, what stops the next level, and the met-at-each-level chart with its table. */
export function LevelResults({ results }: { results: Results }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="level-estimate" className="level-estimate" data-testid="level-estimate">
        <h2 id="level-estimate">{t("level.yourLevel")}</h2>
        <p className="level-estimate-value">
          {t("level.levelIs", { level: results.estimate ? t(`levels.${results.estimate}`) : t("level.belowJunior") })}
        </p>
        <p className="muted">{t("level.answered", { count: results.answered, total: results.total })}</p>
      </section>
      <section aria-labelledby="level-recommendations" data-testid="level-recommendations">
        <h2 id="level-recommendations">{t("level.recommendations")}</h2>
        {results.next ? <NextLevel next={results.next} /> : <p>{t("level.noNextLevel")}</p>}
      </section>
      <section aria-labelledby="level-met" className="level-met">
        <h2 id="level-met">{t("level.metChart")}</h2>
        <LevelMetChart>
          <DrawnChart svg={results.chart} />
        </LevelMetChart>
        <LevelTable rows={results.rows} />
      </section>
    </>
  );
}

/** The answers as text, for the printout (the form's selects are left off paper). */
export function AnswersPrintout({ groups }: { groups: SkillGroup[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="level-answers" className="level-print-only">
      <h2 id="level-answers">{t("level.answersHeading")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("level.columns.skill")}</th>
            <th scope="col">{t("level.columns.level")}</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.name}>
            <tr>
              <th scope="colgroup" colSpan={2}>
                {group.name}
              </th>
            </tr>
            {group.skills.map((skill) => (
              <tr key={skill.slug}>
                <th scope="row">{skill.name}</th>
                <td>{skill.answer ? t(`levels.${skill.answer}`) : t("level.notYet")}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}
