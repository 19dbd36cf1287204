import { loadArea } from "./loading";

// The texts of `calibration.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ calibration: (await import("./en-calibration")).default }),
  es: async () => ({ calibration: (await import("./es-calibration")).default }),
  "zh-CN": async () => ({ calibration: (await import("./zh-calibration")).default }),
});
