import { loadArea } from "./loading";

// The texts of `skills.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ skills: (await import("./en-skills")).default }),
  es: async () => ({ skills: (await import("./es-skills")).default }),
  "zh-CN": async () => ({ skills: (await import("./zh-skills")).default }),
});
