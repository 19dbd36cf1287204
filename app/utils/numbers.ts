import { useTranslation } from "~/utils/use-translation";

/** A trait score as shown: one decimal. */
export function shownScore(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A fit or coverage percentage as shown: a whole percent. */
export function shownPercent(value: number): number {
  return Math.round(value);
}

/**
 * The gap between a shown score and a band's edges. Taken from the shown score,
 * not the exact one, so the figures on the page add up: a mean of 56.25 shows
 * as 56.3, and its gap to a band from 65 as 8.7, not the exact 8.75's "8.8".
 */
export function shownGap(score: number, band: { low: number; high: number }): number {
  const shown = shownScore(score);
  return Math.max(0, band.low - shown, shown - band.high);
}

/**
 * Numbers as the reader's language writes them (62.5 / 62,5; 78% / 78 %). A trait
 * score keeps one decimal: a mean of ratings such as 62.5 shown as 63 beside a band
 * starting at 65 and a gap of 2.5 would not add up. Fit and coverage are whole
 * percents, and every page shows them through `fit` and `coverage` alone.
 */
export function useNumberFormats(): NumberFormats {
  const { i18n } = useTranslation();
  return numberFormats(i18n.language);
}

type NumberFormats = {
  score: (value: number) => string;
  twoDecimals: (value: number) => string;
  /** A fit on 0–100, e.g. 78.44 → "78%" ("78 %" in Spanish). */
  fitPercent: (fit0to100: number) => string;
  /** A share of the profile assessed, 0–1, e.g. 0.5 → "50%". */
  coveragePercent: (share0to1: number) => string;
};

// Making an Intl.NumberFormat costs far more than using one (made per render it
// took ~7% of an assessment page's server time): one set per language.
const formatsByLanguage = new Map<string, NumberFormats>();

export function numberFormats(language: string): NumberFormats {
  let made = formatsByLanguage.get(language);
  if (!made) {
    const oneDecimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    const twoDecimals = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 });
    // Rounded by shownPercent first, so the page and the CSV's whole percents agree (66.5 → 67 in both).
    const wholePercent = (value0to100: number) => percent.format(shownPercent(value0to100) / 100);
    made = {
      score: (value) => oneDecimal.format(shownScore(value)),
      twoDecimals: (value) => twoDecimals.format(value),
      fitPercent: wholePercent,
      coveragePercent: (share) => wholePercent(share * 100),
    };
    formatsByLanguage.set(language, made);
  }
  return made;
}

type CalibrationFormats = {
  /** A share 0–1 as a whole percent, as coverage is (an interviewer's adherence). */
  sharePercent: (share0to1: number) => string;
  /** A figure with exactly one decimal, e.g. days: 2.25 → "2.3", 2 → "2.0". */
  oneDecimal: (value: number) => string;
  /** A difference with its sign and two decimals: 0.5 → "+0.50", −0.25 → "-0.25", a value that rounds to 0 → "0.00". */
  signedTwoDecimals: (value: number) => string;
};

const calibrationByLanguage = new Map<string, CalibrationFormats>();

/**
 * The calibration page's figures in the reader's language. Apart from
 * numberFormats, whose object every chart page loads: the calibration's loader
 * writes these on the server, so no page's JavaScript carries them.
 */
export function calibrationFormats(language: string): CalibrationFormats {
  let made = calibrationByLanguage.get(language);
  if (!made) {
    const fixedOneDecimal = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const signed = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" });
    const { coveragePercent } = numberFormats(language);
    made = {
      sharePercent: coveragePercent,
      oneDecimal: (value) => fixedOneDecimal.format(value),
      signedTwoDecimals: (value) => signed.format(value),
    };
    calibrationByLanguage.set(language, made);
  }
  return made;
}
