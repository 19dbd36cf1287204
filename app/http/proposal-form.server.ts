import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { maySeeIdealBands } from "~/domain/blind";
import type { SessionUser } from "~/http/auth.server";
import { notFound } from "~/http/auth.server";
import { readFormData } from "~/http/forms.server";
import { findProfileTarget, readSkillProfileDocument } from "~/models/profile-versions.server";
import { createProposal, updateProposal, type ProposedContent } from "~/models/proposals.server";
import { readRoleFile } from "~/models/role-export.server";
import { ownScorecardStatusesOn } from "~/models/scorecards.server";
import { validateProposalFields, type ProposalFieldsResult } from "~/schemas/proposal-form";
import { formDataToValues, postedToFormValues, validateRoleForm } from "~/schemas/role-form";
import { postedToSkillFormValues, unknownRoleErrors, validateSkillForm } from "~/schemas/skill-form";

/*
 * The one action behind "Suggest a change" (/roles/:slug/propose,
 * /skills/:slug/propose) and the author's update (/proposals/:id/edit): the
 * profile's form validated by the editor's own schema, the proposal's title
 * and rationale beside it; then a proposal made (or rebased) on the profile's
 * latest version. Bad input answers 400 with every error by its field and
 * nothing written; success, 303 to the proposal.
 */

/** Who makes the proposal: a new one on the profile, or the author's update of their open one. */
export type ProposalFormMode = { kind: "create"; authorId: number } | { kind: "update"; proposalId: number; authorId: number };

/** Blind scoring (domain/blind.ts) holds on the proposal form too: an interviewer who may not see a role's bands neither sees nor proposes them. */
export async function idealBandsHiddenFor(context: AppLoadContext, user: SessionUser, roleSlug: string): Promise<boolean> {
  if (user.role === "recruiter") return false;
  return !maySeeIdealBands(user.role, await ownScorecardStatusesOn(context.db, user.id, { roleSlug }));
}

function proposalValues(values: Record<string, unknown>): { title: string; rationale: string } {
  return {
    title: typeof values.title === "string" ? values.title : "",
    rationale: typeof values.rationale === "string" ? values.rationale : "",
  };
}

function proposalErrors(result: ProposalFieldsResult): Record<string, string> {
  return result.ok ? {} : { ...result.errors };
}

/** Makes or updates the proposal; "no_change" is the member's to fix, anything not theirs is a 404. */
async function submit(
  context: AppLoadContext,
  target: { kind: "role" | "skill"; slug: string },
  mode: ProposalFormMode,
  fields: { title: string; rationale: string },
  proposed: ProposedContent,
): Promise<{ redirectTo: `/proposals/${number}` } | "no_change"> {
  const now = new Date();
  if (mode.kind === "create") {
    const created = await createProposal(
      context.db,
      { kind: target.kind, slug: target.slug, authorId: mode.authorId, ...fields, proposed },
      now,
    );
    if (created.status === "not_found") throw notFound();
    if (created.status === "no_change") return "no_change";
    return { redirectTo: `/proposals/${created.id}` };
  }
  const updated = await updateProposal(context.db, { id: mode.proposalId, authorId: mode.authorId, ...fields, proposed }, now);
  if (updated.status === "not_allowed") throw notFound();
  if (updated.status === "no_change") return "no_change";
  return { redirectTo: `/proposals/${mode.proposalId}` };
}

/**
 * A role proposal. The role keeps its slug whatever was posted; when the
 * member may not see the ideal bands (`bandsHidden`), the form has none and
 * the proposal keeps the role's as they are.
 */
export async function handleRoleProposalForm(
  request: Request,
  context: AppLoadContext,
  options: { slug: string; mode: ProposalFormMode; bandsHidden: boolean },
) {
  const current = await readRoleFile(context.db, options.slug);
  if (!current) throw notFound();
  const values = formDataToValues(await readFormData(request));
  values.slug = current.slug;
  const fields = validateProposalFields(values);
  const role = validateRoleForm(values);
  const shown = { values: postedToFormValues(values), proposal: proposalValues(values) };
  if (!fields.ok || !role.ok) {
    return data({ ...shown, errors: { ...(role.ok ? {} : role.errors), ...proposalErrors(fields) }, noChange: false }, { status: 400 });
  }
  const content = options.bandsHidden ? { ...role.data, idealProfile: current.idealProfile } : role.data;
  const result = await submit(context, { kind: "role", slug: current.slug }, options.mode, fields.data, { kind: "role", content });
  if (result === "no_change") return data({ ...shown, errors: {}, noChange: true }, { status: 400 });
  return redirect(result.redirectTo, 303);
}

/** Checks a skill profile form: the editor's schema, then the roles against the library. */
export async function readSkillForm(context: AppLoadContext, values: Record<string, unknown>) {
  const skill = validateSkillForm(values);
  if (!skill.ok) return skill;
  const unknown = new Set<string>();
  for (const slug of new Set(skill.data.expectations.map((expectation) => expectation.role))) {
    if (!(await findProfileTarget(context.db, "role", slug))) unknown.add(slug);
  }
  return unknown.size > 0 ? { ok: false as const, errors: unknownRoleErrors(values, unknown) } : skill;
}

/** A skill proposal: the skill's expectations as the form has them. */
export async function handleSkillProposalForm(
  request: Request,
  context: AppLoadContext,
  options: { slug: string; mode: ProposalFormMode },
) {
  const current = await readSkillProfileDocument(context.db, options.slug);
  if (!current) throw notFound();
  const values = formDataToValues(await readFormData(request));
  const fields = validateProposalFields(values);
  const skill = await readSkillForm(context, values);
  const shown = { values: postedToSkillFormValues(values), proposal: proposalValues(values) };
  if (!fields.ok || !skill.ok) {
    return data({ ...shown, errors: { ...(skill.ok ? {} : skill.errors), ...proposalErrors(fields) }, noChange: false }, { status: 400 });
  }
  const result = await submit(context, { kind: "skill", slug: current.slug }, options.mode, fields.data, {
    kind: "skill",
    expectations: skill.data.expectations,
  });
  if (result === "no_change") return data({ ...shown, errors: {}, noChange: true }, { status: 400 });
  return redirect(result.redirectTo, 303);
}
