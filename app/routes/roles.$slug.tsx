import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { notFound, requireUser } from "~/http/auth.server";
import { z } from "zod";
import { IdealProfileChart } from "~/components/charts/IdealProfileChart";
import { DrawnChart } from "~/components/charts/DrawnChart";
import type { SentChart } from "~/components/charts/drawing";
import { idealProfileSvg, sendChart, successCaseSvg } from "~/components/charts/chart-svg.server";
import { IdealProfileTable } from "~/components/IdealProfileTable";
import { SuccessCaseChart, type SuccessCaseTrait } from "~/components/charts/success-case-chart";
import { ShownText, ShownTextList } from "~/components/ShownText";
import { FoldedSection } from "~/components/FoldedSection";
import { LEVEL_NAMES, LEVELS, type Level } from "~/domain/levels";
import {
  deleteRole,
  getRoleArchiveState,
  getRoleProfile,
  setRoleArchived,
  type RoleProfile,
  type RoleUses,
  type SkillsMatrix,
} from "~/models/roles.server";
import { roleNamesakes, roleSavedBy } from "~/models/role-writes.server";
import { ownScorecardStatusesOn } from "~/models/scorecards.server";
import { maySeeIdealBands } from "~/domain/blind";
import { TRAIT_KEYS } from "~/domain/traits";
import { useFormatDate } from "~/utils/dates";
import { ArchivedBanner, ArchiveSection } from "~/components/ArchiveSection";
import { ConfirmationPage } from "~/components/ConfirmedAction";
import type { ConfirmSpec, ConfirmText } from "~/utils/confirm";
import { readFormData } from "~/http/forms.server";
import { confirmationPage, isConfirmed } from "~/http/confirm.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { takeNotice } from "~/http/session.server";
import { ProfileProposalsBar } from "~/components/ProfileProposalsBar";
import { bandsSetBy, findProfileTarget } from "~/models/profile-versions.server";
import { openProposalCount } from "~/models/proposals.server";
import { isFollowing } from "~/models/follows.server";
import "~/locales/archive";
import "~/locales/ranking";
import "~/locales/role";
import "~/locales/role-form";
import "~/locales/role-import";
import "~/locales/roles";
import "~/locales/skills";
import "~/locales/suggest";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

const levelParam = z.enum(LEVELS).nullable().catch(null);
const importedParam = z.enum(["created", "replaced", "saved"]).nullable().catch(null);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { language, t } = await getTranslator(request, context);
  const role = await getRoleProfile(context.db, params.slug ?? "", language);
  if (!role) throw new Response("Role not found", { status: 404 });
  const url = new URL(request.url);
  const level = levelParam.parse(url.searchParams.get("level"));
  const { notice: imported, headers } = takeNotice(request, importedParam);
  const canEdit = user.role === "recruiter";
  // Blind scoring: as on the kit pages, the bands are left out of an unscored interviewer's data, not only out of the view.
  const bandsHidden =
    role.idealProfile !== null &&
    !maySeeIdealBands(user.role, canEdit ? [] : await ownScorecardStatusesOn(context.db, user.id, { roleSlug: role.slug }));
  // The documents' provenance notes hold for a role as loaded from them; a role a person saved says who and when.
  const savedBy = (await roleSavedBy(context.db, role.slug)) ?? null;
  const namesakes = canEdit ? await roleNamesakes(context.db, role) : [];
  const state = await getRoleArchiveState(context.db, role.slug);
  // Interviewers see that a role is archived, not what uses it.
  const archive = state && { archived: state.archived, uses: canEdit ? state.uses : null };
  const target = await findProfileTarget(context.db, "role", role.slug);
  if (!target) throw notFound();
  // The bands' note names who last changed the bands, not who last saved anything (a reworded red flag leaves them as they were).
  const bandsBy =
    bandsHidden || role.idealProfile === null
      ? null
      : ((await bandsSetBy(context.db, target.id, async () => savedBy ?? undefined)) ?? null);
  const proposals = { openCount: await openProposalCount(context.db, target), following: await isFollowing(context.db, user.id, target) };
  const successCase = successCaseOf(role, bandsHidden);
  return data(
    {
      title: pageTitle(t, role.name),
      role: bandsHidden ? { ...role, idealProfile: null, successCase: role.successCase && { ...role.successCase, profile: [] } } : role,
      bandsHidden,
      profileSvg: !bandsHidden && role.idealProfile ? sendChart(context, idealProfileSvg(role.idealProfile, language)) : null,
      successCase: successCase && { ...successCase, svg: sendChart(context, successCaseSvg(successCase.traits, language)) },
      successCaseHidden: bandsHidden && (role.successCase?.profile.length ?? 0) > 0,
      savedBy,
      bandsBy,
      namesakes,
      level,
      imported,
      canEdit,
      archive,
      proposals,
    },
    { headers },
  );
}

