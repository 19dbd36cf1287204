import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { z } from "zod";
import { KitVersionContent } from "~/components/KitContent";
import { FoldedSection } from "~/components/FoldedSection";
import { ShownText } from "~/components/ShownText";
import { ownScorecardStatusesOn } from "~/models/scorecards.server";
import { maySeeIdealBands } from "~/domain/blind";
import { deleteKit, getKitArchiveState, setKitArchived } from "~/models/kits.server";
import { getKitDetail } from "~/models/kit-views.server";
import type { KitChange, KitHistoryEntry } from "~/models/kit-views.server";
import { ArchivedBanner, ArchiveSection } from "~/components/ArchiveSection";
import { ConfirmationPage } from "~/components/ConfirmedAction";
import type { ConfirmSpec } from "~/utils/confirm";
import { readFormData } from "~/http/forms.server";
import { confirmationPage, isConfirmed } from "~/http/confirm.server";
import kitStyles from "~/styles/kits.css?url";
import { notFound, requireUser } from "~/http/auth.server";
import { parseRecordId } from "~/schemas/ids";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useFormatDate } from "~/utils/dates";
import { takeNotice } from "~/http/session.server";
import "~/locales/archive";
import "~/locales/kits";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: kitStyles }];

const savedParam = z.enum(["created", "updated", "versioned"]).nullable().catch(null);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const id = parseRecordId(params.id);
  if (id === undefined) throw notFound();
  const { language, t } = await getTranslator(request, context);
  const found = await getKitDetail(context.db, id, language);
  if (!found) throw notFound();
  const { notice: saved, headers } = takeNotice(request, savedParam);
  const isRecruiter = user.role === "recruiter";
  // Blind scoring: the bands are left out of the page's data, not only out of its view.
  const bandsHidden = !maySeeIdealBands(
    user.role,
    isRecruiter ? [] : await ownScorecardStatusesOn(context.db, user.id, { kitId: found.id }),
  );
  const kit = bandsHidden
    ? {
        ...found,
        latest: { ...found.latest, idealProfile: null },
        history: found.history.map((entry) => ({ ...entry, idealProfile: null })),
      }
    : found;
  const state = await getKitArchiveState(context.db, kit.id);
  return data(
    {
      title: pageTitle(t, kit.latest.name),
      kit,
      saved,
      bandsHidden,
      canEdit: isRecruiter && kit.roleInLibrary,
      isRecruiter,
      archived: state?.archived ?? null,
      // Interviewers see that a kit is archived, not what uses it.
      assessmentsUsing: isRecruiter ? (state?.assessments ?? 0) : null,
    },
    { headers },
  );
}

function archiveKitSpec(name: string): ConfirmSpec {
  return {
    title: { key: "kits.archive.archiveTitle", params: { name } },
    lost: [{ key: "kits.archive.archiveLost" }],
    confirm: { key: "kits.archive.confirmArchive" },
  };
}

function deleteKitSpec(name: string): ConfirmSpec {
  return {
    title: { key: "kits.archive.deleteTitle", params: { name } },
    lost: [{ key: "kits.archive.deleteLost" }],
    confirm: { key: "archive.deleteForGood" },
  };
}

