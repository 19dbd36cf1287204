/**
 * A record's id as a URL writes it: canonical decimal only, so one record has one
 * address ("007", "7.0" and "+7" are not another way to reach record 7) and
 * anything else answers 404 like an id that does not exist.
 */
const CANONICAL_ID = /^[1-9]\d*$/;

export function parseRecordId(param: string | undefined): number | undefined {
  if (param === undefined || !CANONICAL_ID.test(param)) return undefined;
  const id = Number(param);
  return Number.isSafeInteger(id) ? id : undefined;
}
