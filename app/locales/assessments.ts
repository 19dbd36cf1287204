import { loadArea } from "./loading";

// The texts of `assessments.*`, `assessmentList.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => {
    const texts = await import("./en-assessments");
    return { assessments: texts.default, assessmentList: texts.enAssessmentList };
  },
  es: async () => {
    const texts = await import("./es-assessments");
    return { assessments: texts.default, assessmentList: texts.esAssessmentList };
  },
  "zh-CN": async () => {
    const texts = await import("./zh-assessments");
    return { assessments: texts.default, assessmentList: texts.zhAssessmentList };
  },
});
