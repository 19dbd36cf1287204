import type { Json, ProfileChange } from "~/domain/profile-diff";
import { isTraitKey } from "~/domain/traits";
import { isLevel } from "~/domain/levels";
import type { SentChart } from "~/components/charts/drawing";
import { DrawnChart } from "~/components/charts/DrawnChart";
import { TableScroll } from "~/components/TableScroll";
import { useTranslation } from "~/utils/use-translation";
import type { TranslationKey, Translator } from "~/utils/i18n";
import type { BandChange } from "./band-changes";

/*
 * A change to a role or skill profile as a reader sees it (issue 22): each
 * change's place in words ("Ideal profile · Openness · High"), and what was
 * there before beside what comes after; a list's items removed and added
 * written out as the profile page writes them. Texts are shown as text, never
 * as markup.
 */

type T = Translator["t"];
type JsonRecord = { [key: string]: Json };

const TEXT_LANGUAGES = ["es", "en", "zh"] as const;
type TextLanguage = (typeof TEXT_LANGUAGES)[number];

function isTextLanguage(key: string): key is TextLanguage {
  return TEXT_LANGUAGES.some((language) => language === key);
}

function isRecord(value: Json | undefined): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A record of texts by language ({es, en, zh}). */
function isLocalized(value: Json | undefined): value is JsonRecord {
  return isRecord(value) && Object.keys(value).length > 0 && Object.keys(value).every(isTextLanguage);
}

function fieldWord(key: string, t: T): string {
  if (isTraitKey(key)) return t(`traits.${key}`);
  const fieldKey = `proposals.paths.fields.${key}`;
  return key in FIELD_WORDS ? t(fieldKey as TranslationKey) : key;
}

// The keys that have a word of their own (the rest, like an anchor's "1" or a role's slug in a matrix, show as they are).
const FIELD_WORDS: Record<string, true> = Object.fromEntries(
  [
    "slug",
    "name",
    "family",
    "contentLanguage",
    "summary",
    "idealProfile",
    "low",
    "high",
    "weight",
    "statement",
    "bandSource",
    "strengths",
    "redFlags",
    "questions",
    "text",
    "evaluatesNote",
    "traits",
    "anchors",
    "transitions",
    "similarRoles",
    "successCase",
    "profile",
    "archetypes",
    "sourceNote",
    "skillsMatrix",
    "expectations",
    "description",
    "domain",
    "group",
    "publishedOn",
  ].map((key) => [key, true]),
);

/** A change's place in the reader's words: "Ideal profile · Openness · High", "Summary (Spanish)". */
export function pathInWords(path: readonly string[], t: T): string {
  if (path.length === 0) return t("proposals.paths.fields.whole");
  const last = path[path.length - 1] as string;
  const language = path.length > 1 && isTextLanguage(last) ? last : null;
  const words = (language ? path.slice(0, -1) : path).map((key) => fieldWord(key, t));
  const field = words.join(t("proposals.paths.separator"));
  return language ? t("proposals.paths.languageSuffix", { field, language: t(`proposals.paths.languages.${language}`) }) : field;
}

/** A localized text in the reader's language, or the first it has. */
function localizedText(value: JsonRecord, language: string): string {
  const own = value[language];
  if (typeof own === "string") return own;
  const first = Object.values(value).find((text) => typeof text === "string");
  return typeof first === "string" ? first : "";
}

export type Reading = { t: T; language: string; roleNames: Readonly<Record<string, string>> };

/** A value written out as text: a localized text in the reader's language, a record as "field: value" lines. */
export function valueInWords(value: Json | undefined, reading: Reading): string {
  const { t, language } = reading;
  if (value === undefined || value === null) return t("proposals.diff.none");
  if (typeof value === "boolean") return t(value ? "proposals.diff.yes" : "proposals.diff.no");
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map((item) => valueInWords(item, reading)).join("\n");
  if (isLocalized(value)) return localizedText(value, language);
  return Object.entries<Json>(value)
    .map(([key, item]) => `${fieldWord(key, t)}${t("app.colon")}${valueInWords(item, reading)}`)
    .join("\n");
}

