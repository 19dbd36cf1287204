import { createRequire } from "node:module";
import type { SelfReportDomain } from "~/domain/self-report";
import type { UiLanguage } from "~/utils/i18n";

/*
 * The names and plain-language descriptions of the self-report's 30 facets,
 * from the result texts that go with the items (@alheimsins/b5-result-text,
 * MIT) for Openness, Conscientiousness, Extraversion and Agreeableness.
 * Neuroticism is read the other way in Traitkit, as Emotional Stability: its
 * facets are reversed and named here by their stable side, in our own words.
 * The package has no Chinese (its getTemplate("zh-CN") quietly returns
 * English), so the Chinese names and descriptions of all 30 facets are ours,
 * written from the package's English meaning.
 */

type FacetText = { title: string; text: string };
type ResultTemplate = { domain: string; facets: ({ facet: number } & FacetText)[] };
/** The interface languages the package has texts in; zh-CN is not one (see above). */
type PackageLanguage = Exclude<UiLanguage, "zh-CN">;
// The package ships no types; its template is a list of domains, each with its six facets.
const resultText = createRequire(import.meta.url)("@alheimsins/b5-result-text") as { getTemplate: (language: string) => ResultTemplate[] };

/** Neuroticism's facets by their stable side: a high score is calm, even-tempered, content, at ease, restrained, resilient. */
const STABLE_SIDE: Record<UiLanguage, FacetText[]> = {
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
  "zh-CN": [
    { title: "平静", text: "在情况不确定时仍能保持平静、不担忧；与焦虑相反。" },
    { title: "平和", text: "受挫或受到不公平对待时仍能保持镇定；与愤怒相反。" },
    { title: "知足", text: "心境稳定，对未来怀有希望；与情绪低落相反。" },
    { title: "社交自在", text: "与人相处时感到自在，不拘谨，也不容易难为情。" },
    { title: "自制", text: "能够抵御冲动和欲望；与放纵无度相反。" },
    { title: "心理韧性", text: "面对压力和挫折时能够应对，不会感到不知所措；与脆弱相反。" },
  ],
};

/**
 * Our Chinese names and descriptions of the facets of O, C, E and A, in the
 * package's order (facet 1 first): the package has no Chinese. Names follow
 * the usual Chinese renderings of the IPIP-NEO / NEO-PI-R facets; each text
 * describes a high score, as the package's texts do.
 */
const OWN_CHINESE: Record<Exclude<SelfReportDomain, "N">, FacetText[]> = {
  O: [
    { title: "想象力", text: "喜欢借助想象和幻想，让世界变得更丰富、更有趣；与只关注事实相反。" },
    { title: "审美", text: "热爱艺术与自然之美，容易沉浸在艺术作品和自然景色之中。" },
    { title: "情感丰富", text: "能清楚地觉察自己的感受，并愿意坦然表达情绪。" },
    { title: "冒险性", text: "乐于尝试新活动、去陌生的地方、体验不同的事物；觉得一成不变很乏味。" },
    { title: "智力好奇", text: "喜欢琢磨各种想法，对新颖、不寻常的观点持开放态度，乐于探讨智识问题和解谜。" },
    { title: "价值开放", text: "愿意质疑权威、惯例和传统价值观；与固守传统相反。" },
  ],
  C: [
    { title: "自我效能", text: "相信自己有能力、有干劲把事情做成。" },
    { title: "条理性", text: "做事井井有条，喜欢按惯例和日程生活，会列清单、做计划。" },
    { title: "责任感", text: "有强烈的责任感和义务感，信守承诺、遵守规则，值得信赖。" },
    { title: "成就追求", text: "努力追求卓越，朝着远大的目标坚持不懈。" },
    { title: "自律", text: "能坚持完成困难或枯燥的任务，克服拖延，不易分心。" },
    { title: "谨慎", text: "行动前会先想清楚各种可能和后果，做决定不草率；与冲动相反。" },
  ],
  E: [
    { title: "热情", text: "真心喜欢别人，并坦然表达友好的感情，容易交朋友、建立亲密关系。" },
    { title: "合群", text: "喜欢有人相伴，觉得热闹的人群令人愉快、充满活力。" },
    { title: "果断", text: "喜欢发表意见、主动负责并带领他人，在群体中常担任领导者。" },
    { title: "活力", text: "生活节奏快而忙碌，精力充沛，同时参与许多活动。" },
    { title: "寻求刺激", text: "需要较强的刺激才不觉得无聊，喜欢热闹，愿意冒险、追求刺激。" },
    { title: "愉悦", text: "经常体验到快乐、热情、乐观等积极情绪。" },
  ],
  A: [
    { title: "信任", text: "相信大多数人是公平、诚实、怀有善意的。" },
    { title: "坦诚", text: "与人相处直率、真诚，不需要伪装或操纵他人。" },
    { title: "利他", text: "帮助他人时真心感到满足，乐于帮助有需要的人。" },
    { title: "合作", text: "不喜欢冲突，愿意妥协或让步，以便与人和睦相处。" },
    { title: "谦逊", text: "不喜欢宣称自己比别人强；与自夸相反。" },
    { title: "同情", text: "心肠软，富有同情心，容易感受到他人的痛苦并为之动容。" },
  ],
};

const templates = new Map<PackageLanguage, ResultTemplate[]>();

// Only languages the package has: asked for zh-CN it would hand back English without a word.
function templateOf(language: PackageLanguage): ResultTemplate[] {
  let template = templates.get(language);
  if (!template) {
    template = resultText.getTemplate(language);
    templates.set(language, template);
  }
  return template;
}

/** A facet's name and description in a language: the package's, or ours (Neuroticism's stable-side wording; all of Chinese). */
export function facetTexts(domain: SelfReportDomain, facet: number, language: UiLanguage): FacetText {
  if (domain === "N") {
    const stable = STABLE_SIDE[language][facet - 1];
    if (!stable) throw new Error(`No facet ${facet} of N`);
    return stable;
  }
  if (language === "zh-CN") {
    const own = OWN_CHINESE[domain][facet - 1];
    if (!own) throw new Error(`No facet ${facet} of ${domain}`);
    return own;
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
