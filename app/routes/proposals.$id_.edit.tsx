import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { RoleForm, typedBands } from "~/components/RoleForm";
import { NoChangeAlert, ProposalFields } from "~/components/ProposalFields";
import { SkillExpectationsForm } from "~/components/SkillExpectationsForm";
import { idealProfileSvg, sendChart } from "~/components/charts/chart-svg.server";
import { mayWithdraw } from "~/domain/proposals";
import { mergeChanges, type Json } from "~/domain/profile-diff";
import { getProposal } from "~/models/proposals.server";
import { readProfileDocument } from "~/models/profile-versions.server";
import { roleChoices } from "~/models/candidates.server";
import { handleRoleProposalForm, handleSkillProposalForm, idealBandsHiddenFor, type ProposalFormMode } from "~/http/proposal-form.server";
import { deniedAsNotFound, notFound, requireUser, type SessionUser } from "~/http/auth.server";
import { roleToFormValues } from "~/schemas/role-form";
import { roleFileSchema } from "~/schemas/role";
import { skillProfileDocumentSchema } from "~/schemas/skill";
import { skillToFormValues } from "~/schemas/skill-form";
import { parseRecordId } from "~/schemas/ids";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import "~/locales/role";
import "~/locales/role-form";
import "~/locales/suggest";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

/** The author's open proposal; anyone else, or a proposal no longer open, is answered 404. */
async function ownOpenProposal(request: Request, context: AppLoadContext, user: SessionUser, idParam: string | undefined) {
  const id = parseRecordId(idParam);
  const proposal = id === undefined ? undefined : await getProposal(context.db, id);
  if (!proposal) throw notFound();
  if (!mayWithdraw({ status: proposal.status, authorId: proposal.author.id }, user.id)) {
    throw deniedAsNotFound(request, user, "not the author of an open proposal");
  }
  return proposal;
}

/**
 * What the form starts from: what the proposal proposes; when the profile
 * moved on since its base version, the latest version with the proposal's
 * changes where they do not conflict, so the author resolves by editing
 * (their own version if the merge does not make a valid profile).
 */
async function startingDocument(context: AppLoadContext, proposal: Awaited<ReturnType<typeof ownOpenProposal>>): Promise<Json> {
  if (proposal.currentVersion === proposal.baseVersion) return proposal.after;
  const current = await readProfileDocument(context.db, proposal.target);
  return mergeChanges(proposal.before, current, proposal.changes).merged;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const proposal = await ownOpenProposal(request, context, user, params.id);
  const { language, t } = await getTranslator(request, context);
  const movedOn =
    proposal.currentVersion === proposal.baseVersion ? null : { base: proposal.baseVersion, current: proposal.currentVersion };
  const start = await startingDocument(context, proposal);
  const shared = {
    title: pageTitle(t, t("suggest.updateTitle", { title: proposal.title })),
    id: proposal.id,
    proposal: { title: proposal.title, rationale: proposal.rationale },
    target: { kind: proposal.target.kind, slug: proposal.target.slug, name: proposal.target.name },
    movedOn,
  };
  if (proposal.target.kind === "skill") {
    const merged = skillProfileDocumentSchema.safeParse(start);
    const document = merged.success ? merged.data : skillProfileDocumentSchema.parse(proposal.after);
    return {
      ...shared,
      form: { kind: "skill" as const, values: skillToFormValues(document.expectations), roles: await roleChoices(context.db) },
    };
  }
  const merged = roleFileSchema.safeParse(start);
  const role = merged.success ? merged.data : roleFileSchema.parse(proposal.after);
  const bandsHidden = await idealBandsHiddenFor(context, user, role.slug);
  const values = roleToFormValues(bandsHidden ? { ...role, idealProfile: null } : role);
  return {
    ...shared,
    form: {
      kind: "role" as const,
      values,
      bandsHidden,
      profileSvg: sendChart(context, idealProfileSvg(typedBands(values.idealProfile), language)),
      otherRoles: (await roleChoices(context.db)).filter((other) => other.slug !== role.slug),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const proposal = await ownOpenProposal(request, context, user, params.id);
  const mode: ProposalFormMode = { kind: "update", proposalId: proposal.id, authorId: user.id };
  if (proposal.target.kind === "skill") {
    const result = await handleSkillProposalForm(request, context, { slug: proposal.target.slug, mode });
    if (!("data" in result)) return result;
    return data({ ...result.data, kind: "skill" as const }, result.init ?? undefined);
  }
  const bandsHidden = await idealBandsHiddenFor(context, user, proposal.target.slug);
  const result = await handleRoleProposalForm(request, context, { slug: proposal.target.slug, mode, bandsHidden });
  if (!("data" in result)) return result;
  // The form comes back as posted: without JavaScript its chart is the server's, of the posted bands.
  const { language } = await getTranslator(request, context);
  return data(
    {
      ...result.data,
      kind: "role" as const,
      profileSvg: sendChart(context, idealProfileSvg(typedBands(result.data.values.idealProfile), language)),
    },
    result.init ?? undefined,
  );
}

export default function UpdateProposal() {
  const { id, proposal, target, movedOn, form } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields = <ProposalFields defaultValues={result?.proposal ?? proposal} errors={result?.errors} />;
  const errorsAlert = (count: number) => t("suggest.errors.hasErrors", { count });
  return (
    <>
      <p className="muted">
        <Link to="/proposals">{t("suggest.proposals")}</Link> / <Link to={`/${target.kind}s/${target.slug}`}>{target.name}</Link> /{" "}
        <Link to={`/proposals/${id}`}>{proposal.title}</Link>
      </p>
      <h1>{t("suggest.updateTitle", { title: proposal.title })}</h1>
      <p className="lede">{t("suggest.updateLede")}</p>
      {movedOn && (
        <div className="note" role="status">
          <p>
            <strong>{t("suggest.movedOn")}</strong>
          </p>
          <p>{t("suggest.movedOnHow", { base: movedOn.base, current: movedOn.current })}</p>
        </div>
      )}
      {result?.noChange && <NoChangeAlert />}
      {form.kind === "skill" ? (
        <SkillExpectationsForm
          key={result ? "posted" : "proposed"}
          defaultValues={result?.kind === "skill" ? result.values : form.values}
          roles={form.roles}
          serverErrors={result?.errors}
          submitLabel={t("suggest.update")}
          errorsAlert={errorsAlert}
          before={fields}
        />
      ) : (
        <RoleForm
          key={result ? "posted" : "proposed"}
          defaultValues={result?.kind === "role" ? result.values : form.values}
          profileSvg={result?.kind === "role" ? result.profileSvg : form.profileSvg}
          serverErrors={result?.errors}
          otherRoles={form.otherRoles}
          submitLabel={t("suggest.update")}
          fixedSlugHint={t("suggest.slugKept")}
          errorsAlert={errorsAlert}
          bandsHiddenNote={form.bandsHidden ? t("suggest.bandsHidden") : undefined}
          before={fields}
        />
      )}
    </>
  );
}
