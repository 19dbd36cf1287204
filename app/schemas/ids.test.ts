import { describe, expect, it } from "vitest";
import { MAX_RECORD_ID, parseRecordId } from "./ids";

describe("a record id in a URL is written in canonical decimal", () => {
  it("reads a positive whole number written without a leading zero", () => {
    expect(parseRecordId("7")).toBe(7);
    expect(parseRecordId("1")).toBe(1);
    expect(parseRecordId("120")).toBe(120);
    expect(parseRecordId("2147483647")).toBe(MAX_RECORD_ID);
  });

  it("an id past the largest a record can have (32 bits, PostgreSQL's integer) names no record", () => {
    expect(parseRecordId("2147483648")).toBeUndefined();
    expect(parseRecordId(String(Number.MAX_SAFE_INTEGER))).toBeUndefined();
  });

  it("an id with a leading zero is not an id: /candidates/007 is a 404", () => {
    expect(parseRecordId("007")).toBeUndefined();
    expect(parseRecordId("07")).toBeUndefined();
  });

  it("refuses every other spelling of a number, zero, and ids past what JavaScript counts exactly", () => {
    for (const param of [
      "0",
      "00",
      "7.0",
      "7.",
      "+7",
      "-7",
      " 7",
      "7 ",
      "7e0",
      "0x7",
      "1_000",
      "٧",
      "",
      "abc",
      "9007199254740992",
      "1".repeat(40),
    ]) {
      expect(parseRecordId(param), param).toBeUndefined();
    }
    expect(parseRecordId(undefined)).toBeUndefined();
  });
});
