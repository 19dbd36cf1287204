import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PROPOSAL_STATUSES } from "~/domain/proposals";
import { requireUser } from "~/http/auth.server";
import { followedProfiles, takeNewsSinceLastVisit, type NewsItem } from "~/models/follows.server";
import { listProposals } from "~/models/proposals.server";
import { listRoles } from "~/models/roles.server";
import { listSkillProfiles } from "~/models/skills.server";
import { listUsers } from "~/models/users.server";
import { proposalListQuery } from "~/schemas/proposal";
import { z } from "~/schemas/zod-mini";
import { StatusBadge } from "~/components/proposals/ProposalParts";
import { TableScroll } from "~/components/TableScroll";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useFormatDate } from "~/utils/dates";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/proposals";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [{ title: loaded?.title ?? notFoundTitle(matches) }];

function profileHref(target: { kind: "role" | "skill"; slug: string }): string {
  return `/${target.kind === "role" ? "roles" : "skills"}/${target.slug}`;
}

/**
 * GET /proposals — for members (issue 22): what happened on what they follow
 * since their last visit (and marks it seen), the profiles they follow, and
 * the proposals, open ones first, filtered by role, skill, status or author.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { t } = await getTranslator(request, context);
  const query = z.parse(proposalListQuery, Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  const [news, following, proposals, roles, skills, users] = await Promise.all([
    takeNewsSinceLastVisit(context.db, user.id, now),
    followedProfiles(context.db, user.id),
    listProposals(context.db, { role: query.role, skill: query.skill, status: query.status, authorId: query.author }),
    listRoles(context.db, { query: "", profile: "all" }),
    listSkillProfiles(context.db),
    listUsers(context.db),
  ]);
  return {
    title: pageTitle(t, t("proposals.title")),
    news,
    following,
    proposals,
    filters: {
      role: query.role ?? "",
      skill: query.skill ?? "",
      status: query.status ?? "",
      author: query.author === undefined ? "" : String(query.author),
    },
    options: {
      roles: roles.map((role) => ({ slug: role.slug, name: role.name })),
      skills: skills.map((skill) => ({ slug: skill.slug, name: skill.name })),
      authors: users.map((account) => ({ id: account.id, name: account.name })),
    },
  };
}

function NewsLine({ item }: { item: NewsItem }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const href = item.kind === "commented" ? `/proposals/${item.proposal.id}#comments-title` : `/proposals/${item.proposal.id}`;
  return (
    <li>
      <Link to={href}>
        {t(`proposals.news.${item.kind}`, { actor: item.actorName, title: item.proposal.title, target: item.target.name })}
      </Link>{" "}
      <span className="muted">{formatDate(item.at, "dateTime")}</span>
    </li>
  );
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value}>
        <option value="">{t("proposals.filters.any")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function ProposalsPage() {
  const { news, following, proposals, filters, options } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <article className="proposals">
      <h1>{t("proposals.title")}</h1>
      <p className="muted">{t("proposals.intro")}</p>

      <section aria-labelledby="news-title">
        <h2 id="news-title">{t("proposals.news.title")}</h2>
        {news.items.length === 0 ? (
          <p>{t("proposals.news.none")}</p>
        ) : (
          <>
            <ul className="news-list">
              {news.items.map((item) => (
                <NewsLine key={item.id} item={item} />
              ))}
            </ul>
            {news.total > news.items.length && (
              <p className="muted">{t("proposals.news.more", { shown: news.items.length, total: news.total })}</p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="following-title">
        <h2 id="following-title">{t("proposals.following.title")}</h2>
        {following.length === 0 ? (
          <p className="muted">{t("proposals.following.none")}</p>
        ) : (
          <ul className="following-list">
            {following.map((profile) => (
              <li key={`${profile.kind}:${profile.slug}`}>
                <Link to={profileHref(profile)}>{profile.name}</Link> <span className="muted">({t(`proposals.kind.${profile.kind}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("proposals.list.caption")}</h2>
        <Form method="get" className="proposal-filters" aria-label={t("proposals.filters.label")}>
          <Select
            name="role"
            label={t("proposals.filters.role")}
            value={filters.role}
            options={options.roles.map((role) => ({ value: role.slug, label: role.name }))}
          />
          <Select
            name="skill"
            label={t("proposals.filters.skill")}
            value={filters.skill}
            options={options.skills.map((skill) => ({ value: skill.slug, label: skill.name }))}
          />
          <Select
            name="status"
            label={t("proposals.filters.status")}
            value={filters.status}
            options={PROPOSAL_STATUSES.map((status) => ({ value: status, label: t(`proposals.status.${status}`) }))}
          />
          <Select
            name="author"
            label={t("proposals.filters.author")}
            value={filters.author}
            options={options.authors.map((author) => ({ value: String(author.id), label: author.name }))}
          />
          <div className="actions">
            <button type="submit">{t("proposals.filters.apply")}</button>
            <Link to="/proposals">{t("proposals.filters.clear")}</Link>
          </div>
        </Form>
        {proposals.length === 0 ? (
          <p>{t("proposals.list.empty")}</p>
        ) : (
          <TableScroll label={t("proposals.list.caption")}>
            <table>
              <caption className="visually-hidden">{t("proposals.list.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("proposals.list.columns.title")}</th>
                  <th scope="col">{t("proposals.list.columns.target")}</th>
                  <th scope="col">{t("proposals.list.columns.author")}</th>
                  <th scope="col">{t("proposals.list.columns.status")}</th>
                  <th scope="col">{t("proposals.list.columns.votes")}</th>
                  <th scope="col">{t("proposals.list.columns.comments")}</th>
                  <th scope="col">{t("proposals.list.columns.created")}</th>
                </tr>
              </thead>
              <tbody>
                {proposals.map((proposal) => (
                  <tr key={proposal.id}>
                    <th scope="row">
                      <Link to={`/proposals/${proposal.id}`}>{proposal.title}</Link>
                    </th>
                    <td>
                      <Link to={profileHref(proposal.target)}>{proposal.target.name}</Link>{" "}
                      <span className="muted">({t(`proposals.kind.${proposal.target.kind}`)})</span>
                    </td>
                    <td>{proposal.author.name}</td>
                    <td>
                      <StatusBadge status={proposal.status} />
                    </td>
                    <td>{t("proposals.list.votes", { up: proposal.up, down: proposal.down })}</td>
                    <td>{proposal.comments}</td>
                    <td>{formatDate(proposal.createdAt, "date")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </article>
  );
}
