import { useTranslation } from "~/utils/use-translation";

/** From this share of the limit on, the count is said aloud and drawn as a warning. */
const NEAR_LIMIT = 0.9;

/**
 * "123 / 200" under a free-text field, so nobody learns of a limit by losing
 * text: the field itself does not cut (no `maxlength`), the count turns to a
 * warning near the limit and to an error past it, and the server refuses
 * what is over. Give the field `aria-describedby={id}`. The visible figures are
 * hidden from screen readers; a polite live region speaks only near the limit,
 * not on every key.
 */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const { t } = useTranslation();
  const over = length - max;
  const state = over > 0 ? "over" : length >= max * NEAR_LIMIT ? "near" : "fine";
  return (
    <p id={id} className={`character-count character-count-${state}`}>
      <span aria-hidden="true">{t("characterCount.shown", { length, max })}</span>
      <span className="visually-hidden" aria-live="polite">
        {state === "over"
          ? t("characterCount.over", { count: over, max })
          : state === "near"
            ? t("characterCount.left", { count: max - length, max })
            : t("characterCount.limit", { max })}
      </span>
    </p>
  );
}
