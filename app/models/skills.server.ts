import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { recordAudit } from "~/models/audit.server";
import {
  ensureVersioned,
  findProfileTarget,
  findSkillRow,
  recordVersion,
  replaceSkillExpectations,
  sortExpectations,
} from "~/models/profile-versions.server";
import type { ProfileExpectation } from "~/schemas/skill";
import { LEVELS, type Level } from "~/domain/levels";
import { showOptionalText, showText } from "~/models/shown-text";
import type { ShownText } from "~/domain/shown-text";
import type { UiLanguage } from "~/utils/i18n";

export type SkillProfileListItem = {
  slug: string;
  name: string;
  domain: string;
  group: string | null;
  roleCount: number;
  mandatoryCount: number;
  expectationCount: number;
};

/** Skills that have a skill profile (expectations by role and level), by name. */
export async function listSkillProfiles(db: Kysely<Database>): Promise<SkillProfileListItem[]> {
  const rows = await db
    .selectFrom("skills")
    .innerJoin("skill_domains", "skill_domains.id", "skills.domain_id")
    .innerJoin("skill_expectations", "skill_expectations.skill_id", "skills.id")
    .select((eb) => [
      "skills.slug",
      "skills.name",
      "skills.skill_group",
      "skill_domains.name as domain",
      eb.fn.count<number>("skill_expectations.role_id").distinct().as("role_count"),
      eb.fn.sum<number>("skill_expectations.mandatory").as("mandatory_count"),
      eb.fn.countAll<number>().as("expectation_count"),
    ])
    .groupBy(["skills.id", "skills.slug", "skills.name", "skills.skill_group", "skill_domains.name"])
    .orderBy("skills.name")
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    domain: r.domain,
    group: r.skill_group,
    roleCount: Number(r.role_count),
    mandatoryCount: Number(r.mandatory_count ?? 0),
    expectationCount: Number(r.expectation_count),
  }));
}

export type SkillExpectationRow = {
  roleSlug: string;
  roleName: string;
  mandatory: boolean;
  description: ShownText;
};

export type SkillProfile = {
  slug: string;
  name: string;
  domain: string;
  group: string | null;
  description: ShownText | null;
  publishedOn: string | null;
  byLevel: { level: Level; expectations: SkillExpectationRow[] }[];
  roleCount: number;
  mandatoryCount: number;
  optionalCount: number;
};

/** A skill's expectations per level and role; undefined when no such skill. */
export async function getSkillProfile(db: Kysely<Database>, slug: string, lang: UiLanguage): Promise<SkillProfile | undefined> {
  const skill = await findSkillRow(db, slug);
  if (!skill) return undefined;
  const rows = await db
    .selectFrom("skill_expectations")
    .innerJoin("roles", "roles.id", "skill_expectations.role_id")
    .select(["roles.slug", "roles.name", "skill_expectations.level", "skill_expectations.mandatory", "skill_expectations.description"])
    .where("skill_expectations.skill_id", "=", skill.id)
    .orderBy("roles.name")
    .execute();
  // Skill profiles are published with English descriptions, whatever the page's language.
  const byLevel = LEVELS.map((level) => ({
    level,
    expectations: rows
      .filter((r) => r.level === level)
      .map((r) => ({
        roleSlug: r.slug,
        roleName: r.name,
        mandatory: r.mandatory === 1,
        description: showText(r.description, lang, "en"),
      })),
  })).filter((l) => l.expectations.length > 0);
  const mandatoryCount = rows.filter((r) => r.mandatory === 1).length;
  return {
    slug: skill.slug,
    name: skill.name,
    domain: skill.domain,
    group: skill.skill_group,
    description: showOptionalText(skill.description, lang, "en"),
    publishedOn: skill.published_on,
    byLevel,
    roleCount: new Set(rows.map((r) => r.slug)).size,
    mandatoryCount,
    optionalCount: rows.length - mandatoryCount,
  };
}

export type SkillSaveResult = { status: "saved"; version: number } | { status: "not_found" } | { status: "unknown_roles"; roles: string[] };

/** A recruiter's edit of a skill's expectations: one transaction, a new version when anything changed, audited. */
export async function saveSkillExpectations(
  db: Kysely<Database>,
  args: { slug: string; actorId: number; expectations: readonly ProfileExpectation[] },
  now: Date,
): Promise<SkillSaveResult> {
  return inTransaction(db, async (trx): Promise<SkillSaveResult> => {
    const target = await findProfileTarget(trx, "skill", args.slug);
    if (!target) return { status: "not_found" };
    await ensureVersioned(trx, target, now);
    const saved = await replaceSkillExpectations(trx, target.id, sortExpectations(args.expectations));
    if (saved.status === "unknown_roles") return saved;
    const version = await recordVersion(trx, target, { source: "edit", madeBy: args.actorId }, now);
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "skill.update",
        entityType: "skill",
        entityId: target.id,
        details: { version: version.version },
      },
      now,
    );
    return { status: "saved", version: version.version };
  });
}
