import { useMemo } from "react";
import { useTranslation } from "~/utils/use-translation";

/**
 * Numbers as the reader's language writes them (62.5 / 62,5). A trait score
 * keeps one decimal: a mean of ratings such as 62.5 shown as 63 beside a band
 * starting at 65 and a gap of 2.5 would not add up. Fit stays a whole percent.
 */
export function useNumberFormats() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const oneDecimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
    const twoDecimals = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return { score: (value: number) => oneDecimal.format(value), twoDecimals: (value: number) => twoDecimals.format(value) };
  }, [i18n.language]);
}
