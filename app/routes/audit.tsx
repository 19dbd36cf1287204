import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import type { TranslationKey } from "~/utils/i18n";
import { z } from "zod";
import { AUDIT_PAGE_SIZE, listAudit } from "~/models/audit.server";
import { requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useFormatDate } from "~/utils/dates";
import { TableScroll } from "~/components/TableScroll";
import "~/locales/audit";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

const pageParams = z.object({ before: z.coerce.number().int().positive().optional().catch(undefined) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const { before } = pageParams.parse({ before: new URL(request.url).searchParams.get("before") ?? undefined });
  const entries = await listAudit(context.db, { beforeId: before });
  const last = entries.at(-1);
  const { t } = await getTranslator(request, context);
  return { title: pageTitle(t, t("audit.title")), entries, olderCursor: entries.length === AUDIT_PAGE_SIZE && last ? last.id : null };
}

/** An action's label in the reader's language, with its exact code under it; a code without a label is shown as it is. */
function ActionLabel({ action }: { action: string }) {
  const { t, i18n } = useTranslation();
  const key = `audit.actions.${action}`;
  if (!i18n.exists(key)) return <code>{action}</code>;
  return (
    <>
      <span className="audit-action">{t(key as TranslationKey)}</span>
      <code className="audit-code muted">{action}</code>
    </>
  );
}

/**
 * A record's kind in the reader's language, with its id; an unknown kind is shown as it is.
 * A change proposal links to its page, which stays while its role or skill does.
 */
function RecordLabel({ type, id }: { type: string; id: number | string | null }) {
  const { t, i18n } = useTranslation();
  const key = `audit.entities.${type}`;
  const kind = i18n.exists(key) ? t(key as TranslationKey) : type;
  if (type === "proposal" && id !== null) {
    return (
      <Link to={`/proposals/${id}`}>
        {kind} #{id}
      </Link>
    );
  }
  return (
    <>
      {kind} {id !== null && `#${id}`}
    </>
  );
}

export default function AuditLog() {
  const { entries, olderCursor } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lede">{t("audit.intro")}</p>
      {entries.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <TableScroll label={t("audit.title")}>
          <table data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("audit.columns.at")}</th>
                <th scope="col">{t("audit.columns.actor")}</th>
                <th scope="col">{t("audit.columns.action")}</th>
                <th scope="col">{t("audit.columns.record")}</th>
                <th scope="col">{t("audit.columns.details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{formatDate(e.at, "dateTime")}</time>
                  </td>
                  <td>{e.actorName ?? (e.actorUserId === null ? t("audit.system") : `#${e.actorUserId}`)}</td>
                  <td>
                    <ActionLabel action={e.action} />
                  </td>
                  <td>
                    <RecordLabel type={e.entityType} id={e.entityId} />
                  </td>
                  <td>{e.details && <code>{e.details}</code>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {olderCursor !== null && (
        <p>
          <Link to={`?before=${olderCursor}`}>{t("audit.older")}</Link>
        </p>
      )}
    </>
  );
}
