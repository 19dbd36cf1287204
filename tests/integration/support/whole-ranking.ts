import type { TraitkitDb } from "~db/connection";
import { rankingInBatches, type CsvRankedCandidate, type RankingFilters } from "../../../app/models/ranking.server";

/** Every row of the role's ranking, its batches read one after the other as the CSV reads them. */
export async function wholeRanking(
  db: TraitkitDb,
  slug: string,
  filters: RankingFilters,
  batchRows?: number,
): Promise<CsvRankedCandidate[]> {
  const rows: CsvRankedCandidate[] = [];
  for await (const batch of rankingInBatches(db, slug, filters, batchRows)) rows.push(...batch);
  return rows;
}
