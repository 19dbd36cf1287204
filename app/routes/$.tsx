import type { MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { ErrorPage } from "~/components/ErrorPage";
import { notFoundTitle } from "~/utils/i18n";

/*
 * Any address no other route has. Answering it here, rather than leaving it
 * unmatched, runs the root loader: the 404 page keeps the reader's language and
 * menu. It also keeps the path (a report or invite token, mistyped) out of React
 * Router's "no routes matched" warning in development.
 */
export const meta: MetaFunction = ({ matches }) => [{ title: notFoundTitle(matches) }];

export function loader() {
  return data(null, { status: 404 });
}

export default function NotFoundPage() {
  return <ErrorPage kind="notFound" />;
}
