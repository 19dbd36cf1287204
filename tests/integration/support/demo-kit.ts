import type { TraitkitDb } from "~db/connection";
import { loadScoringKit, type ScoringKit } from "../../../app/models/scorecards.server";
import { DEMO_KIT } from "../../../seeds/demo-kits";

/** The demo kit's latest version as an interviewer scores it: the kit the demo's assessments use. */
export async function demoScoringKit(db: TraitkitDb): Promise<ScoringKit> {
  const version = await db
    .selectFrom("kit_versions")
    .select("id")
    .where("name", "=", DEMO_KIT.name)
    .orderBy("version", "desc")
    .executeTakeFirstOrThrow();
  const kit = await loadScoringKit(db, version.id);
  if (!kit) throw new Error("The demo kit version cannot be loaded");
  return kit;
}