/**
 * The success case's profile as the page draws it: every trait, with the
 * case's score where it is given and the role's band where it has one. None
 * when the case gives no score, or the reader may not see the bands yet
 * (blind scoring: a successful case's scores would anchor ratings as the bands would).
 */
function successCaseOf(role: RoleProfile, bandsHidden: boolean): { traits: SuccessCaseTrait[] } | null {
  const profile = role.successCase?.profile ?? [];
  if (bandsHidden || profile.length === 0) return null;
  return {
    traits: TRAIT_KEYS.map((trait) => {
      const band = role.idealProfile?.find((b) => b.trait === trait);
      return {
        trait,
        score: profile.find((p) => p.trait === trait)?.score ?? null,
        band: band ? { low: band.low, high: band.high } : null,
      };
    }),
  };
}

const USE_KINDS = ["kits", "candidates", "results", "links", "skills"] as const;

/** Why a role cannot be deleted: what uses it, counted (candidates and results up to a limit: "1000 or more"). */
function roleBlockers(uses: RoleUses): ConfirmText[] {
  return USE_KINDS.filter((kind) => uses[kind] > 0).map((kind) => {
    const params = { count: uses[kind] };
    if (kind === "candidates" && uses.countedInPart.includes(kind)) return { key: "archive.role.uses.candidatesOrMore", params };
    if (kind === "results" && uses.countedInPart.includes(kind)) return { key: "archive.role.uses.resultsOrMore", params };
    return { key: `archive.role.uses.${kind}`, params };
  });
}

function archiveRoleSpec(name: string): ConfirmSpec {
  return {
    title: { key: "archive.role.archiveTitle", params: { name } },
    lost: [{ key: "archive.role.archiveLost" }],
    confirm: { key: "archive.role.confirmArchive" },
  };
}

function deleteRoleSpec(name: string): ConfirmSpec {
  return {
    title: { key: "archive.role.deleteTitle", params: { name } },
    lost: [{ key: "archive.role.deleteLost" }],
    confirm: { key: "archive.deleteForGood" },
  };
}

