import { useLocation, useNavigate } from "@remix-run/react";
import type { AnchorHTMLAttributes, MouseEvent } from "react";

/**
 * A link to one of the app's pages, for where a page draws many: table rows
 * and the menu. A router <Link> runs some thirty hooks to render; on the
 * server that was ~17 µs a link, a quarter of a 50-row list's time. This is a
 * plain anchor: the layout's one click handler (useLinkNavigation) navigates
 * in the page, and data-discover has Remix load its route ahead as it does a
 * <Link>'s. Never for a resource route (a download, an export): those need the
 * browser's own navigation.
 */
export function PlainLink({ to, ...anchor }: { to: `/${string}` } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  return <a href={to} data-discover="true" {...anchor} />;
}

/**
 * The click handler that makes PlainLinks navigate without a page load; set
 * once, on the layout. What a <Link> handles itself (it prevents the default)
 * and what the browser should handle (a modified or middle click, another
 * window, a download) are left alone.
 */
export function useLinkNavigation() {
  const navigate = useNavigate();
  const location = useLocation();
  return (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    const anchor = event.target instanceof Element ? event.target.closest("a[data-discover]") : null;
    if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return;
    if ((anchor.target !== "" && anchor.target !== "_self") || anchor.origin !== window.location.origin) return;
    event.preventDefault();
    const to = anchor.pathname + anchor.search + anchor.hash;
    // As a <Link>: following a link to the page shown replaces it in the history.
    navigate(to, { replace: to === location.pathname + location.search + location.hash });
  };
}
