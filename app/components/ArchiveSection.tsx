import { Form } from "@remix-run/react";
import { ConfirmedAction, useConfirmText } from "~/components/ConfirmedAction";
import type { ConfirmSpec, ConfirmText } from "~/utils/confirm";
import { useFormatDate } from "~/utils/dates";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/archive";

export type ArchivedState = { at: string; byName: string | null } | null;

/**
 * "Archived on … by …" atop an archived role's or kit's page, with Restore for
 * a recruiter (restoring loses nothing, so it asks nothing).
 */
export function ArchivedBanner({ archived, canRestore }: { archived: ArchivedState; canRestore: boolean }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  if (!archived) return null;
  const date = format(archived.at, "date");
  return (
    <div className="note archived-banner" data-testid="archived-banner">
      <p>{archived.byName ? t("archive.bannerBy", { date, name: archived.byName }) : t("archive.banner", { date })}</p>
      {canRestore && (
        <Form method="post" className="inline-form">
          <button type="submit" name="intent" value="restore" className="button-secondary">
            {t("archive.restore")}
          </button>
        </Form>
      )}
    </div>
  );
}

/**
 * A recruiter's "Archive or delete" section of a role's or kit's page: Archive
 * (asks first), and Delete only when nothing uses the record, else what uses it.
 */
export function ArchiveSection(props: {
  archived: boolean;
  intro: ConfirmText;
  archiveSpec: ConfirmSpec;
  deleteSpec: ConfirmSpec;
  blockers: ConfirmText[];
  refused: boolean;
}) {
  const { t } = useTranslation();
  const text = useConfirmText();
  return (
    <section aria-labelledby="archive-section" data-testid="archive-section">
      <h2 id="archive-section">{t("archive.section")}</h2>
      <p className="muted">{text(props.intro)}</p>
      {props.refused && (
        <p className="alert" role="alert">
          {t("archive.deleteRefused")}
        </p>
      )}
      <div className="actions">
        {!props.archived && <ConfirmedAction intent="archive" label={t("archive.archive")} spec={props.archiveSpec} />}
        {props.blockers.length === 0 && (
          <ConfirmedAction intent="delete" label={t("archive.delete")} spec={props.deleteSpec} variant="danger" />
        )}
      </div>
      {props.blockers.length > 0 && (
        <div data-testid="delete-blocked">
          <p>{t("archive.deleteBlocked")}</p>
          <ul className="compact">
            {props.blockers.map((blocker, index) => (
              <li key={index}>{text(blocker)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
