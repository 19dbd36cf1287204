import type { MetaArgs } from "@remix-run/node";
import type { loader as rootLoader } from "~/root";

type RootMatches = MetaArgs<unknown, { root: typeof rootLoader }>["matches"];

/**
 * The <title> of a page whose loader gave no data (it failed): the root's
 * "Not found · Traitkit" in the request's language, English if even the root
 * has no data. Pages take their title from their loader's data (`title`).
 */
export function notFoundTitle(matches: MetaArgs["matches"]): string {
  const root = (matches as RootMatches).find((match) => match.id === "root");
  return root?.data?.titles.notFound ?? "Not found · Traitkit";
}
