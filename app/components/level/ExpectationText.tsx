import { ShownText } from "~/components/ShownText";
import type { Level } from "~/domain/levels";
import { useTranslation } from "~/utils/use-translation";
import type { ExpectationView } from "./level-view";

/**
 * A skill's expectation at a level: the skill profile's words, or the matrix
 * code as published with a pointer to the level's focus (the documents give
 * the codes no meaning, so none is invented here).
 */
export function ExpectationText({ expectation, level }: { expectation: ExpectationView; level: Level }) {
  const { t } = useTranslation();
  if (expectation.kind === "profile") return <ShownText value={expectation.text} />;
  return <span>{t("level.codeWithFocus", { code: expectation.code, level: t(`levels.${level}`) })}</span>;
}
