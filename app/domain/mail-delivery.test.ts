import { describe, expect, it } from "vitest";
import { afterFailedAttempt, FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, MAX_SEND_ATTEMPTS, retryDelayMs } from "./mail-delivery";

const MINUTE = 60_000;

describe("retryDelayMs", () => {
  it("waits 1, 2, 4, 8, 16 minutes after the first five failed attempts", () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelayMs(attempts, 0))).toEqual([1, 2, 4, 8, 16].map((m) => m * MINUTE));
    expect(FIRST_RETRY_DELAY_MS).toBe(MINUTE);
  });

  it("never waits longer than an hour before the spread", () => {
    expect(MAX_RETRY_DELAY_MS).toBe(60 * MINUTE);
    expect(retryDelayMs(6, 0)).toBe(32 * MINUTE);
    expect(retryDelayMs(7, 0)).toBe(60 * MINUTE);
    expect(retryDelayMs(40, 0)).toBe(60 * MINUTE);
  });

  it("waits the first delay when no attempt has been counted yet", () => {
    expect(retryDelayMs(0, 0)).toBe(MINUTE);
    expect(retryDelayMs(-3, 0)).toBe(MINUTE);
  });

  it("stretches the wait by up to a fifth, in proportion to the spread", () => {
    expect(retryDelayMs(1, 1)).toBe(72_000);
    expect(retryDelayMs(1, 0.5)).toBe(66_000);
    expect(retryDelayMs(3, 0.25)).toBe(4 * MINUTE * 1.05);
    expect(retryDelayMs(10, 1)).toBe(72 * MINUTE);
  });

  it("clamps a spread outside 0..1", () => {
    expect(retryDelayMs(2, 5)).toBe(retryDelayMs(2, 1));
    expect(retryDelayMs(2, -1)).toBe(retryDelayMs(2, 0));
  });

  it("gives whole milliseconds", () => {
    expect(Number.isInteger(retryDelayMs(1, 1 / 3))).toBe(true);
    expect(retryDelayMs(1, 1 / 3)).toBe(64_000);
  });
});

describe("afterFailedAttempt", () => {
  it("fails at once on a 5xx answer: a permanent failure will not go better", () => {
    expect(afterFailedAttempt(1, 550)).toBe("fail");
    expect(afterFailedAttempt(1, 500)).toBe("fail");
    expect(afterFailedAttempt(1, 599)).toBe("fail");
  });

  it("retries a 4xx answer or no answer until the last attempt", () => {
    expect(afterFailedAttempt(1, 421)).toBe("retry");
    expect(afterFailedAttempt(1, undefined)).toBe("retry");
    expect(afterFailedAttempt(MAX_SEND_ATTEMPTS - 1, 450)).toBe("retry");
    expect(afterFailedAttempt(MAX_SEND_ATTEMPTS - 1, undefined)).toBe("retry");
  });

  it("fails once MAX_SEND_ATTEMPTS attempts are made, whatever the answer", () => {
    expect(MAX_SEND_ATTEMPTS).toBe(6);
    expect(afterFailedAttempt(MAX_SEND_ATTEMPTS, 421)).toBe("fail");
    expect(afterFailedAttempt(MAX_SEND_ATTEMPTS, undefined)).toBe("fail");
    expect(afterFailedAttempt(MAX_SEND_ATTEMPTS + 1, undefined)).toBe("fail");
  });

  it("does not take a code outside 500..599 for a permanent failure", () => {
    expect(afterFailedAttempt(1, 600)).toBe("retry");
    expect(afterFailedAttempt(1, 499)).toBe("retry");
  });
});
