import type { ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";

/**
 * The box of a table that can be wider than a phone. It scrolls sideways, so
 * it takes keyboard focus and has a name: a table of plain numbers has nothing
 * else to focus, and a keyboard user could not scroll it (WCAG 2.1.1). Its name
 * says it is the table: the section around it often has the same title, and two
 * regions of one name cannot be told apart in a list of landmarks.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-label={t("app.tableRegion", { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}