/** Archive (asks first), restore, and delete (asks first; refused while an assessment uses the kit): recruiters only. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const id = parseRecordId(params.id);
  if (id === undefined) throw notFound();
  const { language } = await getTranslator(request, context);
  const kit = await getKitDetail(context.db, id, language);
  if (!kit) throw notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const now = new Date();
  if (intent === "archive" || intent === "restore") {
    if (intent === "archive" && !isConfirmed(formData)) return confirmationPage(formData, archiveKitSpec(kit.latest.name));
    await setKitArchived(context.db, { kitId: kit.id, archived: intent === "archive", actorId: user.id }, now);
    return redirect(`/kits/${kit.id}`, 303);
  }
  if (intent === "delete") {
    if (!isConfirmed(formData)) return confirmationPage(formData, deleteKitSpec(kit.latest.name));
    const outcome = await deleteKit(context.db, { kitId: kit.id, actorId: user.id }, now);
    if (outcome === "notFound") throw notFound();
    if (outcome === "used") return data({ deleteRefused: true }, { status: 409 });
    return redirect("/kits", 303);
  }
  throw new Response("Unknown action", { status: 400 });
}

function ChangeLine({ change }: { change: KitChange }) {
  const { t } = useTranslation();
  switch (change.kind) {
    case "name":
      return <>{t("kits.detail.change.name", { from: change.from, to: change.to })}</>;
    case "level":
      return <>{t("kits.detail.change.level", { from: t(`levels.${change.from}`), to: t(`levels.${change.to}`) })}</>;
    case "questionAdded":
    case "questionRemoved":
    case "questionChanged":
    case "strengthAdded":
    case "strengthRemoved":
    case "redFlagAdded":
    case "redFlagRemoved":
      return (
        <>
          {t(`kits.detail.change.${change.kind}`)} <ShownText value={change.text} />
        </>
      );
    case "expectationsChanged":
      return <>{t("kits.detail.change.expectationsChanged", { from: change.from, to: change.to })}</>;
    case "questionsReordered":
    case "idealProfileAdded":
    case "idealProfileRemoved":
    case "idealProfileChanged":
      return <>{t(`kits.detail.change.${change.kind}`)}</>;
  }
}

function Usage({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <span className={count > 0 ? "badge badge-used" : "badge"}>
      {count > 0 ? t("kits.detail.usedBy", { count }) : t("kits.detail.notUsed")}
    </span>
  );
}

function HistoryEntry({
  kitId,
  entry,
  current,
  bandsHidden,
}: {
  kitId: number;
  entry: KitHistoryEntry;
  current: boolean;
  bandsHidden: boolean;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const headingId = `version-${entry.version}`;
  return (
    <li className="kit-history-entry" data-version={entry.version}>
      <h3 id={headingId}>
        {t("kits.version", { version: entry.version })}
        {current && <span className="muted"> ({t("kits.detail.current")})</span>}
      </h3>
      <p className="kit-meta">
        <Usage count={entry.assessmentCount} />{" "}
        <span className="muted">
          {entry.createdByName
            ? t("kits.detail.savedBy", { date: formatDate(entry.createdAt, "date"), name: entry.createdByName })
            : t("kits.detail.savedOn", { date: formatDate(entry.createdAt, "date") })}
        </span>{" "}
        · <Link to={`/kits/${kitId}/print?version=${entry.version}`}>{t("kits.detail.print")}</Link>
      </p>
      {entry.changes === null ? (
        <p>{t("kits.detail.firstVersion")}</p>
      ) : (
        <>
          <p className="kit-changes-title">{t("kits.detail.changesFrom", { version: entry.version - 1 })}</p>
          {entry.changes.length === 0 ? (
            <p className="muted">{t("kits.detail.noChanges")}</p>
          ) : (
            <ul className="compact kit-changes">
              {entry.changes.map((change, i) => (
                <li key={i}>
                  <ChangeLine change={change} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {/* Each version repeats the whole kit: drawn when opened, the history costs a line per version. */}
      <FoldedSection
        name={`content-v${entry.version}`}
        className="kit-version-content"
        summary={t("kits.detail.contentOf", { version: entry.version })}
        showLabel={t("kits.fold.showContentOf", { version: entry.version })}
      >
        {() => <KitVersionContent version={entry} headingLevel={4} idPrefix={`v${entry.version}`} bandsHidden={bandsHidden} />}
      </FoldedSection>
    </li>
  );
}

export default function KitPage() {
  const { kit, saved, bandsHidden, canEdit, isRecruiter, archived, assessmentsUsing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const latest = kit.latest;
  const confirmation = actionData && "confirmation" in actionData ? actionData.confirmation : undefined;
  if (confirmation) return <ConfirmationPage confirmation={confirmation} />;
  return (
    <article>
      <p className="muted">
        <Link to="/kits">{t("kits.title")}</Link> / {latest.name}
      </p>
      {saved && (
        <p className="success" role="status">
          {t(`kits.detail.saved.${saved}`, { version: latest.version })}
        </p>
      )}
      <h1>{latest.name}</h1>
      <ArchivedBanner archived={archived} canRestore={isRecruiter} />
      <p className="kit-meta">
        {kit.roleInLibrary ? <Link to={`/roles/${latest.roleSlug}`}>{latest.roleName}</Link> : latest.roleName}
        {" · "}
        {t(`levels.${latest.level}`)}
        {" · "}
        {t("kits.version", { version: latest.version })} <Usage count={latest.assessmentCount} />
      </p>
      <div className="actions">
        {canEdit && (
          <Link className="button" to={`/kits/${kit.id}/edit`}>
            {t("kits.detail.edit")}
          </Link>
        )}
        <Link className="button button-secondary" to={`/kits/${kit.id}/print`}>
          {t("kits.detail.print")}
        </Link>
      </div>
      {!kit.roleInLibrary && <p className="note">{t("kits.detail.roleGone")}</p>}

      <KitVersionContent version={latest} headingLevel={2} idPrefix="current" bandsHidden={bandsHidden} />

      <section aria-labelledby="kit-history">
        <h2 id="kit-history">{t("kits.detail.history")}</h2>
        <ol className="kit-history" reversed>
          {kit.history.map((entry) => (
            <HistoryEntry
              key={entry.id}
              kitId={kit.id}
              entry={entry}
              current={entry.version === latest.version}
              bandsHidden={bandsHidden}
            />
          ))}
        </ol>
      </section>

      {assessmentsUsing !== null && (
        <ArchiveSection
          archived={archived !== null}
          intro={{ key: "kits.archive.intro" }}
          archiveSpec={archiveKitSpec(latest.name)}
          deleteSpec={deleteKitSpec(latest.name)}
          blockers={assessmentsUsing > 0 ? [{ key: "kits.assessments", params: { count: assessmentsUsing } }] : []}
          refused={actionData !== undefined && "deleteRefused" in actionData}
        />
      )}
    </article>
  );
}
