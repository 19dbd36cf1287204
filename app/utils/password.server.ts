import { hash, verify, type Options } from "@node-rs/argon2";

/*
 * argon2id with OWASP's first recommended setting (m=19 MiB, p=1), one pass
 * more than its minimum so a hash costs 50 ms or more on a 2-core machine
 * (docs/reliability.md P1). A stored hash weaker than this is upgraded at sign-in.
 */
const ARGON2ID = 2; // Algorithm.Argon2id: a const enum, which isolated modules cannot import.
export const PASSWORD_HASH_PARAMS = { memoryCost: 19456, timeCost: 3, parallelism: 1 } as const;
const OPTIONS: Options = { algorithm: ARGON2ID, ...PASSWORD_HASH_PARAMS };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    // A malformed stored hash verifies nothing.
    return false;
  }
}

/** True when the hash is not argon2id with at least today's parameters. */
export function needsRehash(storedHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!match) return true;
  const [memory, time, parallelism] = match.slice(1).map(Number);
  return (
    memory === undefined ||
    time === undefined ||
    memory < PASSWORD_HASH_PARAMS.memoryCost ||
    time < PASSWORD_HASH_PARAMS.timeCost ||
    parallelism !== PASSWORD_HASH_PARAMS.parallelism
  );
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, so that an unknown email and a
 * wrong password cannot be told apart by the response time.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("traitkit-no-such-account-placeholder");
  await verifyPassword(await dummyHash, password);
  return false;
}
