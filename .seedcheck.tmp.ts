import { createDb } from "./db/connection";
import { migrateToLatest } from "./db/migrator";
import { loadDemoData } from "./seeds/demo";
import { computePanel, loadScoringKit, getAssessmentOverview } from "./app/models/assessments.server";
const { db } = createDb(":memory:");
await migrateToLatest(db);
console.log(await loadDemoData(db, new Date("2026-04-01T09:00:00Z")));
const kit = (await loadScoringKit(db, 1))!;
const as = await db.selectFrom("assessments").innerJoin("candidates","candidates.id","assessments.candidate_id").select(["assessments.id","candidates.name"]).execute();
for (const a of as) {
  const p = await computePanel(db, a.id, kit);
  const ov = await getAssessmentOverview(db, a.id);
  const t = Object.entries(p.traits).map(([k,v]) => `${k.slice(0,4)}:${v.status==="assessed"? v.score.toFixed(1)+(v.needsCalibration?"!":""):v.status}`).join(" ");
  console.log(a.name, "|", ov!.interviewers.map(i=>i.status).join(","), "|", t, "| fit", p.fit?.fit?.toFixed(2), "cov", p.fit?.coverage?.toFixed(2), JSON.stringify(p.recommendations), ov!.decisions.map(d=>d.decision));
}
console.log(await db.selectFrom("candidates").select(["id","name","email","created_at"]).execute());
const r = await db.selectFrom("assessment_results").selectAll().execute(); console.log(r.length);
await db.destroy();
