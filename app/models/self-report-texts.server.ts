import { createRequire } from "node:module";
import type { SelfReportDomain } from "~/domain/self-report";
import type { UiLanguage } from "~/utils/i18n";

/*
 * The names and plain-language descriptions of the self-report's 30 facets,
 * from the result texts that go with the items (@alheimsins/b5-result-text,
 * MIT) for Openness, Conscientiousness, Extraversion and Agreeableness.
 * Neuroticism is read the other way in Traitkit, as Emotional Stability: its
 * facets are reversed and named here by their stable side, in our own words.
 */

type ResultTemplate = { domain: string; facets: { facet: number; title: string; text: string }[] };
// The package ships no types; its template is a list of domains, each with its six facets.
const resultText = createRequire(import.meta.url)("@alheimsins/b5-result-text") as { getTemplate: (language: string) => ResultTemplate[] };

/** Neuroticism's facets by their stable side: a high score is calm, even-tempered, content, at ease, restrained, resilient. */
const STABLE_SIDE: Record<UiLanguage, { title: string; text: string }[]> = {
  en: [
    { title: "Calmness", text: "Staying calm and unworried when things are uncertain; the opposite of anxiety." },
    { title: "Even temper", text: "Staying composed when frustrated or treated unfairly; the opposite of anger." },
    { title: "Contentment", text: "Keeping a steady, hopeful mood; the opposite of feeling down." },
    { title: "Social ease", text: "Feeling at ease with others, not self-conscious or easily embarrassed." },
    { title: "Self-restraint", text: "Resisting urges and cravings; the opposite of immoderation." },
    { title: "Resilience", text: "Coping with pressure and setbacks without feeling overwhelmed; the opposite of vulnerability." },
  ],
  es: [
    { title: "Calma", text: "Mantener la calma y no preocuparse ante la incertidumbre; lo contrario de la ansiedad." },
    { title: "Temple", text: "Mantener la compostura ante la frustración o un trato injusto; lo contrario de la ira." },
    { title: "Serenidad de ánimo", text: "Mantener un ánimo estable y esperanzado; lo contrario del desánimo." },
    { title: "Soltura social", text: "Sentirse a gusto con los demás, sin vergüenza ni timidez excesiva." },
    { title: "Autocontrol", text: "Resistir impulsos y antojos; lo contrario de la falta de moderación." },
    { title: "Resiliencia", text: "Afrontar la presión y los reveses sin sentirse desbordado; lo contrario de la vulnerabilidad." },
  ],
};

const templates = new Map<UiLanguage, ResultTemplate[]>();

function templateOf(language: UiLanguage): ResultTemplate[] {
  let template = templates.get(language);
  if (!template) {
    template = resultText.getTemplate(language);
    templates.set(language, template);
  }
  return template;
}

/** A facet's name and description in a language: the package's, or (Neuroticism's) our stable-side wording. */
export function facetTexts(domain: SelfReportDomain, facet: number, language: UiLanguage): { title: string; text: string } {
  if (domain === "N") {
    const stable = STABLE_SIDE[language][facet - 1];
    if (!stable) throw new Error(`No facet ${facet} of N`);
    return stable;
  }
  const found = templateOf(language)
    .find((d) => d.domain === domain)
    ?.facets.find((f) => f.facet === facet);
  if (!found) throw new Error(`The result texts have no facet ${domain}${facet} in ${language}`);
  // The package's texts are written with hard line breaks and <br /> between paragraphs: plain text here.
  return {
    title: found.title,
    text: found.text
      .replace(/<br\s*\/?>/gi, " ")
      .replace(/\s+/g, " ")
      .trim(),
  };
}
