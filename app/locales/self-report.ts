import { loadArea } from "./loading";

// The texts of `selfReport.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ selfReport: (await import("./en-self-report")).default }),
  es: async () => ({ selfReport: (await import("./es-self-report")).default }),
  "zh-CN": async () => ({ selfReport: (await import("./zh-self-report")).default }),
});
