import { loadArea } from "./loading";

// The texts of `suggest.*` (suggesting a change, the skill profile form, follow, the profile pages' proposal links) in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ suggest: (await import("./en-suggest")).default }),
  es: async () => ({ suggest: (await import("./es-suggest")).default }),
  "zh-CN": async () => ({ suggest: (await import("./zh-suggest")).default }),
});
