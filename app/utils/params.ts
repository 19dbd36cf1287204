import { z } from "zod";

const idParamSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A numeric id from the URL, or undefined (answered as 404 like any unknown id). */
export function parseIdParam(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const parsed = idParamSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
