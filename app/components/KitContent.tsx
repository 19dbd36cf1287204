import type { ReactNode } from "react";
import { FoldedSection } from "~/components/FoldedSection";
import { useTranslation } from "~/utils/use-translation";
import { IdealProfileTable, type IdealProfileRow } from "~/components/IdealProfileTable";
import { ShownText, ShownTextList } from "~/components/ShownText";
import type { AnchorRating } from "~/domain/anchors";
import type { Level } from "~/domain/levels";
import type { ShownText as ShownTextValue } from "~/domain/shown-text";
import type { TraitKey } from "~/domain/traits";
import "~/locales/kits";

/*
 * How a kit version reads on its page (the print view has its own layout).
 * Headings take their level from the caller, so the same content sits under a
 * page's h1 or inside a history entry's h3.
 */

type HeadingLevel = 2 | 3 | 4;

/** One trait's behaviour anchors of a question. */
export type KitAnchorView = { trait: TraitKey; ratings: { rating: AnchorRating; text: ShownTextValue }[] };

export type KitQuestionView = { id: number; text: ShownTextValue; fromRole: boolean; traits: TraitKey[]; anchors: KitAnchorView[] };

export type KitExpectationView = { skillName: string; mandatory: boolean; description: ShownTextValue };

/** What a kit version's page shows of it. */
export type KitVersionView = {
  level: Level;
  idealProfile: IdealProfileRow[] | null;
  questions: KitQuestionView[];
  strengths: ShownTextValue[];
  redFlags: ShownTextValue[];
  expectations: KitExpectationView[];
};

function Heading({ level, id, children }: { level: HeadingLevel; id?: string; children: ReactNode }) {
  const Tag = level === 2 ? "h2" : level === 3 ? "h3" : "h4";
  return <Tag id={id}>{children}</Tag>;
}

export function TraitNames({ traits }: { traits: readonly TraitKey[] }) {
  const { t } = useTranslation();
  return <>{traits.map((trait) => t(`traits.${trait}`)).join(t("app.listSeparator"))}</>;
}

export function AnchorList({ anchors }: { anchors: readonly KitAnchorView[] }) {
  const { t } = useTranslation();
  return (
    <>
      {anchors.map((group) => (
        <div key={group.trait} className="anchors">
          <p className="kit-anchor-trait">{t(`traits.${group.trait}`)}</p>
          <dl>
            {group.ratings.map((a) => (
              <div key={a.rating}>
                <dt>{t("kits.content.rating", { rating: a.rating })}</dt>
                <dd>
                  <ShownText value={a.text} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </>
  );
}

export function KitQuestionList({ questions, idPrefix }: { questions: readonly KitQuestionView[]; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <ol className="kit-questions" data-testid="kit-questions">
      {questions.map((q, index) => (
        <li key={q.id} className="question">
          <ShownText value={q.text} as="p" />
          <p className="muted">
            <strong>{t("kits.content.evaluates")}:</strong> <TraitNames traits={q.traits} />
            {" · "}
            {q.fromRole ? t("kits.content.fromRole") : t("kits.content.own")}
          </p>
          <FoldedSection
            name={`${idPrefix}-anchors-${index + 1}`}
            summary={t("kits.content.anchors")}
            showLabel={t("kits.fold.showAnchors", { number: index + 1 })}
          >
            {() => <AnchorList anchors={q.anchors} />}
          </FoldedSection>
        </li>
      ))}
    </ol>
  );
}

export function ExpectationsTable({ expectations, caption }: { expectations: readonly KitExpectationView[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table data-testid="kit-expectations">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("kits.content.skill")}</th>
            <th scope="col">{t("kits.content.required")}</th>
            <th scope="col">{t("kits.content.expectation")}</th>
          </tr>
        </thead>
        <tbody>
          {expectations.map((e, i) => (
            <tr key={i}>
              <th scope="row">{e.skillName}</th>
              <td>
                {e.mandatory ? <span className="badge badge-mandatory">{t("kits.content.mandatory")}</span> : t("kits.content.optional")}
              </td>
              <td>
                <ShownText value={e.description} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Everything a version holds, under headings of `level`; `bandsHidden` when the reader may not see the ideal bands yet. */
export function KitVersionContent({
  version,
  headingLevel,
  idPrefix,
  bandsHidden = false,
}: {
  version: KitVersionView;
  headingLevel: HeadingLevel;
  idPrefix: string;
  bandsHidden?: boolean;
}) {
  const { t } = useTranslation();
  const level = t(`levels.${version.level}`);
  return (
    <div className="kit-content">
      <section aria-labelledby={`${idPrefix}-questions`}>
        <Heading level={headingLevel} id={`${idPrefix}-questions`}>
          {t("app.counted", { label: t("kits.content.questions"), count: version.questions.length })}
        </Heading>
        <KitQuestionList questions={version.questions} idPrefix={idPrefix} />
      </section>
      <div className="cards">
        <section className="card" aria-labelledby={`${idPrefix}-strengths`}>
          <Heading level={headingLevel} id={`${idPrefix}-strengths`}>
            {t("kits.content.strengths")}
          </Heading>
          {version.strengths.length === 0 ? (
            <p className="muted">{t("kits.content.noStrengths")}</p>
          ) : (
            <ShownTextList items={version.strengths} />
          )}
        </section>
        <section className="card" aria-labelledby={`${idPrefix}-red-flags`}>
          <Heading level={headingLevel} id={`${idPrefix}-red-flags`}>
            {t("kits.content.redFlags")}
          </Heading>
          {version.redFlags.length === 0 ? (
            <p className="muted">{t("kits.content.noRedFlags")}</p>
          ) : (
            <ShownTextList items={version.redFlags} />
          )}
        </section>
      </div>
      <section aria-labelledby={`${idPrefix}-expectations`}>
        <Heading level={headingLevel} id={`${idPrefix}-expectations`}>
          {t("kits.content.expectations", { level })}
        </Heading>
        {version.expectations.length === 0 ? (
          <p className="muted">{t("kits.content.noExpectations")}</p>
        ) : (
          <ExpectationsTable expectations={version.expectations} caption={t("kits.content.expectations", { level })} />
        )}
      </section>
      <section aria-labelledby={`${idPrefix}-profile`}>
        <Heading level={headingLevel} id={`${idPrefix}-profile`}>
          {t("kits.content.idealProfile")}
        </Heading>
        {bandsHidden ? (
          <p className="note" data-testid="bands-hidden">
            {t("kits.content.idealProfileHidden")}
          </p>
        ) : version.idealProfile === null ? (
          <p className="note">{t("kits.content.noIdealProfile")}</p>
        ) : (
          <IdealProfileTable
            profile={version.idealProfile}
            caption={t("kits.content.idealProfile")}
            captionHidden
            testId="kit-ideal-profile"
          />
        )}
      </section>
    </div>
  );
}