/** Archive (asks first), restore, and delete (asks first; refused while anything uses the role): recruiters only. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const slug = params.slug ?? "";
  const state = await getRoleArchiveState(context.db, slug);
  if (!state) throw notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const now = new Date();
  const { name } = state;
  if (intent === "archive" || intent === "restore") {
    if (intent === "archive" && !isConfirmed(formData)) return confirmationPage(formData, archiveRoleSpec(name));
    await setRoleArchived(context.db, { roleId: state.id, archived: intent === "archive", actorId: user.id }, now);
    return redirect(`/roles/${slug}`, 303);
  }
  if (intent === "delete") {
    if (!isConfirmed(formData)) return confirmationPage(formData, deleteRoleSpec(name));
    const outcome = await deleteRole(context.db, { slug, actorId: user.id }, now);
    if (outcome === "notFound") throw notFound();
    if (outcome === "used") return data({ deleteRefused: true }, { status: 409 });
    return redirect("/roles", 303);
  }
  throw new Response("Unknown action", { status: 400 });
}

type SavedBy = { name: string; at: string } | null;

function IdealProfileSection({
  role,
  bandsBy,
  bandsHidden,
  profileSvg,
}: {
  role: RoleProfile;
  bandsBy: SavedBy;
  bandsHidden: boolean;
  profileSvg: SentChart | null;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const profile = role.idealProfile;
  return (
    <section aria-labelledby="ideal-profile">
      <h2 id="ideal-profile">{t("role.idealProfile")}</h2>
      {bandsHidden ? (
        <p className="note" data-testid="bands-hidden">
          {t("role.idealProfileHidden")}
        </p>
      ) : profile === null ? (
        <p className="note">{t("role.noIdealProfile")}</p>
      ) : (
        <>
          {bandsBy ? (
            <p className="note">{t("role.bandsSetBy", { name: bandsBy.name, date: formatDate(bandsBy.at, "date") })}</p>
          ) : (
            profile.some((p) => p.bandSource === "team") && <p className="note">{t("role.bandsSetByTeam")}</p>
          )}
          {profileSvg && (
            <IdealProfileChart bands={profile}>
              <DrawnChart svg={profileSvg} />
            </IdealProfileChart>
          )}
          <IdealProfileTable profile={profile} caption={t("role.idealProfile")} testId="ideal-profile-table" />
        </>
      )}
    </section>
  );
}

function QuestionsSection({ role }: { role: RoleProfile }) {
  const { t } = useTranslation();
  if (role.questions.length === 0) return null;
  return (
    <section aria-labelledby="questions">
      <h2 id="questions">{t("role.questions")}</h2>
      <ol>
        {role.questions.map((q, index) => (
          <li key={q.id} className="question">
            <ShownText value={q.text} as="p" />
            <p>
              <strong>
                {t("role.evaluates")}
                {t("app.colon")}
              </strong>
              {q.traits.map((trait) => t(`traits.${trait}`)).join(t("app.listSeparator"))}
              {q.evaluatesNote && (
                <>
                  {" — "}
                  <ShownText value={q.evaluatesNote} />
                </>
              )}
            </p>
            {q.anchors.length > 0 && (
              <FoldedSection
                name={`anchors-${index + 1}`}
                summary={t("role.anchors")}
                showLabel={t("role.showAnchors", { number: index + 1 })}
              >
                {() =>
                  q.traits.map((trait) => (
                    <div key={trait} className="anchors">
                      <h3>{t(`traits.${trait}`)}</h3>
                      <dl>
                        {q.anchors
                          .filter((a) => a.trait === trait)
                          .map((a) => (
                            <div key={a.rating}>
                              <dt>{t("role.anchorRating", { rating: a.rating })}</dt>
                              <dd>
                                <ShownText value={a.text} />
                              </dd>
                            </div>
                          ))}
                      </dl>
                    </div>
                  ))
                }
              </FoldedSection>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function TransitionsSection({ role }: { role: RoleProfile }) {
  const { t } = useTranslation();
  if (role.transitions.length === 0) return null;
  return (
    <section aria-labelledby="transitions">
      <h2 id="transitions">{t("role.transitions")}</h2>
      <p className="muted">{t("role.transitionsIntro")}</p>
      <div className="table-scroll">
        <table data-testid="transitions-table">
          <thead>
            <tr>
              <th scope="col">{t("roles.columns.name")}</th>
              <th scope="col" className="num">
                {t("role.publishedFit")}
              </th>
              <th scope="col">{t("role.strengthsForMove")}</th>
              <th scope="col">{t("role.areasToDevelop")}</th>
            </tr>
          </thead>
          <tbody>
            {role.transitions.map((tr) => (
              <tr key={tr.targetSlug}>
                <th scope="row">{tr.targetInLibrary ? <Link to={`/roles/${tr.targetSlug}`}>{tr.targetName}</Link> : tr.targetName}</th>
                <td className="num">{tr.publishedFit}%</td>
                <td className="prose-cell">
                  <ShownTextList items={tr.strengths} />
                </td>
                <td>
                  <ul className="compact">
                    {tr.deltas.map((d) => (
                      <li key={d.trait}>
                        {t(`traits.${d.trait}`)} {d.delta > 0 ? `+${d.delta}` : d.delta}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function codeCounts(matrix: SkillsMatrix, level: Level): [string, number][] {
  const counts = new Map<string, number>();
  for (const group of matrix.groups) {
    for (const skill of group.skills) {
      const code = skill.codes[level];
      if (code !== null) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function SkillsMatrixSection({ slug, matrix, level }: { slug: string; matrix: SkillsMatrix; level: Level | null }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const shownLevels = level ? [level] : [...LEVELS];
  const skillCount = matrix.groups.reduce((n, g) => n + g.skills.length, 0);
  const focus = level ? matrix.levelFocus[level] : undefined;
  return (
    <section aria-labelledby="skills-matrix">
      <h2 id="skills-matrix">{t("role.skillsMatrix")}</h2>
      <p className="muted">
        {t("role.skillsMatrixCounts", { skills: skillCount, groups: matrix.groups.length })} {t("role.skillsMatrixIntro")}
      </p>
      {skillCount > 0 && (
        <p>
          {t("role.gradeCalculatorIntro")} <Link to={`/roles/${slug}/level`}>{t("role.gradeCalculator")}</Link>
        </p>
      )}
      <Form method="get" className="filters" preventScrollReset onChange={(e) => submit(e.currentTarget, { preventScrollReset: true })}>
        <div className="field">
          <label htmlFor="matrix-level">{t("role.level")}</label>
          <select id="matrix-level" name="level" defaultValue={level ?? ""} key={level ?? "all"}>
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
      {level && (
        <div className="cards" data-testid="level-summary">
          {focus && (
            <div className="card">
              <h3>
                {t("role.levelFocus")}
                {t("app.colon")}
                {t(`levels.${level}`)}
              </h3>
              <ShownText value={focus} as="p" />
            </div>
          )}
          <div className="card">
            <h3>{t("role.codeCounts")}</h3>
            <ul className="compact">
              {codeCounts(matrix, level).map(([code, count]) => (
                <li key={code}>
                  <code>{code}</code>: {count}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <div className="table-scroll">
        <table data-testid="skills-matrix-table">
          <thead>
            <tr>
              <th scope="col">{t("role.skill")}</th>
              {shownLevels.map((l) => (
                <th key={l} scope="col" className="code">
                  <abbr title={t(`levels.${l}`)}>{LEVEL_NAMES[l].short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          {matrix.groups.map((group) => (
            <tbody key={group.name}>
              <tr>
                <th scope="colgroup" colSpan={shownLevels.length + 1}>
                  {group.name} ({group.skills.length})
                </th>
              </tr>
              {group.skills.map((skill) => (
                <tr key={skill.slug}>
                  <th scope="row">{skill.hasProfile ? <Link to={`/skills/${skill.slug}`}>{skill.name}</Link> : skill.name}</th>
                  {shownLevels.map((l) => (
                    <td key={l} className="code">
                      {skill.codes[l] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {!level && Object.keys(matrix.levelFocus).length > 0 && (
        <>
          <h3>{t("role.levelFocus")}</h3>
          <dl>
            {LEVELS.filter((l) => matrix.levelFocus[l]).map((l) => {
              const text = matrix.levelFocus[l];
              return (
                <div key={l}>
                  <dt>{t(`levels.${l}`)}</dt>
                  <dd>{text && <ShownText value={text} />}</dd>
                </div>
              );
            })}
          </dl>
        </>
      )}
      {matrix.technologies.length > 0 && (
        <>
          <h3>{t("role.technologies")}</h3>
          <p>{matrix.technologies.join(", ")}</p>
        </>
      )}
    </section>
  );
}

function SkillExpectationsSection({ role }: { role: RoleProfile }) {
  const { t } = useTranslation();
  if (role.skillExpectations.length === 0) return null;
  return (
    <section aria-labelledby="skill-expectations">
      <h2 id="skill-expectations">{t("role.skillExpectations")}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("role.skill")}</th>
              <th scope="col">{t("role.level")}</th>
              <th scope="col">{t("skills.columns.mandatory")}</th>
              <th scope="col">{t("skills.columns.description")}</th>
            </tr>
          </thead>
          <tbody>
            {role.skillExpectations.map((e) => (
              <tr key={`${e.skillSlug}-${e.level}`}>
                <th scope="row">
                  <Link to={`/skills/${e.skillSlug}`}>{e.skillName}</Link>
                </th>
                <td>{t(`levels.${e.level}`)}</td>
                <td>{e.mandatory ? <span className="badge badge-mandatory">{t("role.mandatory")}</span> : t("role.optional")}</td>
                <td>
                  <ShownText value={e.description} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function RolePage() {
  const {
    role,
    bandsHidden,
    profileSvg,
    successCase,
    successCaseHidden,
    savedBy,
    bandsBy,
    namesakes,
    level,
    imported,
    canEdit,
    archive,
    proposals,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const confirmation = actionData && "confirmation" in actionData ? actionData.confirmation : undefined;
  if (confirmation) return <ConfirmationPage confirmation={confirmation} />;
  return (
    <article>
      <p className="muted">
        <Link to="/roles">{t("roles.title")}</Link> / {role.name}
      </p>
      {imported && (
        <p className="success" role="status">
          {imported === "created" ? t("roleImport.imported") : imported === "replaced" ? t("roleImport.replaced") : t("roleForm.saved")}
        </p>
      )}
      <h1>{role.name}</h1>
      {namesakes.length > 0 && (
        <p className="note" data-testid="role-namesakes">
          {t("roleForm.sameName")}{" "}
          {namesakes.map((other, i) => (
            <span key={other.slug}>
              {i > 0 && ", "}
              <Link to={`/roles/${other.slug}`}>{other.name}</Link> ({other.slug})
            </span>
          ))}
        </p>
      )}
      <ArchivedBanner archived={archive?.archived ?? null} canRestore={canEdit} />
      {canEdit && (
        <div className="actions">
          <Link className="button" to={`/roles/${role.slug}/edit`}>
            {t("role.edit")}
          </Link>
          <a className="button button-secondary" href={`/roles/${role.slug}/export`} download>
            {t("role.export")}
          </a>
          <Link className="button button-secondary" to={`/kits/new?role=${role.slug}&level=senior`}>
            {t("role.buildKit")}
          </Link>
          <Link className="button button-secondary" to={`/roles/${role.slug}/candidates`}>
            {t("ranking.link")}
          </Link>
        </div>
      )}
      <ProfileProposalsBar kind="role" slug={role.slug} name={role.name} {...proposals} />
      <p className="muted">
        {t("role.family")}
        {t("app.colon")}
        {role.family}
      </p>
      {role.summary && <ShownText value={role.summary} as="p" />}

      <IdealProfileSection role={role} bandsBy={bandsBy} bandsHidden={bandsHidden} profileSvg={profileSvg} />

      {(role.strengths.length > 0 || role.redFlags.length > 0) && (
        <div className="cards">
          {role.strengths.length > 0 && (
            <section className="card" aria-labelledby="strengths">
              <h2 id="strengths">{t("role.strengths")}</h2>
              <ShownTextList items={role.strengths} />
            </section>
          )}
          {role.redFlags.length > 0 && (
            <section className="card" aria-labelledby="red-flags">
              <h2 id="red-flags">{t("role.redFlags")}</h2>
              <ShownTextList items={role.redFlags} />
            </section>
          )}
        </div>
      )}

      <QuestionsSection role={role} />
      <TransitionsSection role={role} />

      {(role.idealProfile || bandsHidden) && (
        <section aria-labelledby="similar-roles">
          <h2 id="similar-roles">{t("role.similarRoles")}</h2>
          {role.similarRoles.length === 0 ? (
            <p className="muted">{savedBy ? t("role.noSimilarRolesListed") : t("role.noSimilarRoles")}</p>
          ) : (
            <ul className="compact">
              {role.similarRoles.map((s) => (
                <li key={s.slug}>{s.inLibrary ? <Link to={`/roles/${s.slug}`}>{s.name}</Link> : s.name}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      {role.successCase && (
        <section aria-labelledby="success-case">
          <h2 id="success-case">{t("role.successCase")}</h2>
          <h3>
            <ShownText value={role.successCase.title} />
          </h3>
          <ShownText value={role.successCase.story} as="p" />
          {successCase && (
            <>
              <h3>{t("role.successProfile")}</h3>
              <SuccessCaseChart traits={successCase.traits} svg={successCase.svg} />
            </>
          )}
          {successCaseHidden && (
            <p className="note" data-testid="success-case-hidden">
              {t("role.successProfileHidden")}
            </p>
          )}
        </section>
      )}

      {role.archetypes.length > 0 && (
        <section aria-labelledby="archetypes">
          <h2 id="archetypes">{t("role.archetypes")}</h2>
          <div className="cards">
            {role.archetypes.map((a, i) => (
              <div className="card" key={i}>
                <h3>
                  <ShownText value={a.name} />
                </h3>
                <ShownText value={a.description} as="p" />
              </div>
            ))}
          </div>
        </section>
      )}

      {role.skillsMatrix && <SkillsMatrixSection slug={role.slug} matrix={role.skillsMatrix} level={level} />}
      <SkillExpectationsSection role={role} />

      {canEdit && archive?.uses && (
        <ArchiveSection
          archived={archive.archived !== null}
          intro={{ key: "archive.role.intro" }}
          archiveSpec={archiveRoleSpec(role.name)}
          deleteSpec={deleteRoleSpec(role.name)}
          blockers={roleBlockers(archive.uses)}
          refused={actionData !== undefined && "deleteRefused" in actionData}
        />
      )}
    </article>
  );
}