/** A list's item as the profile page writes it: a question with its traits, an expectation in one line. */
function itemInWords(list: string | undefined, item: Json, reading: Reading): string {
  const { t, language, roleNames } = reading;
  if (!isRecord(item)) return valueInWords(item, reading);
  const text = (value: Json | undefined) => (isLocalized(value) ? localizedText(value, language) : valueInWords(value, reading));
  if (list === "questions") {
    const traits = Array.isArray(item.traits)
      ? item.traits
          .map((trait) => (typeof trait === "string" && isTraitKey(trait) ? t(`traits.${trait}`) : String(trait)))
          .join(t("app.listSeparator"))
      : "";
    return t("proposals.diff.question", { text: text(item.text), traits });
  }
  if (list === "expectations" && typeof item.role === "string" && typeof item.level === "string") {
    return t("proposals.diff.expectation", {
      role: roleNames[item.role] ?? item.role,
      level: isLevel(item.level) ? t(`levels.${item.level}`) : item.level,
      mandatory: t(item.mandatory === true ? "proposals.diff.mandatory" : "proposals.diff.optional"),
      text: text(item.description),
    });
  }
  if (list === "transitions" && typeof item.targetName === "string") {
    return t("proposals.diff.transition", { name: item.targetName, fit: valueInWords(item.publishedFit, reading) });
  }
  return valueInWords(item, reading);
}

function Side({ label, children }: { label: string; children: string }) {
  return (
    <div className="diff-side">
      <p className="diff-side-label">{label}</p>
      <p className="plain-text">{children}</p>
    </div>
  );
}

function ChangeView({ change, reading, Heading }: { change: ProfileChange; reading: Reading; Heading: "h3" | "h4" }) {
  const { t } = reading;
  const title = pathInWords(change.path, t);
  if (change.kind === "field") {
    return (
      <li className="diff-change">
        <Heading>{title}</Heading>
        <div className="diff-sides">
          <Side label={t("proposals.diff.before")}>{valueInWords(change.before, reading)}</Side>
          <Side label={t("proposals.diff.after")}>{valueInWords(change.after, reading)}</Side>
        </div>
      </li>
    );
  }
  const list = change.path[change.path.length - 1];
  const items = (values: Json[]) =>
    values.length === 0 ? t("proposals.diff.none") : values.map((item) => `• ${itemInWords(list, item, reading)}`).join("\n");
  return (
    <li className="diff-change">
      <Heading>
        {title} <span className="muted">({t("proposals.diff.atPosition", { position: change.at + 1 })})</span>
      </Heading>
      <div className="diff-sides">
        <Side label={t("proposals.diff.removed")}>{items(change.removed)}</Side>
        <Side label={t("proposals.diff.added")}>{items(change.added)}</Side>
      </div>
    </li>
  );
}

/**
 * Each change, before beside after; roleNames turns a skill expectation's role
 * slug into its name. Each change is titled one level under the section the
 * diff is in (`headingLevel`), so headings stay in order.
 */
export function ProfileDiff({
  changes,
  roleNames = {},
  headingLevel,
}: {
  changes: readonly ProfileChange[];
  roleNames?: Readonly<Record<string, string>>;
  headingLevel: 3 | 4;
}) {
  const { t, i18n } = useTranslation();
  const reading: Reading = { t, language: i18n.language, roleNames };
  return (
    <ol className="diff-changes">
      {changes.map((change) => (
        <ChangeView
          key={`${change.kind}:${change.path.join(".")}:${change.kind === "list" ? change.at : ""}`}
          change={change}
          reading={reading}
          Heading={headingLevel === 3 ? "h3" : "h4"}
        />
      ))}
    </ol>
  );
}

/** The changed bands drawn before and after (the server's drawings), with their numbers in a table. */
export function BandChangeChart({
  changes,
  before,
  after,
}: {
  changes: readonly BandChange[];
  before: SentChart | null;
  after: SentChart | null;
}) {
  const { t } = useTranslation();
  const band = (value: BandChange["before"]) => (value === null ? t("proposals.diff.none") : t("proposals.diff.band", { ...value }));
  return (
    <section className="band-change" aria-labelledby="band-change-title">
      <h3 id="band-change-title">{t("proposals.diff.bandsTitle")}</h3>
      <div className="band-change-charts">
        {before && (
          <figure className="chart chart-figure">
            <figcaption>{t("proposals.diff.bandsBefore")}</figcaption>
            <div className="chart-canvas">
              <DrawnChart svg={before} />
            </div>
          </figure>
        )}
        {after && (
          <figure className="chart chart-figure">
            <figcaption>{t("proposals.diff.bandsAfter")}</figcaption>
            <div className="chart-canvas">
              <DrawnChart svg={after} />
            </div>
          </figure>
        )}
      </div>
      <TableScroll label={t("proposals.diff.bandsCaption")}>
        <table>
          <caption>{t("proposals.diff.bandsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("proposals.diff.bandColumns.trait")}</th>
              <th scope="col">{t("proposals.diff.bandColumns.before")}</th>
              <th scope="col">{t("proposals.diff.bandColumns.after")}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.trait}>
                <th scope="row">{t(`traits.${change.trait}`)}</th>
                <td>{band(change.before)}</td>
                <td>{band(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
