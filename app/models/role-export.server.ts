import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { AnchorRating } from "~/domain/anchors";
import { LEVELS, type Level } from "~/domain/levels";
import { isWeight, TRAIT_KEYS, traitRecord, type TraitKey } from "~/domain/traits";
import { parseLocalized, type LocalizedText } from "~/schemas/localized";
import { ROLE_FORMAT, type RoleFile } from "~/schemas/role";
import { loadRoleQuestions } from "~/models/questions.server";

/*
 * Reads a role back into its file format ("traitkit.role/v1"): the inverse of
 * insertRole, so export → import on an empty database → export gives the same
 * JSON. Keys are written in the schema's order.
 */

function required(json: string): LocalizedText {
  const text = parseLocalized(json);
  if (!text) throw new Error("A required localized text is empty");
  return text;
}

function byTrait<T extends { trait: TraitKey }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => TRAIT_KEYS.indexOf(a.trait) - TRAIT_KEYS.indexOf(b.trait));
}

export async function readRoleFile(db: Kysely<Database>, slug: string): Promise<RoleFile | undefined> {
  const role = await db.selectFrom("roles").selectAll().where("slug", "=", slug).executeTakeFirst();
  if (!role) return undefined;
  const roleId = role.id;

  const [
    traits,
    strengths,
    redFlags,
    questions,
    transitions,
    transitionStrengths,
    deltas,
    similar,
    archetypes,
    focus,
    technologies,
    cells,
    caseScores,
  ] = await Promise.all([
    db.selectFrom("role_traits").selectAll().where("role_id", "=", roleId).execute(),
    db.selectFrom("role_strengths").select("text").where("role_id", "=", roleId).orderBy("position").execute(),
    db.selectFrom("role_red_flags").select("text").where("role_id", "=", roleId).orderBy("position").execute(),
    loadRoleQuestions(db, roleId),
    db.selectFrom("transitions").selectAll().where("role_id", "=", roleId).orderBy("position").execute(),
    db
      .selectFrom("transition_strengths")
      .innerJoin("transitions", "transitions.id", "transition_strengths.transition_id")
      .select(["transition_strengths.transition_id", "transition_strengths.text"])
      .where("transitions.role_id", "=", roleId)
      .orderBy("transition_strengths.position")
      .execute(),
    db
      .selectFrom("transition_deltas")
      .innerJoin("transitions", "transitions.id", "transition_deltas.transition_id")
      .select(["transition_deltas.transition_id", "transition_deltas.trait", "transition_deltas.delta"])
      .where("transitions.role_id", "=", roleId)
      .execute(),
    db.selectFrom("similar_roles").select(["similar_slug", "similar_name"]).where("role_id", "=", roleId).orderBy("position").execute(),
    db.selectFrom("archetypes").select(["name", "description"]).where("role_id", "=", roleId).orderBy("position").execute(),
    db.selectFrom("role_level_focus").select(["level", "text"]).where("role_id", "=", roleId).execute(),
    db.selectFrom("role_technologies").select("name").where("role_id", "=", roleId).orderBy("position").execute(),
    db
      .selectFrom("role_skill_cells")
      .innerJoin("skills", "skills.id", "role_skill_cells.skill_id")
      .innerJoin("skill_domains", "skill_domains.id", "skills.domain_id")
      .select([
        "role_skill_cells.level",
        "role_skill_cells.code",
        "role_skill_cells.position",
        "skills.slug",
        "skills.name",
        "skill_domains.name as group_name",
      ])
      .where("role_skill_cells.role_id", "=", roleId)
      .orderBy("role_skill_cells.position")
      .execute(),
    db.selectFrom("role_success_case_traits").select(["trait", "score"]).where("role_id", "=", roleId).execute(),
  ]);

  const idealProfile: RoleFile["idealProfile"] =
    traits.length === 0
      ? null
      : (() => {
          const band = (trait: TraitKey) => {
            const row = traits.find((t) => t.trait === trait);
            if (!row) throw new Error(`Role ${slug} has an incomplete ideal profile (${trait} missing)`);
            const weight = row.weight;
            if (!isWeight(weight)) throw new Error(`Role ${slug} has weight ${weight}`);
            return { low: row.low, high: row.high, weight, statement: parseLocalized(row.statement), bandSource: row.band_source };
          };
          return traitRecord(band);
        })();

  const levelFocus: Partial<Record<Level, LocalizedText>> = {};
  for (const level of LEVELS) {
    const row = focus.find((f) => f.level === level);
    if (row) levelFocus[level] = required(row.text);
  }

  const groups: NonNullable<RoleFile["skillsMatrix"]>["groups"] = [];
  const skillCodes = new Map<string, Partial<Record<Level, string>>>();
  for (const cell of cells) {
    let group = groups.find((g) => g.name === cell.group_name);
    if (!group) {
      group = { name: cell.group_name, skills: [] };
      groups.push(group);
    }
    if (!skillCodes.has(cell.slug)) {
      skillCodes.set(cell.slug, {});
      group.skills.push({ slug: cell.slug, name: cell.name, codes: { junior: "", mid: "", senior: "", lead: "", principal: "" } });
    }
    const skill = group.skills.find((s) => s.slug === cell.slug);
    if (skill) skill.codes[cell.level] = cell.code;
  }
  const hasMatrix = cells.length > 0 || focus.length > 0 || technologies.length > 0;

  return {
    format: ROLE_FORMAT,
    slug: role.slug,
    name: role.name,
    family: role.family,
    contentLanguage: role.content_language,
    summary: parseLocalized(role.summary),
    sourceNote: role.source_note,
    idealProfile,
    strengths: strengths.map((s) => required(s.text)),
    redFlags: redFlags.map((s) => required(s.text)),
    questions: questions.map((q) => {
      const anchorsOfQuestion: Partial<Record<TraitKey, { "1": LocalizedText; "3": LocalizedText; "5": LocalizedText }>> = {};
      for (const trait of q.traits) {
        const of = (rating: AnchorRating) => {
          const row = q.anchors.find((a) => a.trait === trait && a.rating === rating);
          if (!row) throw new Error(`Question ${q.id} lacks anchor ${rating} for ${trait}`);
          return required(row.text);
        };
        anchorsOfQuestion[trait] = { "1": of(1), "3": of(3), "5": of(5) };
      }
      return {
        text: required(q.text),
        evaluatesNote: parseLocalized(q.evaluatesNote),
        traits: q.traits,
        anchors: anchorsOfQuestion,
      };
    }),
    transitions: transitions.map((tr) => {
      const deltasOfTransition: Partial<Record<TraitKey, number>> = {};
      for (const d of byTrait(deltas.filter((d) => d.transition_id === tr.id))) deltasOfTransition[d.trait] = d.delta;
      return {
        target: tr.target_slug,
        targetName: tr.target_name,
        publishedFit: tr.published_fit,
        strengths: transitionStrengths.filter((s) => s.transition_id === tr.id).map((s) => required(s.text)),
        deltas: deltasOfTransition,
      };
    }),
    similarRoles: similar.map((s) => ({ slug: s.similar_slug, name: s.similar_name })),
    successCase:
      role.success_case_title && role.success_case_story
        ? {
            title: required(role.success_case_title),
            story: required(role.success_case_story),
            // A case without scores has no profile key, so an older file exports as it was imported.
            ...(caseScores.length === 0 ? {} : { profile: Object.fromEntries(byTrait(caseScores).map((row) => [row.trait, row.score])) }),
          }
        : null,
    archetypes: archetypes.map((a) => ({ name: required(a.name), description: required(a.description) })),
    skillsMatrix: hasMatrix ? { levelFocus, technologies: technologies.map((t) => t.name), groups } : null,
  };
}
