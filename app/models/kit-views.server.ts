import { contentLanguageOf } from "~/domain/languages";
import type { Kysely } from "kysely";
import type { AnchorRating } from "~/domain/anchors";
import { diffKitVersions, type KitVersionChange } from "~/domain/kit-versions";
import type { Level } from "~/domain/levels";
import type { TraitKey } from "~/domain/traits";
import type { ContentLanguage, Database, LevelColumn } from "~db/schema";
import {
  builderSource,
  groupAnchors,
  loadRoleSnapshot,
  SKILL_PROFILE_LANGUAGE,
  type KitAnchorView,
  type KitBuilderSource,
  type KitExpectationView,
} from "~/models/kit-builder.server";
import { byTraitOrder, loadKitVersionQuestions, type StoredKitQuestion } from "~/models/questions.server";
import { showOptionalText, showText } from "~/models/shown-text";
import type { ShownText } from "~/domain/shown-text";
import {
  emptyCustomQuestion,
  KIT_TEXT_LANGS,
  type KitFormValues,
  type KitQuestionValues,
  type KitTextLang,
  type KitTextValues,
} from "~/schemas/kit";
import { parseLocalized, pickText } from "~/schemas/localized";
import type { UiLanguage } from "~/utils/i18n";

/*
 * A kit's versions as readers see them: the kit page with every version and
 * what changed between them (the comparison is domain/kit-versions.ts), one
 * version for print, and the builder form of the latest version for editing.
 */

/** A stored version with its content, texts as stored JSON. */
export type StoredKitVersion = {
  id: number;
  version: number;
  name: string;
  level: LevelColumn;
  roleSlug: string;
  roleName: string;
  contentLanguage: ContentLanguage;
  createdAt: string;
  createdByName: string | null;
  assessmentCount: number;
  traits: { trait: TraitKey; low: number; high: number; weight: number; statement: string | null }[];
  questions: StoredKitQuestion[];
  strengths: string[];
  redFlags: string[];
  expectations: { skillName: string; mandatory: boolean; description: string }[];
};

/**
 * The versions of a kit (all, or only `version`), oldest first, with their
 * content: eight queries whatever the number of versions and questions.
 */
async function loadVersions(db: Kysely<Database>, kitId: number, only?: number): Promise<StoredKitVersion[]> {
  let versionQuery = db
    .selectFrom("kit_versions")
    .leftJoin("users", "users.id", "kit_versions.created_by")
    .select((eb) => [
      "kit_versions.id",
      "kit_versions.version",
      "kit_versions.name",
      "kit_versions.level",
      "kit_versions.role_slug",
      "kit_versions.role_name",
      "kit_versions.content_language",
      "kit_versions.created_at",
      "users.name as created_by_name",
      eb
        .selectFrom("assessments")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("assessments.kit_version_id", "=", "kit_versions.id")
        .as("assessment_count"),
    ])
    .where("kit_versions.kit_id", "=", kitId)
    .orderBy("kit_versions.version");
  if (only !== undefined) versionQuery = versionQuery.where("kit_versions.version", "=", only);
  const versions = await versionQuery.execute();
  const ids = versions.map((v) => v.id);
  if (ids.length === 0) return [];

  const [traits, questions, strengths, redFlags, expectations] = await Promise.all([
    db.selectFrom("kit_version_traits").selectAll().where("kit_version_id", "in", ids).execute(),
    loadKitVersionQuestions(db, ids),
    db.selectFrom("kit_strengths").select(["kit_version_id", "text"]).where("kit_version_id", "in", ids).orderBy("position").execute(),
    db.selectFrom("kit_red_flags").select(["kit_version_id", "text"]).where("kit_version_id", "in", ids).orderBy("position").execute(),
    db.selectFrom("kit_expectations").selectAll().where("kit_version_id", "in", ids).orderBy("position").execute(),
  ]);

  return versions.map((v) => ({
    id: v.id,
    version: v.version,
    name: v.name,
    level: v.level,
    roleSlug: v.role_slug,
    roleName: v.role_name,
    contentLanguage: v.content_language,
    createdAt: v.created_at,
    createdByName: v.created_by_name,
    assessmentCount: Number(v.assessment_count ?? 0),
    traits: traits
      .filter((t) => t.kit_version_id === v.id)
      .map((t) => ({ trait: t.trait, low: t.low, high: t.high, weight: t.weight, statement: t.statement }))
      .sort((a, b) => byTraitOrder(a.trait, b.trait)),
    questions: questions.get(v.id) ?? [],
    strengths: strengths.filter((s) => s.kit_version_id === v.id).map((s) => s.text),
    redFlags: redFlags.filter((s) => s.kit_version_id === v.id).map((s) => s.text),
    expectations: expectations
      .filter((e) => e.kit_version_id === v.id)
      .map((e) => ({ skillName: e.skill_name, mandatory: e.mandatory === 1, description: e.description })),
  }));
}

