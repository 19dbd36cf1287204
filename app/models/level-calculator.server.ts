import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { LEVELS, type Level } from "~/domain/levels";
import type { ShownText } from "~/domain/shown-text";
import { showText } from "~/models/shown-text";
import type { UiLanguage } from "~/utils/i18n";

/** A matrix cell that names no expectation at its level, as the documents print it. */
const NOT_EXPECTED = "—";

/**
 * What a skill asks at one level: the skill profile's text for the role where
 * the library has one; otherwise the matrix code as published, read with the
 * level's focus (the role's, one text for every skill: `levelFocus`). The
 * documents do not say what the codes mean, so a code is shown as it is.
 */
export type LevelExpectation = { kind: "profile"; text: ShownText } | { kind: "matrix"; code: string };

export type CalculatorSkill = {
  slug: string;
  name: string;
  /** Levels whose matrix cell names an expectation, in order. */
  expectedAt: Level[];
  /** Levels at which the role's skill profile makes the skill mandatory, in order. */
  mandatoryAt: Level[];
  /** What each level asks of the skill: every level it is expected or mandatory at. */
  expectations: Partial<Record<Level, LevelExpectation>>;
};

export type LevelCalculator = {
  role: { slug: string; name: string };
  /** The matrix's skills by skill domain, as the role page's matrix groups them; skills in matrix order. */
  groups: { name: string; skills: CalculatorSkill[] }[];
  /** Each level's focus, as the role's matrix states it. */
  levelFocus: Partial<Record<Level, ShownText>>;
};

/**
 * A role's skills matrix as the grade calculator asks it, texts in `lang` where
 * the data has them. Undefined when there is no such role, null when it has no
 * matrix skills to weigh.
 */
export async function getLevelCalculator(
  db: Kysely<Database>,
  slug: string,
  lang: UiLanguage,
): Promise<LevelCalculator | null | undefined> {
  const role = await db.selectFrom("roles").select(["id", "slug", "name", "content_language"]).where("slug", "=", slug).executeTakeFirst();
  if (!role) return undefined;
  const [cells, focusRows, profileRows] = await Promise.all([
    db
      .selectFrom("role_skill_cells")
      .innerJoin("skills", "skills.id", "role_skill_cells.skill_id")
      .innerJoin("skill_domains", "skill_domains.id", "skills.domain_id")
      .select([
        "role_skill_cells.skill_id",
        "role_skill_cells.level",
        "role_skill_cells.code",
        "skills.slug",
        "skills.name",
        "skill_domains.name as group_name",
      ])
      .where("role_skill_cells.role_id", "=", role.id)
      .orderBy("role_skill_cells.position")
      .execute(),
    db.selectFrom("role_level_focus").select(["level", "text"]).where("role_id", "=", role.id).execute(),
    db.selectFrom("skill_expectations").select(["skill_id", "level", "mandatory", "description"]).where("role_id", "=", role.id).execute(),
  ]);
  if (cells.length === 0) return null;

  // Skill profiles are published in English (showText below).
  const profiles = new Map(profileRows.map((row) => [`${row.skill_id}:${row.level}`, row]));
  const groups: LevelCalculator["groups"] = [];
  const skillsById = new Map<number, CalculatorSkill>();
  for (const cell of cells) {
    let skill = skillsById.get(cell.skill_id);
    if (!skill) {
      skill = { slug: cell.slug, name: cell.name, expectedAt: [], mandatoryAt: [], expectations: {} };
      skillsById.set(cell.skill_id, skill);
      let group = groups.find((g) => g.name === cell.group_name);
      if (!group) {
        group = { name: cell.group_name, skills: [] };
        groups.push(group);
      }
      group.skills.push(skill);
    }
    if (cell.code === NOT_EXPECTED) continue;
    skill.expectedAt.push(cell.level);
    skill.expectations[cell.level] = { kind: "matrix", code: cell.code };
  }
  for (const [skillId, skill] of skillsById) {
    skill.expectedAt = LEVELS.filter((level) => skill.expectedAt.includes(level));
    for (const level of LEVELS) {
      const profile = profiles.get(`${skillId}:${level}`);
      if (!profile) continue;
      // The profile's own words replace the focus and code; a mandatory level keeps its text even where the matrix prints "—".
      skill.expectations[level] = { kind: "profile", text: showText(profile.description, lang, "en") };
      if (profile.mandatory === 1) skill.mandatoryAt.push(level);
    }
  }
  const levelFocus: LevelCalculator["levelFocus"] = {};
  for (const row of focusRows) levelFocus[row.level] = showText(row.text, lang, role.content_language);
  return { role: { slug: role.slug, name: role.name }, groups, levelFocus };
}
