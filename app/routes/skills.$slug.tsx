import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { notFound, requireUser } from "~/http/auth.server";
import { z } from "zod";
import { ShownText } from "~/components/ShownText";
import { LEVELS } from "~/domain/levels";
import { getSkillProfile } from "~/models/skills.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useFormatDate } from "~/utils/dates";
import { ProfileProposalsBar } from "~/components/ProfileProposalsBar";
import { findProfileTarget } from "~/models/profile-versions.server";
import { openProposalCount } from "~/models/proposals.server";
import { isFollowing } from "~/models/follows.server";
import { takeNotice } from "~/http/session.server";
import "~/locales/role";
import "~/locales/skills";
import "~/locales/suggest";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

const levelParam = z.enum(LEVELS).nullable().catch(null);
const savedParam = z.literal("saved").nullable().catch(null);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { language, t } = await getTranslator(request, context);
  const skill = await getSkillProfile(context.db, params.slug ?? "", language);
  if (!skill) throw new Response("Skill not found", { status: 404 });
  const level = levelParam.parse(new URL(request.url).searchParams.get("level"));
  const target = await findProfileTarget(context.db, "skill", skill.slug);
  if (!target) throw notFound();
  const proposals = { openCount: await openProposalCount(context.db, target), following: await isFollowing(context.db, user.id, target) };
  // The recruiter's edit comes back here with its notice.
  const { notice: saved, headers } = takeNotice(request, savedParam);
  return data(
    { title: pageTitle(t, skill.name), skill, level, proposals, canEdit: user.role === "recruiter", saved: saved !== null },
    { headers },
  );
}

export default function SkillProfilePage() {
  const { skill, level, proposals, canEdit, saved } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const submit = useSubmit();
  const shown = level ? skill.byLevel.filter((l) => l.level === level) : skill.byLevel;
  return (
    <article>
      <p className="muted">
        <Link to="/skills">{t("skills.title")}</Link> / {skill.name}
      </p>
      {saved && (
        <p className="success" role="status">
          {t("suggest.editSkill.saved")}
        </p>
      )}
      <h1>{skill.name}</h1>
      <ProfileProposalsBar
        kind="skill"
        slug={skill.slug}
        name={skill.name}
        {...proposals}
        editPath={canEdit ? `/skills/${skill.slug}/edit` : undefined}
      />
      {skill.description && <ShownText value={skill.description} as="p" />}
      <p className="muted">
        {t("skills.domain")}
        {t("app.colon")}
        {skill.domain}
        {skill.group && ` · ${t("skills.group")}${t("app.colon")}${skill.group}`}
        {skill.publishedOn && ` · ${t("skills.updated")}${t("app.colon")}${formatDate(skill.publishedOn, "date")}`}
      </p>
      <p>{t("skills.counts", { roles: skill.roleCount, mandatory: skill.mandatoryCount, optional: skill.optionalCount })}</p>
      <Form method="get" className="filters" preventScrollReset onChange={(e) => submit(e.currentTarget, { preventScrollReset: true })}>
        <div className="field">
          <label htmlFor="skill-level">{t("role.level")}</label>
          <select id="skill-level" name="level" defaultValue={level ?? ""} key={level ?? "all"}>
            <option value="">{t("role.allLevels")}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-secondary">
          {t("role.show")}
        </button>
      </Form>
      {shown.map(({ level: l, expectations }) => (
        <section key={l} aria-labelledby={`level-${l}`}>
          <h2 id={`level-${l}`}>{t(`levels.${l}`)}</h2>
          <div className="table-scroll">
            <table data-level={l}>
              <thead>
                <tr>
                  <th scope="col">{t("skills.columns.role")}</th>
                  <th scope="col">{t("skills.columns.mandatory")}</th>
                  <th scope="col">{t("skills.columns.description")}</th>
                </tr>
              </thead>
              <tbody>
                {expectations.map((e) => (
                  <tr key={e.roleSlug}>
                    <th scope="row">
                      <Link to={`/roles/${e.roleSlug}`}>{e.roleName}</Link>
                    </th>
                    <td>{e.mandatory ? <span className="badge badge-mandatory">{t("skills.yes")}</span> : t("skills.no")}</td>
                    <td>
                      <ShownText value={e.description} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </article>
  );
}
