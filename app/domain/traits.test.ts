import { describe, it, expect } from "vitest";
import {
  TRAIT_KEYS,
  TRAIT_NAMES,
  TRAIT_SCALE,
  WEIGHTS,
  heaviestTrait,
  isTraitKey,
  isWeight,
  traitKeyFromSpanishName,
  traitKeysInSpanishText,
  traitRecord,
} from "./traits";

describe("trait keys and names", () => {
  it("has the six OCEAN+ keys in the product's order", () => {
    expect(TRAIT_KEYS).toEqual([
      "openness",
      "conscientiousness",
      "extraversion",
      "agreeableness",
      "emotional_stability",
      "relational_engagement",
    ]);
  });

  it("uses the Spanish names exactly as the documents write them", () => {
    expect(TRAIT_KEYS.map((key) => TRAIT_NAMES[key].es)).toEqual([
      "Apertura",
      "Responsabilidad",
      "Extraversión",
      "Amabilidad",
      "Estabilidad Emocional",
      "Engagement Relacional",
    ]);
  });

  it("uses the English names of the product's table", () => {
    expect(TRAIT_KEYS.map((key) => TRAIT_NAMES[key].en)).toEqual([
      "Openness",
      "Conscientiousness",
      "Extraversion",
      "Agreeableness",
      "Emotional Stability",
      "Relational Engagement",
    ]);
  });

  it("scores traits on 0..100 with weights 1, 2 or 3", () => {
    expect(TRAIT_SCALE).toEqual({ min: 0, max: 100 });
    expect(WEIGHTS).toEqual([1, 2, 3]);
    expect([0, 1, 2, 3, 4, 1.5].map(isWeight)).toEqual([false, true, true, true, false, false]);
  });
});

describe("isTraitKey", () => {
  it("accepts every stable key and nothing else", () => {
    for (const key of TRAIT_KEYS) expect(isTraitKey(key)).toBe(true);
    for (const other of ["", "Openness", "neuroticism", "emotional-stability", "toString"]) {
      expect(isTraitKey(other)).toBe(false);
    }
  });
});

describe("traitKeyFromSpanishName", () => {
  it("reads back every published Spanish name", () => {
    for (const key of TRAIT_KEYS) expect(traitKeyFromSpanishName(TRAIT_NAMES[key].es)).toBe(key);
  });

  it("ignores case, accents and extra spacing", () => {
    expect(traitKeyFromSpanishName("extraversion")).toBe("extraversion");
    expect(traitKeyFromSpanishName("EXTRAVERSIÓN")).toBe("extraversion");
    expect(traitKeyFromSpanishName("  estabilidad   EMOCIONAL ")).toBe("emotional_stability");
    expect(traitKeyFromSpanishName("Engagement relacional")).toBe("relational_engagement");
  });

  it("does not guess: unknown or partial names give undefined", () => {
    expect(traitKeyFromSpanishName("")).toBeUndefined();
    expect(traitKeyFromSpanishName("Estabilidad")).toBeUndefined();
    expect(traitKeyFromSpanishName("Neuroticismo")).toBeUndefined();
    expect(traitKeyFromSpanishName("Openness")).toBeUndefined();
  });
});

describe("traitKeysInSpanishText", () => {
  it("finds the traits of each 'Evalúa' line of the MLOps Engineer document, in order", () => {
    expect(traitKeysInSpanishText("Evalúa: Responsabilidad y Estabilidad Emocional en gestión de incidentes de ML")).toEqual([
      "conscientiousness",
      "emotional_stability",
    ]);
    expect(traitKeysInSpanishText("Evalúa: Apertura y Responsabilidad en diseño de infraestructura de ML")).toEqual([
      "openness",
      "conscientiousness",
    ]);
    expect(traitKeysInSpanishText("Evalúa: Amabilidad y Engagement Relacional en trabajo multidisciplinar")).toEqual([
      "agreeableness",
      "relational_engagement",
    ]);
  });

  it("lists a trait once even when it is named twice", () => {
    expect(traitKeysInSpanishText("Apertura, apertura y Amabilidad")).toEqual(["openness", "agreeableness"]);
  });

  it("does not match a name inside a longer word", () => {
    expect(traitKeysInSpanishText("Evalúa: Aperturas múltiples")).toEqual([]);
  });
});

describe("every per-trait record is built by traitRecord, one value per trait", () => {
  it("builds a value for every trait", () => {
    expect(traitRecord((key) => key.length)).toEqual({
      openness: 8,
      conscientiousness: 17,
      extraversion: 12,
      agreeableness: 13,
      emotional_stability: 19,
      relational_engagement: 21,
    });
  });
});

describe("heaviestTrait", () => {
  it("names the trait whose weight is above every other", () => {
    expect(
      heaviestTrait([
        { trait: "openness", weight: 1 },
        { trait: "extraversion", weight: 3 },
        { trait: "agreeableness", weight: 2 },
      ]),
    ).toEqual({
      trait: "extraversion",
      weight: 3,
    });
  });

  it("names none when every weight is equal, nor when the top weight is shared", () => {
    expect(heaviestTrait(TRAIT_KEYS.map((trait) => ({ trait, weight: 1 })))).toBeUndefined();
    expect(
      heaviestTrait([
        { trait: "openness", weight: 3 },
        { trait: "extraversion", weight: 3 },
        { trait: "agreeableness", weight: 1 },
      ]),
    ).toBeUndefined();
    expect(heaviestTrait([])).toBeUndefined();
  });
});
