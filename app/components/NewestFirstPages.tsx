import { Link } from "@remix-run/react";

/**
 * The links between the pages of a list shown newest first, inside a page
 * that holds more than that list: plain links, so they work without
 * JavaScript, and lead to the list's heading (the address's anchor). Worded by the
 * list (`texts`), drawn like the other lists' pages.
 */
export function NewestFirstPages({
  page,
  pageCount,
  hrefForPage,
  texts,
}: {
  page: number;
  pageCount: number;
  hrefForPage: (page: number) => string;
  texts: { label: string; newer: string; older: string; pageOf: string };
}) {
  return (
    <nav aria-label={texts.label} className="actions pagination">
      {page > 1 ? (
        <Link to={hrefForPage(Math.min(page - 1, pageCount))} rel="prev">
          {texts.newer}
        </Link>
      ) : (
        <span className="muted" aria-hidden="true">
          {texts.newer}
        </span>
      )}
      <span>{texts.pageOf}</span>
      {page < pageCount ? (
        <Link to={hrefForPage(page + 1)} rel="next">
          {texts.older}
        </Link>
      ) : (
        <span className="muted" aria-hidden="true">
          {texts.older}
        </span>
      )}
    </nav>
  );
}
