import type { Kysely } from "kysely";
import type { AnchorRating } from "~/domain/anchors";
import type { Level } from "~/domain/levels";
import type { TraitKey } from "~/domain/traits";
import type { ContentLanguage, Database } from "~db/schema";
import { byTraitOrder, loadRoleQuestions, type StoredRoleQuestion } from "~/models/questions.server";
import { showText } from "~/models/shown-text";
import type { ShownText } from "~/domain/shown-text";
import { emptyCustomQuestion, type KitFormValues, type KitQuestionValues, type KitTextLang } from "~/schemas/kit";
import type { UiLanguage } from "~/utils/i18n";

/*
 * What the kit builder offers from a role. A kit copies its role's rows at
 * save time (kits.server.ts); the snapshot here is what both the builder's
 * offer and a save read of the role.
 */

/** Skill profiles are published in English (seed-documents 000/003/004). */
export const SKILL_PROFILE_LANGUAGE: ContentLanguage = "en";

// ---------- The role, as a kit copies it ----------

export type RoleSnapshot = {
  role: { id: number; slug: string; name: string; contentLanguage: ContentLanguage };
  traits: { trait: TraitKey; low: number; high: number; weight: number; statement: string | null }[];
  questions: StoredRoleQuestion[];
  strengths: { position: number; text: string }[];
  redFlags: { position: number; text: string }[];
  /** Every level; mandatory first, then by skill name. */
  expectations: { level: Level; skillName: string; mandatory: boolean; description: string }[];
};

/** The role's rows a kit copies, localized texts still as stored JSON; a fixed number of queries. */
export async function loadRoleSnapshot(db: Kysely<Database>, by: { slug: string } | { id: number }): Promise<RoleSnapshot | undefined> {
  const role = await (
    "slug" in by
      ? db.selectFrom("roles").select(["id", "slug", "name", "content_language"]).where("slug", "=", by.slug)
      : db.selectFrom("roles").select(["id", "slug", "name", "content_language"]).where("id", "=", by.id)
  ).executeTakeFirst();
  if (!role) return undefined;
  const [traits, questions, strengths, redFlags, expectations] = await Promise.all([
    db.selectFrom("role_traits").select(["trait", "low", "high", "weight", "statement"]).where("role_id", "=", role.id).execute(),
    loadRoleQuestions(db, role.id),
    db.selectFrom("role_strengths").select(["position", "text"]).where("role_id", "=", role.id).orderBy("position").execute(),
    db.selectFrom("role_red_flags").select(["position", "text"]).where("role_id", "=", role.id).orderBy("position").execute(),
    db
      .selectFrom("skill_expectations")
      .innerJoin("skills", "skills.id", "skill_expectations.skill_id")
      .select(["skill_expectations.level", "skills.name", "skill_expectations.mandatory", "skill_expectations.description"])
      .where("skill_expectations.role_id", "=", role.id)
      .orderBy("skill_expectations.mandatory", "desc")
      .orderBy("skills.name")
      .execute(),
  ]);
  return {
    role: { id: role.id, slug: role.slug, name: role.name, contentLanguage: role.content_language },
    traits: [...traits].sort((a, b) => byTraitOrder(a.trait, b.trait)),
    questions,
    strengths,
    redFlags,
    expectations: expectations.map((e) => ({
      level: e.level,
      skillName: e.name,
      mandatory: e.mandatory === 1,
      description: e.description,
    })),
  };
}

// ---------- The builder ----------

export type KitAnchorView = { trait: TraitKey; ratings: { rating: AnchorRating; text: ShownText }[] };

export type KitSourceQuestion = { id: number; text: ShownText; traits: TraitKey[]; anchors: KitAnchorView[] };

export type KitExpectationView = { skillName: string; mandatory: boolean; description: ShownText };

/** What the builder offers from a role, texts in the reader's language where the data has them. */
export type KitBuilderSource = {
  role: { slug: string; name: string; hasIdealProfile: boolean };
  questions: KitSourceQuestion[];
  strengths: { position: number; text: ShownText }[];
  redFlags: { position: number; text: ShownText }[];
  /** By level; each list mandatory first. */
  expectations: Record<Level, KitExpectationView[]>;
};

/** A question's anchors by trait, in the question's trait order. */
export function groupAnchors(
  anchors: readonly { trait: TraitKey; rating: AnchorRating; text: ShownText }[],
  traits: readonly TraitKey[],
): KitAnchorView[] {
  return traits.map((trait) => ({
    trait,
    ratings: anchors.filter((a) => a.trait === trait).map((a) => ({ rating: a.rating, text: a.text })),
  }));
}

/** What the builder offers from a role snapshot, texts in the reader's language where the data has them. */
export function builderSource(snapshot: RoleSnapshot, lang: UiLanguage): KitBuilderSource {
  const show = (json: string) => showText(json, lang, snapshot.role.contentLanguage);
  const expectationsAt = (level: Level): KitExpectationView[] =>
    snapshot.expectations
      .filter((e) => e.level === level)
      .map((e) => ({ skillName: e.skillName, mandatory: e.mandatory, description: showText(e.description, lang, SKILL_PROFILE_LANGUAGE) }));
  return {
    role: { slug: snapshot.role.slug, name: snapshot.role.name, hasIdealProfile: snapshot.traits.length > 0 },
    questions: snapshot.questions.map((q) => ({
      id: q.id,
      text: show(q.text),
      traits: q.traits,
      anchors: groupAnchors(
        q.anchors.map((a) => ({ trait: a.trait, rating: a.rating, text: show(a.text) })),
        q.traits,
      ),
    })),
    strengths: snapshot.strengths.map((s) => ({ position: s.position, text: show(s.text) })),
    redFlags: snapshot.redFlags.map((s) => ({ position: s.position, text: show(s.text) })),
    expectations: {
      junior: expectationsAt("junior"),
      mid: expectationsAt("mid"),
      senior: expectationsAt("senior"),
      lead: expectationsAt("lead"),
      principal: expectationsAt("principal"),
    },
  };
}

/** The builder's offer for the role `slug`; undefined when there is no such role. */
export async function getKitBuilderSource(db: Kysely<Database>, slug: string, lang: UiLanguage): Promise<KitBuilderSource | undefined> {
  const snapshot = await loadRoleSnapshot(db, { slug });
  return snapshot ? builderSource(snapshot, lang) : undefined;
}

/**
 * A new kit's form: every role question ticked in the role's order, no
 * strength or red flag picked yet, and one empty slot for an own question.
 */
export function newKitFormValues(source: KitBuilderSource, level: Level, lang: KitTextLang): KitFormValues {
  return {
    name: `${source.role.name} — ${level.charAt(0).toUpperCase()}${level.slice(1)}`,
    level,
    questions: [
      ...source.questions.map((q): KitQuestionValues => ({ source: `role:${q.id}`, include: true, text: {}, traits: [], anchors: {} })),
      emptyCustomQuestion(lang),
    ],
    strengths: source.strengths.map(() => false),
    redFlags: source.redFlags.map(() => false),
  };
}
