import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { newPasswordSchema } from "../../app/schemas/auth";
import { hashPassword, needsRehash, verifyPassword } from "../../app/utils/password.server";
import { serverNewPasswordSchema } from "../../app/utils/password-policy.server";

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/;
const ARGON2ID = 2; // Algorithm.Argon2id (a const enum)

describe("password hashing (P1)", () => {
  it("hashes with argon2id, v=19, m ≥ 19456 KiB, t ≥ 2, p = 1", async () => {
    const stored = await hashPassword("a long and unusual passphrase");
    const match = PHC.exec(stored);
    expect(match).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(19456);
    expect(Number(match?.[2])).toBeGreaterThanOrEqual(2);
  });

  it("salts every hash: the same password hashes differently twice", async () => {
    const [a, b] = await Promise.all([hashPassword("same passphrase here"), hashPassword("same passphrase here")]);
    expect(a).not.toBe(b);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("a long and unusual passphrase");
    expect(await verifyPassword(stored, "a long and unusual passphrase")).toBe(true);
    expect(await verifyPassword(stored, "a long and unusual passphrasE")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("verifies nothing against a malformed stored hash", async () => {
    expect(await verifyPassword("not a hash", "anything at all")).toBe(false);
  });

  it("asks to rehash a weaker argon2id hash and a non-argon2 one, not today's", async () => {
    const weak = await hash("a long and unusual passphrase", { algorithm: ARGON2ID, memoryCost: 4096, timeCost: 3, parallelism: 1 });
    expect(weak).toMatch(/^\$argon2id\$v=19\$m=4096,/);
    expect(needsRehash(weak)).toBe(true);
    const fewerPasses = await hash("a long and unusual passphrase", {
      algorithm: ARGON2ID,
      memoryCost: 19456,
      timeCost: 1,
      parallelism: 1,
    });
    expect(needsRehash(fewerPasses)).toBe(true);
    expect(needsRehash("$2b$10$abcdefghijklmnopqrstuuN1f6nV8mE8p3rW5t7y9z0aBcDeFgHi")).toBe(true);
    expect(needsRehash("plain text")).toBe(true);
    expect(needsRehash(await hashPassword("a long and unusual passphrase"))).toBe(false);
  });
});

describe("new-password policy (P2)", () => {
  const schemas = [
    ["browser schema", newPasswordSchema],
    ["server schema", serverNewPasswordSchema],
  ] as const;

  const LONG_64 = "harbour lantern whistles under a copper moon while gulls argue o";
  const LONG_128 = `${LONG_64} and the tide keeps its own slow counsel beyond the breakwater!!`;
  const UNICODE = "contraseña segura de montaña 山の上で";

  it("has passphrases of the lengths under test", () => {
    expect(LONG_64).toHaveLength(64);
    expect(LONG_128).toHaveLength(128);
  });

  for (const [name, schema] of schemas) {
    it(`${name}: accepts 64- and 128-character and unicode passphrases, unmodified`, () => {
      for (const passphrase of [LONG_64, LONG_128, UNICODE]) {
        const parsed = schema.safeParse(passphrase);
        expect(parsed.success, passphrase).toBe(true);
        expect(parsed.data).toBe(passphrase);
      }
    });

    it(`${name}: has no composition rules (lowercase letters and spaces only are fine)`, () => {
      expect(schema.safeParse("lantern mosaic thimble orchard").success).toBe(true);
    });

    it(`${name}: rejects 11 characters`, () => {
      const parsed = schema.safeParse("Xk9#mQ2$vLp");
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message)).toContain("validation.passwordTooShort");
    });
  }

  it("rejects common and guessable passwords on the server", () => {
    for (const common of ["123qweasdzxc", "qwertyuiop123", "password1234", "Password1234"]) {
      // Long enough for the browser's length rule; the breached list lives on the server.
      expect(newPasswordSchema.safeParse(common).success, common).toBe(true);
      const parsed = serverNewPasswordSchema.safeParse(common);
      expect(parsed.success, common).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message)).toContain("validation.passwordGuessable");
    }
  });
});
