import { getChoices, getQuestions } from "@alheimsins/b5-johnson-120-ipip-neo-pi-r";
import {
  ANSWER_VALUES,
  SELF_REPORT_DOMAINS,
  type QuestionnaireLanguage,
  type SelfReportDomain,
  type SelfReportItem,
} from "~/domain/self-report";

/*
 * The IPIP-NEO-120 items, read from the item package
 * (@alheimsins/b5-johnson-120-ipip-neo-pi-r, MIT; Johnson's items are public
 * domain), never copied into Traitkit: an item is known by the package's
 * stable id, so an answer stays with its item whatever the language or the
 * package's version. The package's order interleaves the domains, as the
 * instrument is meant to be read.
 */

export type QuestionnaireItem = SelfReportItem & { text: string };

function isDomain(value: string): value is SelfReportDomain {
  return SELF_REPORT_DOMAINS.some((d) => d === value);
}

const itemsByLanguage = new Map<QuestionnaireLanguage, readonly QuestionnaireItem[]>();

/** The 120 items in a language, in the package's order. */
export function questionnaireItems(language: QuestionnaireLanguage): readonly QuestionnaireItem[] {
  const known = itemsByLanguage.get(language);
  if (known) return known;
  const items = getQuestions(language).map((q): QuestionnaireItem => {
    if (!isDomain(q.domain) || (q.keyed !== "plus" && q.keyed !== "minus")) {
      throw new Error(`The item package has an item of an unknown kind: ${q.id}`);
    }
    return { id: q.id, domain: q.domain, facet: q.facet, keyed: q.keyed, text: q.text };
  });
  itemsByLanguage.set(language, items);
  return items;
}

/** The items as scoring needs them (the same in every language). */
export function selfReportItems(): readonly SelfReportItem[] {
  return questionnaireItems("en");
}

/**
 * The answer scale's five labels in a language, for values 1 … 5 ("Very
 * inaccurate" … "Very accurate"): the package's choices of a plus-keyed item,
 * whose score is the value.
 */
export function answerLabels(language: QuestionnaireLanguage): readonly string[] {
  // The package declares its choices as strings; its data holds { text, score, color } objects.
  const plus = (getChoices(language) as unknown as Record<string, { text: string; score: number }[]>).plus ?? [];
  return ANSWER_VALUES.map((value) => {
    const choice = plus.find((c) => c.score === value);
    if (!choice) throw new Error(`The item package has no answer ${value} in ${language}`);
    return choice.text;
  });
}