export type KitQuestionView = {
  id: number;
  position: number;
  text: ShownText;
  fromRole: boolean;
  traits: TraitKey[];
  anchors: KitAnchorView[];
};

/** One version as readers see it. */
export type KitVersionView = {
  id: number;
  version: number;
  name: string;
  level: Level;
  roleSlug: string;
  roleName: string;
  createdAt: string;
  createdByName: string | null;
  assessmentCount: number;
  /** The role's ideal profile when the version was saved; null when the role had none. */
  idealProfile: { trait: TraitKey; low: number; high: number; weight: number; statement: ShownText | null }[] | null;
  questions: KitQuestionView[];
  strengths: ShownText[];
  redFlags: ShownText[];
  expectations: KitExpectationView[];
};

function showVersion(raw: StoredKitVersion, lang: UiLanguage): KitVersionView {
  const show = (json: string) => showText(json, lang, raw.contentLanguage);
  return {
    id: raw.id,
    version: raw.version,
    name: raw.name,
    level: raw.level,
    roleSlug: raw.roleSlug,
    roleName: raw.roleName,
    createdAt: raw.createdAt,
    createdByName: raw.createdByName,
    assessmentCount: raw.assessmentCount,
    idealProfile:
      raw.traits.length === 0
        ? null
        : raw.traits.map((t) => ({
            trait: t.trait,
            low: t.low,
            high: t.high,
            weight: t.weight,
            statement: showOptionalText(t.statement, lang, raw.contentLanguage),
          })),
    questions: raw.questions.map((q) => ({
      id: q.id,
      position: q.position,
      text: show(q.text),
      fromRole: q.sourceQuestionId !== null,
      traits: q.traits,
      anchors: groupAnchors(
        q.anchors.map((a) => ({ trait: a.trait, rating: a.rating, text: show(a.text) })),
        q.traits,
      ),
    })),
    strengths: raw.strengths.map(show),
    redFlags: raw.redFlags.map(show),
    expectations: raw.expectations.map((e) => ({
      skillName: e.skillName,
      mandatory: e.mandatory,
      description: showText(e.description, lang, SKILL_PROFILE_LANGUAGE),
    })),
  };
}

export type KitChange = KitVersionChange<ShownText>;

/** A removed text in the older version's language, every other text in the newer one's. */
function showStored(older: StoredKitVersion, newer: StoredKitVersion, lang: UiLanguage) {
  return (stored: string, from: "older" | "newer"): ShownText =>
    showText(stored, lang, from === "older" ? older.contentLanguage : newer.contentLanguage);
}

export type KitHistoryEntry = KitVersionView & {
  /** Changes from the version before; null for version 1. */
  changes: KitChange[] | null;
};

export type KitDetail = {
  id: number;
  /** False when the kit's role has left the library: the kit can be read and printed, not edited. */
  roleInLibrary: boolean;
  latest: KitVersionView;
  /** Newest first. */
  history: KitHistoryEntry[];
};

/** A kit with every version and what changed between them; undefined when there is no such kit. */
export async function getKitDetail(db: Kysely<Database>, kitId: number, lang: UiLanguage): Promise<KitDetail | undefined> {
  const kit = await db.selectFrom("kits").select(["id", "role_id"]).where("id", "=", kitId).executeTakeFirst();
  if (!kit) return undefined;
  const versions = await loadVersions(db, kit.id);
  const newest = versions[versions.length - 1];
  if (!newest) return undefined;
  const history = versions
    .map((raw, index): KitHistoryEntry => {
      const previous = index > 0 ? versions[index - 1] : undefined;
      return { ...showVersion(raw, lang), changes: previous ? diffKitVersions(previous, raw, showStored(previous, raw, lang)) : null };
    })
    .reverse();
  const latest = history[0];
  if (!latest) return undefined;
  return { id: kit.id, roleInLibrary: kit.role_id !== null, latest, history };
}

