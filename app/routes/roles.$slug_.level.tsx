import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireUser } from "~/http/auth.server";
import { getLevelCalculator, type LevelCalculator } from "~/models/level-calculator.server";
import { estimateLevel, levelStanding, nextLevel, QUALIFYING_SHARE } from "~/domain/level-estimate";
import { LEVELS, type Level } from "~/domain/levels";
import { sendChart } from "~/components/charts/chart-svg.server";
import { levelMetSvg } from "~/components/charts/level-met-drawing.server";
import { ShownText } from "~/components/ShownText";
import type { ShownText as ShownTextValue } from "~/domain/shown-text";
import { LevelForm, NOT_YET } from "~/components/level/LevelForm";
import { AnswersPrintout, LevelResults } from "~/components/level/LevelResults";
import type { LevelResults as Results, SkillGroup, SkillQuestion } from "~/components/level/level-view";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useHydrated } from "~/utils/use-hydrated";
import { useTranslation } from "~/utils/use-translation";
import levelStyles from "~/styles/level.css?url";
import "~/locales/level";
import "~/locales/roles";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: levelStyles }];

/** An answer in the address: a level, or "none" for not yet. */
const answerParam = z.enum([...LEVELS, NOT_YET]);

/** The address's name of a skill's answer: `?met.<skill-slug>=<level>`. */
const answerName = (slug: string) => `met.${slug}`;

/**
 * The skills with the answers the address holds. An answer that is not one
 * of its skill's choices marks the skill invalid; a `met.` name of no skill
 * of the matrix names no field and is ignored.
 */
function readAnswers(calculator: LevelCalculator, params: URLSearchParams): SkillGroup[] {
  return calculator.groups.map((group) => ({
    name: group.name,
    skills: group.skills.map((skill): SkillQuestion => {
      const choices = LEVELS.filter((level) => skill.expectations[level] !== undefined);
      const raw = params.get(answerName(skill.slug));
      const parsed = raw === null ? NOT_YET : answerParam.safeParse(raw).data;
      const answer = parsed === undefined || parsed === NOT_YET ? null : parsed;
      const invalid = parsed === undefined || (answer !== null && !choices.includes(answer));
      return {
        slug: skill.slug,
        name: skill.name,
        choices,
        mandatoryAt: skill.mandatoryAt,
        expectations: skill.expectations,
        answer: invalid ? null : answer,
        invalid,
      };
    }),
  }));
}

