/**
 * A record's id as a URL writes it: canonical decimal only, so one record has one
 * address ("007", "7.0" and "+7" are not another way to reach record 7) and
 * anything else answers 404 like an id that does not exist.
 */
const CANONICAL_ID = /^[1-9]\d*$/;

/**
 * The largest id a record can have. Ids are `integer` columns: 32 bits on
 * PostgreSQL (SQLite's would hold more, but ids are given in order and never
 * get there). A larger id names no record, on either database: a 404, never a
 * query the database refuses.
 */
export const MAX_RECORD_ID = 2_147_483_647;

export function parseRecordId(param: string | undefined): number | undefined {
  if (param === undefined || !CANONICAL_ID.test(param)) return undefined;
  const id = Number(param);
  return id <= MAX_RECORD_ID ? id : undefined;
}