/** One version of a kit (the latest when `version` is null); undefined when there is none. */
export async function getKitVersion(
  db: Kysely<Database>,
  kitId: number,
  version: number | null,
  lang: UiLanguage,
): Promise<KitVersionView | undefined> {
  let wanted = version;
  if (wanted === null) {
    const latest = await db
      .selectFrom("kit_versions")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("kit_id", "=", kitId)
      .executeTakeFirst();
    if (latest?.v === null || latest?.v === undefined) return undefined;
    wanted = Number(latest.v);
  }
  const [raw] = await loadVersions(db, kitId, wanted);
  return raw ? showVersion(raw, lang) : undefined;
}

export type KitEditor = {
  kitId: number;
  source: KitBuilderSource;
  values: KitFormValues;
  latest: { version: number; assessmentCount: number };
};

/** A question the recruiter wrote, back into the form, in the one language it was written in. */
function customValues(q: StoredKitQuestion, lang: UiLanguage): KitQuestionValues {
  const text = parseLocalized(q.text);
  const reader = contentLanguageOf(lang);
  const written: KitTextLang = text?.[reader] !== undefined ? reader : (KIT_TEXT_LANGS.find((l) => text?.[l] !== undefined) ?? reader);
  // A text without that language (a copied role question whose role question is gone) shows its best language.
  const pick = (json: string): string => {
    const localized = parseLocalized(json);
    if (!localized) return "";
    return localized[written] ?? pickText(localized, lang, written).text;
  };
  const anchors: Partial<Record<TraitKey, Partial<Record<`${AnchorRating}`, KitTextValues>>>> = {};
  for (const anchor of q.anchors) {
    const rating = `${anchor.rating}` as const;
    anchors[anchor.trait] = { ...anchors[anchor.trait], [rating]: { [written]: pick(anchor.text) } };
  }
  return { source: "custom", include: false, text: { [written]: pick(q.text) }, traits: [...q.traits], anchors };
}

/**
 * The builder form of a kit's latest version against its role as it is now:
 * the kit's questions in kit order (a copied role question is matched back by
 * its id, or by its text when the role was re-imported), then the role's
 * other questions unticked, then an empty slot. Undefined when there is no
 * such kit or its role has left the library.
 */
export async function getKitEditor(db: Kysely<Database>, kitId: number, lang: UiLanguage): Promise<KitEditor | undefined> {
  const kit = await db.selectFrom("kits").select(["id", "role_id"]).where("id", "=", kitId).executeTakeFirst();
  if (!kit || kit.role_id === null) return undefined;
  const [snapshot, latestRow] = await Promise.all([
    loadRoleSnapshot(db, { id: kit.role_id }),
    db
      .selectFrom("kit_versions")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("kit_id", "=", kit.id)
      .executeTakeFirst(),
  ]);
  if (!snapshot || latestRow?.v === null || latestRow?.v === undefined) return undefined;
  const [latest] = await loadVersions(db, kit.id, Number(latestRow.v));
  if (!latest) return undefined;

  const taken = new Set<number>();
  const questions: KitQuestionValues[] = [];
  for (const q of latest.questions) {
    const match =
      snapshot.questions.find((r) => r.id === q.sourceQuestionId && !taken.has(r.id)) ??
      snapshot.questions.find((r) => !taken.has(r.id) && r.text === q.text);
    if (match) {
      taken.add(match.id);
      questions.push({ source: `role:${match.id}`, include: true, text: {}, traits: [], anchors: {} });
    } else {
      questions.push(customValues(q, lang));
    }
  }
  for (const r of snapshot.questions) {
    if (!taken.has(r.id)) questions.push({ source: `role:${r.id}`, include: false, text: {}, traits: [], anchors: {} });
  }
  questions.push(emptyCustomQuestion(contentLanguageOf(lang)));

  return {
    kitId: kit.id,
    source: builderSource(snapshot, lang),
    values: {
      name: latest.name,
      level: latest.level,
      questions,
      strengths: snapshot.strengths.map((s) => (latest.strengths.includes(s.text) ? String(s.position) : false)),
      redFlags: snapshot.redFlags.map((s) => (latest.redFlags.includes(s.text) ? String(s.position) : false)),
    },
    latest: { version: latest.version, assessmentCount: latest.assessmentCount },
  };
}
