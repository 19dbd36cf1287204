import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { changesShownTo } from "~/domain/blind";
import { isOpen, mayEditComment, mayRemoveComment, mayReview, mayWithdraw } from "~/domain/proposals";
import { idealBandsHiddenFor } from "~/http/proposal-form.server";
import { handleProposalPost, proposalNotices, requireProposal, type ProposalRefusal } from "~/http/proposals.server";
import { takeNotice } from "~/http/session.server";
import { listRoles } from "~/models/roles.server";
import { bandChangeCharts } from "~/components/proposals/band-charts.server";
import { BandChangeChart, ProfileDiff } from "~/components/proposals/ProfileDiff";
import { Comments, ReviewPanel, StatusBadge, StatusHistory, VoteBox } from "~/components/proposals/ProposalParts";
import { ErrorText } from "~/components/proposals/ErrorText";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useFormatDate } from "~/utils/dates";
import { useTranslation } from "~/utils/use-translation";
import type { AppLoadContext } from "@remix-run/node";
import "~/locales/proposals";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [{ title: loaded?.title ?? notFoundTitle(matches) }];

/** Expectations name roles by slug; the diff writes their names. */
async function roleNamesOf(context: AppLoadContext): Promise<Record<string, string>> {
  const roles = await listRoles(context.db, { query: "", profile: "all", showArchived: true });
  return Object.fromEntries(roles.map((role) => [role.slug, role.name]));
}

