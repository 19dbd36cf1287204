import { describe, expect, it } from "vitest";
import en from "../../app/locales/en";
import es from "../../app/locales/es";
import zh from "../../app/locales/zh";
import { createTranslator } from "../../app/utils/i18n";
import { detectLanguage } from "../../app/utils/i18n.server";

/*
 * The three interface languages say the same texts: the type holds the
 * shape of what is written, this holds what the type cannot (a spread of
 * another area, an empty string, a placeholder dropped or renamed).
 */

type Leaves = Map<string, unknown>;

function leaves(texts: unknown, prefix = "", into: Leaves = new Map()): Leaves {
  if (typeof texts === "object" && texts !== null) {
    for (const [key, value] of Object.entries(texts)) leaves(value, prefix === "" ? key : `${prefix}.${key}`, into);
  } else {
    into.set(prefix, texts);
  }
  return into;
}

const placeholders = (text: unknown): string[] => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();

const LANGUAGES = { en: leaves(en), es: leaves(es), "zh-CN": leaves(zh) };
const englishKeys = [...LANGUAGES.en.keys()].sort();

describe("every UI text exists in English, Spanish and Chinese", () => {
  it("has the same keys in the three languages", () => {
    expect(englishKeys.length).toBeGreaterThan(1500);
    expect([...LANGUAGES.es.keys()].sort()).toEqual(englishKeys);
    expect([...LANGUAGES["zh-CN"].keys()].sort()).toEqual(englishKeys);
  });

  it.each(Object.entries(LANGUAGES))("gives every text of %s as a non-empty string", (_language, texts) => {
    const empty = [...texts].filter(([, value]) => typeof value !== "string" || value.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(Object.entries(LANGUAGES))("keeps the placeholders of each English text in %s", (_language, texts) => {
    const differing = englishKeys.filter((key) => placeholders(texts.get(key)).join() !== placeholders(LANGUAGES.en.get(key)).join());
    expect(differing).toEqual([]);
  });

  it("writes Chinese texts in Chinese, not English left behind", () => {
    // Names and codes read the same in every language: the product, languages by their own names, symbols.
    const same = englishKeys.filter((key) => {
      const english = LANGUAGES.en.get(key);
      return english === LANGUAGES["zh-CN"].get(key) && /[a-z]{3,}/i.test(String(english).replace(/\{\{\w+\}\}/g, ""));
    });
    expect(
      same.filter(
        (key) =>
          !/^(app\.name|app\.language\.|account\.languages\.|mail\.signature|roleImport\.types\.|selfReport\.link\.languageNames\.)/.test(
            key,
          ),
      ),
    ).toEqual([]);
  });
});

describe("Chinese reads its plurals and placeholders", () => {
  it("uses the 'other' form for every count and fills the count in", () => {
    const chinese = createTranslator("zh-CN", zh);
    expect(chinese.t("ranking.count", { count: 1 })).toContain("1");
    expect(chinese.t("ranking.count", { count: 5 })).toContain("5");
    expect(chinese.t("ranking.count", { count: 5 })).toMatch(/\p{Script=Han}/u);
  });
});

describe("a browser asking for Chinese gets zh-CN", () => {
  const request = (acceptLanguage: string) => new Request("http://traitkit.test/roles", { headers: { "Accept-Language": acceptLanguage } });

  it("reads zh, zh-CN, zh-Hans and zh-SG as Simplified Chinese", async () => {
    for (const header of ["zh", "zh-CN", "zh-cn", "zh-Hans", "zh-Hans-CN", "zh-SG", "zh-CN,zh;q=0.9,en;q=0.8"]) {
      expect(await detectLanguage(request(header))).toBe("zh-CN");
    }
  });

  it("does not offer traditional characters as Simplified: the next language the browser takes wins", async () => {
    expect(await detectLanguage(request("zh-TW"))).toBe("en");
    expect(await detectLanguage(request("zh-HK, es;q=0.5"))).toBe("es");
    expect(await detectLanguage(request("en-US,en;q=0.9,zh-CN;q=0.8"))).toBe("en");
  });
});
