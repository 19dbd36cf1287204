import { Migrator, type Migration, type MigrationProvider } from "kysely";
import type { TraitkitDb } from "./connection";
import * as m0001 from "./migrations/0001_initial";
import * as m0002 from "./migrations/0002_ranking_latest";
import * as m0003 from "./migrations/0003_assessment_list_order";
import * as m0004 from "./migrations/0004_interviewer_list_order";
import * as m0005 from "./migrations/0005_unranked_reopened";
import * as m0006 from "./migrations/0006_report_snapshots";
import * as m0007 from "./migrations/0007_archive_and_parked_drafts";
import * as m0008 from "./migrations/0008_library_items";
import * as m0009 from "./migrations/0009_role_saved_by";
import * as m0010 from "./migrations/0010_ranking_assigned_count";
import * as m0011 from "./migrations/0011_ranking_decision_and_calibration";
import * as m0012 from "./migrations/0012_interview_times_and_outbox";
import * as m0014 from "./migrations/0014_debrief_readings";
import * as m0015 from "./migrations/0015_outbox_sent_index";
import * as m0016 from "./migrations/0016_questionnaires";
import * as m0017 from "./migrations/0017_scorecard_summaries";
import * as m0018 from "./migrations/0018_change_proposals";
import * as m0019 from "./migrations/0019_levels_success_case_chinese";

/*
 * Listed statically: a folder read breaks once the server is bundled.
 * Forward-only: a migration has no `down`; fix forward with a new one.
 * In order; the upgrade tests take the first ones of this list.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001_initial": m0001,
  "0002_ranking_latest": m0002,
  "0003_assessment_list_order": m0003,
  "0004_interviewer_list_order": m0004,
  "0005_unranked_reopened": m0005,
  "0006_report_snapshots": m0006,
  "0007_archive_and_parked_drafts": m0007,
  "0008_library_items": m0008,
  "0009_role_saved_by": m0009,
  "0010_ranking_assigned_count": m0010,
  "0011_ranking_decision_and_calibration": m0011,
  "0012_interview_times_and_outbox": m0012,
  "0014_debrief_readings": m0014,
  "0015_outbox_sent_index": m0015,
  "0016_questionnaires": m0016,
  "0017_scorecard_summaries": m0017,
  "0018_change_proposals": m0018,
  "0019_levels_success_case_chinese": m0019,
};

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export async function migrateToLatest(db: TraitkitDb): Promise<string[]> {
  // The pending migrations and their records are one transaction (see db/connection.ts).
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
