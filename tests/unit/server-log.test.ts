import { describe, expect, it } from "vitest";
import { serverLogErrors } from "../e2e/server-log";

const line = (fields: Record<string, unknown>) => JSON.stringify({ time: 1764763200000, ...fields });

describe("serverLogErrors", () => {
  it("counts pino's error and fatal lines, on either stream", () => {
    const error = line({ level: 50, msg: "request failed" });
    const fatal = line({ level: 60, msg: "cannot open the database" });
    expect(serverLogErrors({ stdout: `${error}\n`, stderr: `${fatal}\n` })).toEqual([error, fatal]);
  });

  it("does not count info and warn lines, whatever words they carry", () => {
    const stdout = [
      line({ level: 30, msg: "candidate added", name: "Error Prone" }),
      line({ level: 40, msg: "slow request: error budget at 80%" }),
      "Traitkit is running at http://127.0.0.1:3000 (no errors so far)",
    ].join("\n");
    expect(serverLogErrors({ stdout, stderr: "" })).toEqual([]);
  });

  it("counts a crash written to stderr outside the logger: the error and its stack", () => {
    const stderr = [
      "TypeError: Cannot read properties of undefined (reading 'id')",
      "    at loader (/app/build/server/index.js:120:17)",
      "    at async callRouteLoader (node:internal/process/task_queues:95:5)",
      "Error [ERR_SERVER_NOT_RUNNING]: Server is not running.",
    ].join("\n");
    expect(serverLogErrors({ stdout: "", stderr })).toHaveLength(4);
  });

  it("does not count plain stderr lines that are not a crash, nor a crash's words on stdout", () => {
    const stderr = "(node:1234) ExperimentalWarning: an Error Prone feature\nChecking the candidate Error Prone\n";
    const stdout = "Error: printed by a script, not the server's stderr\n";
    expect(serverLogErrors({ stdout, stderr })).toEqual([]);
  });

  it("judges a line that only looks like JSON as a plain line", () => {
    expect(serverLogErrors({ stdout: "", stderr: '{"level": 50 truncated\nError: boom\n' })).toEqual(["Error: boom"]);
  });
});
