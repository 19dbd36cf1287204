import { Form, Link } from "@remix-run/react";
import type { ProfileChange } from "~/domain/profile-diff";
import type { SentChart } from "~/components/charts/drawing";
import { ErrorText } from "./ErrorText";
import { TableScroll } from "~/components/TableScroll";
import { useFormatDate } from "~/utils/dates";
import { useTranslation } from "~/utils/use-translation";
import type { BandChange } from "./band-changes";
import { BandChangeChart, ProfileDiff } from "./ProfileDiff";

export type VersionView = {
  version: number;
  source: "library" | "create" | "edit" | "import" | "proposal";
  madeAt: string;
  madeBy: string | null;
  proposal: { id: number; title: string } | null;
};

type Props = {
  name: string;
  profileHref: string;
  versions: readonly VersionView[];
  asked: { from: string; to: string };
  errors: Readonly<Record<string, string>>;
  comparison: { from: number; to: number; changes: ProfileChange[] } | null;
  /** Changes to the ideal bands left out for a member who may not see them (blind scoring). */
  hiddenBandChanges?: number;
  bands: { changes: BandChange[]; before: SentChart | null; after: SentChart | null } | null;
  roleNames?: Readonly<Record<string, string>>;
};

function VersionSource({ version }: { version: VersionView }) {
  const { t } = useTranslation();
  if (version.source === "proposal" && version.proposal) {
    return (
      <>
        {t("proposals.versions.source.proposal")}
        {t("app.colon")}
        <Link to={`/proposals/${version.proposal.id}`}>{version.proposal.title}</Link>
      </>
    );
  }
  return <>{t(`proposals.versions.source.${version.source}`)}</>;
}

function VersionSelect({
  field,
  value,
  versions,
  error,
}: {
  field: "from" | "to";
  value: string;
  versions: readonly VersionView[];
  error?: string;
}) {
  const { t } = useTranslation();
  const id = `history-${field}`;
  const known = versions.some((version) => String(version.version) === value);
  return (
    <div className="field">
      <label htmlFor={id}>{t(field === "from" ? "proposals.versions.from" : "proposals.versions.to")}</label>
      <select
        id={id}
        name={field}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {!known && <option value={value}>{value}</option>}
        {versions.map((version) => (
          <option key={version.version} value={version.version}>
            {t("proposals.versions.option", { version: version.version })}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

/** Every version of a role or skill profile, with who made it and how, and the difference between any two (issue 22). */
export function ProfileHistory({ name, profileHref, versions, asked, errors, comparison, hiddenBandChanges = 0, bands, roleNames }: Props) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <article className="profile-history">
      <p className="muted">
        <Link to={profileHref}>{t("proposals.versions.back", { name })}</Link>
      </p>
      <h1>{t("proposals.versions.title", { name })}</h1>
      <p className="muted">{t("proposals.versions.intro")}</p>
      {versions.length === 0 ? (
        <p>{t("proposals.versions.none")}</p>
      ) : (
        <TableScroll label={t("proposals.versions.caption")}>
          <table>
            <caption>{t("proposals.versions.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("proposals.versions.columns.version")}</th>
                <th scope="col">{t("proposals.versions.columns.when")}</th>
                <th scope="col">{t("proposals.versions.columns.who")}</th>
                <th scope="col">{t("proposals.versions.columns.source")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.version}>
                  <th scope="row">{version.version}</th>
                  <td>{formatDate(version.madeAt, "dateTime")}</td>
                  <td>{version.madeBy ?? t("proposals.versions.library")}</td>
                  <td>
                    <VersionSource version={version} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <section aria-labelledby="compare-title">
        <h2 id="compare-title">{t("proposals.versions.compare")}</h2>
        {versions.length === 1 && Object.keys(errors).length === 0 ? (
          <p>{t("proposals.versions.onlyOne")}</p>
        ) : (
          versions.length > 0 && (
            <>
              <Form method="get" className="history-compare">
                <VersionSelect field="from" value={asked.from} versions={versions} error={errors.from} />
                <VersionSelect field="to" value={asked.to} versions={versions} error={errors.to} />
                <button type="submit">{t("proposals.versions.show")}</button>
              </Form>
              {comparison && (
                <>
                  <h3>{t("proposals.versions.diffTitle", { from: comparison.from, to: comparison.to })}</h3>
                  {hiddenBandChanges > 0 && <p className="muted">{t("proposals.detail.bandsHidden", { count: hiddenBandChanges })}</p>}
                  {comparison.changes.length === 0 && hiddenBandChanges > 0 ? null : comparison.changes.length === 0 ? (
                    <p>{t("proposals.versions.same")}</p>
                  ) : (
                    <ProfileDiff changes={comparison.changes} roleNames={roleNames} headingLevel={4} />
                  )}
                  {bands && <BandChangeChart changes={bands.changes} before={bands.before} after={bands.after} />}
                </>
              )}
            </>
          )
        )}
      </section>
    </article>
  );
}
