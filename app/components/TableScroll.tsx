import type { ReactNode } from "react";

/**
 * The box of a table that can be wider than a phone. It scrolls sideways, so
 * it takes keyboard focus and has a name: a table of plain numbers has nothing
 * else to focus, and a keyboard user could not scroll it (WCAG 2.1.1).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