/** The estimate, the next level's standing and each level's counts, from valid answers. */
function estimate(calculator: LevelCalculator, groups: SkillGroup[], params: URLSearchParams) {
  const expectedAtBySlug = new Map(calculator.groups.flatMap((g) => g.skills.map((s) => [s.slug, s.expectedAt])));
  const skills = groups.flatMap((g) =>
    g.skills.map((skill) => ({
      ...skill,
      expectedAt: expectedAtBySlug.get(skill.slug) ?? [],
      mandatoryAt: skill.mandatoryAt,
      met: skill.answer,
    })),
  );
  const level = estimateLevel(skills);
  const next = nextLevel(level);
  const standing = next && levelStanding(skills, next);
  const needed = standing ? Math.ceil((standing.expected.length * QUALIFYING_SHARE.met) / QUALIFYING_SHARE.of) : 0;
  const rows = LEVELS.map((l) => {
    const s = levelStanding(skills, l);
    return { level: l, expected: s.expected.length, met: s.met.length, mandatoryMissed: s.mandatoryMissed.length, counts: s.qualifies };
  });
  return {
    estimate: level,
    answered: skills.filter((skill) => params.has(answerName(skill.slug)) && skill.met !== null).length,
    total: skills.length,
    next: standing && {
      level: standing.level,
      expected: standing.expected.length,
      met: standing.met.length,
      needed,
      moreNeeded: Math.max(0, needed - standing.met.length),
      hasMandatory: skills.some((skill) => skill.mandatoryAt.includes(standing.level)),
      focus: calculator.levelFocus[standing.level] ?? null,
      missing: standing.missing.map((skill) => ({
        slug: skill.slug,
        name: skill.name,
        mandatory: skill.mandatoryAt.includes(standing.level),
        answer: skill.answer,
        expectation: skill.expectations[standing.level] ?? null,
      })),
    },
    rows,
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const { language, t } = await getTranslator(request, context);
  const calculator = await getLevelCalculator(context.db, params.slug ?? "", language);
  if (!calculator) throw notFound();
  const search = new URL(request.url).searchParams;
  const groups = readAnswers(calculator, search);
  const page = {
    title: pageTitle(t, calculator.role.name, t("level.breadcrumb")),
    role: calculator.role,
    levelFocus: calculator.levelFocus,
    groups,
  };
  // A bad answer is shown next to its skill and nothing is estimated from the rest.
  if (groups.some((g) => g.skills.some((s) => s.invalid))) return data({ ...page, results: null, badAddress: true }, { status: 400 });
  // The first visit asks; once the form has been sent (any answer in the address, "not yet" included), the page estimates.
  const asked = [...search.keys()].some((name) => name.startsWith("met."));
  if (!asked) return { ...page, results: null, badAddress: false };
  const { rows, ...rest } = estimate(calculator, groups, search);
  const results: Results = { ...rest, rows, chart: sendChart(context, levelMetSvg(rows, language)) };
  return { ...page, results, badAddress: false };
}

function LevelFocus({ focus }: { focus: Partial<Record<Level, ShownTextValue>> }) {
  const { t } = useTranslation();
  const levels = LEVELS.filter((level) => focus[level]);
  if (levels.length === 0) return null;
  return (
    <details className="level-focus">
      <summary>{t("level.levelFocus")}</summary>
      <dl>
        {levels.map((level) => {
          const text = focus[level];
          return (
            <div key={level}>
              <dt>{t(`levels.${level}`)}</dt>
              <dd>{text && <ShownText value={text} />}</dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}

export default function LevelCalculatorPage() {
  const { role, levelFocus, groups, results, badAddress } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const hydrated = useHydrated();
  return (
    <article className="level-page">
      <p className="muted level-breadcrumb">
        <Link to="/roles">{t("roles.title")}</Link> / <Link to={`/roles/${role.slug}`}>{role.name}</Link> / {t("level.breadcrumb")}
      </p>
      <h1>{t("level.title", { role: role.name })}</h1>
      <p className="level-intro">{t("level.intro")}</p>
      <p className="level-rule" data-testid="level-rule">
        {t("level.rule")}
      </p>
      <div className="level-print">
        {hydrated && (
          <button type="button" className="button-secondary" onClick={() => window.print()}>
            {t("level.print")}
          </button>
        )}
        <p className="field-hint">{t("level.printHint")}</p>
      </div>
      {badAddress && (
        <div className="alert" role="alert">
          <p>{t("level.badAddress")}</p>
          <ul className="compact">
            {groups.flatMap((group) =>
              group.skills
                .filter((skill) => skill.invalid)
                .map((skill) => (
                  <li key={skill.slug}>
                    <a href={`#met-${skill.slug}`}>{skill.name}</a>
                  </li>
                )),
            )}
          </ul>
        </div>
      )}
      {results ? (
        <>
          <LevelResults results={results} />
          <AnswersPrintout groups={groups} />
        </>
      ) : (
        !badAddress && <p className="note level-not-answered">{t("level.notAnswered")}</p>
      )}
      <section aria-labelledby="level-questions" className="level-questions">
        <h2 id="level-questions">{t("level.questions")}</h2>
        <p className="muted">{t("level.choicesHint")}</p>
        <LevelFocus focus={levelFocus} />
        <LevelForm groups={groups} />
      </section>
    </article>
  );
}