/**
 * GET /proposals/:id — a proposal for members (issue 22): what it changes,
 * before and after, why, its votes, comments and status history; the review
 * for recruiters and the author's own actions while it is open.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, proposal } = await requireProposal(request, context, params.id);
  const { t, language } = await getTranslator(request, context);
  const { notice, headers } = takeNotice(request, proposalNotices);
  const now = new Date();
  const open = isOpen(proposal.status);
  const reviewer = mayReview(user.role);
  const bandsHidden = proposal.target.kind === "role" && (await idealBandsHiddenFor(context, user, proposal.target.slug));
  const { shown, hiddenBandChanges } = changesShownTo(proposal.changes, bandsHidden);
  return data(
    {
      title: pageTitle(t, proposal.title, t("proposals.title")),
      notice,
      userId: user.id,
      proposal: {
        id: proposal.id,
        status: proposal.status,
        title: proposal.title,
        rationale: proposal.rationale,
        target: { kind: proposal.target.kind, slug: proposal.target.slug, name: proposal.target.name },
        author: proposal.author,
        createdAt: proposal.createdAt,
        baseVersion: proposal.baseVersion,
        currentVersion: proposal.currentVersion,
        appliedVersion: proposal.appliedVersion,
        changes: shown,
        hiddenBandChanges,
        votes: proposal.votes,
        history: proposal.history,
      },
      roleNames: proposal.target.kind === "skill" ? await roleNamesOf(context) : {},
      bands: proposal.target.kind === "role" && !bandsHidden ? bandChangeCharts(context, proposal.before, proposal.after, language) : null,
      comments: proposal.comments.map((comment) => {
        const state = { authorId: comment.authorId, createdAt: comment.createdAt, removedAt: comment.removedAt };
        return {
          id: comment.id,
          authorName: comment.authorName,
          body: comment.body,
          createdAt: comment.createdAt,
          edited: comment.editedAt !== null,
          removed: comment.removedAt !== null,
          mayEdit: open && mayEditComment(state, user.id, now),
          mayRemove: mayRemoveComment(state, { id: user.id, role: user.role }),
        };
      }),
      review:
        reviewer && open
          ? proposal.conflicts.map((conflict) => ({
              key: conflict.key,
              path: conflict.path,
              base: conflict.base ?? null,
              current: conflict.current ?? null,
              proposed: conflict.proposed ?? null,
            }))
          : null,
      mayWithdraw: mayWithdraw({ status: proposal.status, authorId: proposal.author.id }, user.id),
    },
    { headers },
  );
}

/** POST /proposals/:id — vote, comment, edit-comment, remove-comment, accept, reject, withdraw (http/proposals.server.ts). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const found = await requireProposal(request, context, params.id);
  const result = await handleProposalPost(request, context, found, await getTranslator(request, context));
  if (result instanceof Response) return result;
  return data({ refusal: result }, { status: result.status });
}

const NO_REFUSAL: ProposalRefusal = { status: 400, intent: null, errors: {}, issues: [], values: {} };

export default function ProposalPage() {
  const { notice, userId, proposal, roleNames, bands, comments, review, mayWithdraw: authorMayAct } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>()?.refusal ?? NO_REFUSAL;
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const open = proposal.status === "open";
  const targetHref = `/${proposal.target.kind === "role" ? "roles" : "skills"}/${proposal.target.slug}`;
  const errorsOf = (...intents: string[]) => (refusal.intent !== null && intents.includes(refusal.intent) ? refusal.errors : {});
  const valuesOf = (...intents: string[]) => (refusal.intent !== null && intents.includes(refusal.intent) ? refusal.values : {});
  const editing = refusal.intent === "edit-comment" ? Number(refusal.values.commentId) : null;
  return (
    <article className="proposal">
      <p className="muted">
        <Link to="/proposals">{t("proposals.title")}</Link> / {proposal.title}
      </p>
      {notice && (
        <p className="success" role="status">
          {t(`proposals.detail.notices.${notice}`)}
        </p>
      )}
      <h1>
        {proposal.title} <StatusBadge status={proposal.status} />
      </h1>
      {/* Every refusal is said at the top too: a field's own error sits by a form the page may no longer show (a decided proposal has none). */}
      <ErrorText id="proposal-form-error" error={[...new Set(Object.values(refusal.errors))].join(" ") || undefined} />
      <p>{t("proposals.detail.by", { name: proposal.author.name, date: formatDate(proposal.createdAt, "date") })}</p>
      <p>
        {t("proposals.detail.target")} {t(`proposals.kind.${proposal.target.kind}`)} <Link to={targetHref}>{proposal.target.name}</Link>
      </p>
      <p>
        <Link to={`${targetHref}/history?to=${proposal.baseVersion}`}>
          {t("proposals.detail.basedOn", { version: proposal.baseVersion })}
        </Link>
        {" · "}
        {proposal.appliedVersion !== null
          ? t("proposals.detail.applied", { version: proposal.appliedVersion })
          : t("proposals.detail.current", { version: proposal.currentVersion })}
      </p>
      {!open && <p className="muted">{t("proposals.detail.closed", { status: t(`proposals.status.${proposal.status}`).toLowerCase() })}</p>}

      <section aria-labelledby="rationale-title">
        <h2 id="rationale-title">{t("proposals.detail.rationale")}</h2>
        <p className="plain-text">{proposal.rationale}</p>
      </section>

      <section aria-labelledby="changes-title">
        <h2 id="changes-title">{t("proposals.detail.changes")}</h2>
        {proposal.hiddenBandChanges > 0 && (
          <p className="muted">{t("proposals.detail.bandsHidden", { count: proposal.hiddenBandChanges })}</p>
        )}
        {proposal.changes.length > 0 && <ProfileDiff changes={proposal.changes} roleNames={roleNames} headingLevel={3} />}
        {proposal.changes.length === 0 && proposal.hiddenBandChanges === 0 && <p>{t("proposals.detail.noChanges")}</p>}
        {bands && <BandChangeChart changes={bands.changes} before={bands.before} after={bands.after} />}
      </section>

      <VoteBox votes={proposal.votes} userId={userId} open={open} error={errorsOf("vote").value} />
      <Comments
        comments={comments}
        open={open}
        errors={errorsOf("comment", "edit-comment", "remove-comment")}
        values={valuesOf("comment", "edit-comment")}
        editing={editing}
      />
      {review && (
        <ReviewPanel
          conflicts={review}
          baseVersion={proposal.baseVersion}
          currentVersion={proposal.currentVersion}
          errors={errorsOf("accept", "reject")}
          values={valuesOf("accept", "reject")}
          issues={refusal.intent === "accept" ? refusal.issues : []}
        />
      )}
      {authorMayAct && (
        <section aria-labelledby="author-title">
          <h2 id="author-title">{t("proposals.detail.authorActions")}</h2>
          <div className="actions">
            <Link to={`/proposals/${proposal.id}/edit`}>{t("proposals.detail.update")}</Link>
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="button-secondary">
                {t("proposals.detail.withdraw")}
              </button>
            </Form>
          </div>
        </section>
      )}
      <StatusHistory entries={proposal.history} />
    </article>
  );
}
