import { useSearchParams } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";

/** The page's address with one more folded section open (`?show=ratings#ratings`), keeping those already open. */
function useHrefShowing(): { shown: readonly string[]; hrefShowing: (name: string) => string } {
  const [searchParams] = useSearchParams();
  const shown = searchParams.getAll("show");
  return {
    shown,
    hrefShowing: (name) => {
      const params = new URLSearchParams(searchParams);
      params.delete("show");
      for (const open of new Set([...shown, name])) params.append("show", open);
      return `?${params.toString()}#${name}`;
    },
  };
}

/**
 * A secondary section folded under its summary, whose content is drawn only
 * once a reader opens it: a closed fold costs the page a summary, not the
 * hundreds of elements behind it. Without JavaScript the fold holds a link to
 * the same page with the section open (drawn by the server), so every number
 * stays reachable; printed, the page draws every fold first, so that the
 * paper shows everything (the page's print CSS shows a closed fold's content).
 */
export function FoldedSection({
  name,
  summary,
  showLabel,
  className = "folded-section",
  children,
}: {
  /** The fold's element id and its name in the page's address; unique on the page. */
  name: string;
  summary: string;
  /** The link that opens the section without JavaScript. */
  showLabel: string;
  className?: string;
  children: () => ReactNode;
}) {
  const { shown, hrefShowing } = useHrefShowing();
  const openAtLoad = shown.includes(name);
  const [drawn, setDrawn] = useState(openAtLoad);
  useEffect(() => {
    if (drawn) return;
    // Synchronously, so that the content is in the page before the browser lays out the print.
    const drawForPrint = () => flushSync(() => setDrawn(true));
    window.addEventListener("beforeprint", drawForPrint);
    return () => window.removeEventListener("beforeprint", drawForPrint);
  }, [drawn]);
  return (
    <details
      id={name}
      className={className}
      open={openAtLoad}
      data-testid={`fold-${name}`}
      onToggle={(event) => {
        if (event.currentTarget.open) setDrawn(true);
      }}
    >
      <summary>{summary}</summary>
      {drawn ? (
        children()
      ) : (
        <p>
          <a href={hrefShowing(name)}>{showLabel}</a>
        </p>
      )}
    </details>
  );
}
