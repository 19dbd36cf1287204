import type { $ZodError } from "zod/v4/core";
import { formatPath } from "./role";
import { roleMessageKey, type RoleMessageKey } from "./role-messages";

/** A role file is a few hundred KB at most; the browser and the server both hold uploads to this. */
export const ROLE_FILE_MAX_BYTES = 2 * 1024 * 1024;

/** What an import says of the file or of one of its fields, for the page to word in the reader's language. */
export type RoleFileIssue =
  | { path: string; kind: "format"; key: RoleMessageKey }
  | { path: string; kind: "import"; key: ImportIssueKey; values?: Record<string, string | number> };

export type ImportIssueKey =
  | "tooLarge"
  | "notMultipart"
  | "noFile"
  | "emptyFile"
  | "nulCharacter"
  | "notJsonAt"
  | "slugTaken"
  | "required"
  | "wrongType"
  | "unknownKeys"
  | "oneOf"
  | "invalid";

/** zod's names of JSON types, as the page words them (roleImport.types.*). */
const JSON_TYPES = ["string", "number", "int", "boolean", "object", "array", "null"] as const;
export type JsonTypeName = (typeof JSON_TYPES)[number];

function isJsonType(value: unknown): value is JsonTypeName {
  return JSON_TYPES.some((type) => type === value);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Each issue of a refused role file as a plain message: the role format's own
 * rules by their key (the role form words them too), zod's checks of shape
 * (a missing field, a wrong type, an unknown key, a value not allowed) by kind.
 */
export function roleFileIssues(error: $ZodError, input: unknown): RoleFileIssue[] {
  return error.issues.map((issue): RoleFileIssue => {
    const path = formatPath(issue.path);
    const key = roleMessageKey(issue.message);
    if (key !== undefined) return { path, kind: "format", key };
    switch (issue.code) {
      case "invalid_type":
        if (valueAt(input, issue.path) === undefined) return { path, kind: "import", key: "required" };
        return isJsonType(issue.expected)
          ? { path, kind: "import", key: "wrongType", values: { expected: issue.expected } }
          : { path, kind: "import", key: "invalid" };
      case "unrecognized_keys":
        return { path, kind: "import", key: "unknownKeys", values: { keys: issue.keys.join(", ") } };
      case "invalid_value":
        return { path, kind: "import", key: "oneOf", values: { values: issue.values.map((value) => JSON.stringify(value)).join(", ") } };
      default:
        return { path, kind: "import", key: "invalid" };
    }
  });
}

/**
 * Where a text that JSON.parse refused goes wrong, as line and column (from 1):
 * the engine's own message gives a position for some mistakes and none for others.
 */
export function jsonErrorPosition(text: string): { line: number; column: number } {
  const offset = firstJsonError(text);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** The offset of the first character that breaks JSON's grammar (text.length when it ends too soon). */
function firstJsonError(text: string): number {
  let at = 0;
  const stop = (): never => {
    throw new JsonStop(at);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text.charAt(at))) at++;
  };
  const expect = (char: string) => {
    if (text.charAt(at) !== char) stop();
    at++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (at >= text.length) stop();
      const char = text.charAt(at);
      if (char === '"') return void at++;
      if (char === "\\") {
        at++;
        const escaped = text.charAt(at);
        if (escaped === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) stop();
          at += 5;
        } else if ('"\\/bfnrt'.includes(escaped) && escaped !== "") {
          at++;
        } else {
          stop();
        }
      } else if (char < " ") {
        stop();
      } else {
        at++;
      }
    }
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    space();
    const char = text.charAt(at);
    if (char === "{") {
      at++;
      space();
      if (text.charAt(at) === "}") return void at++;
      for (;;) {
        space();
        string();
        space();
        expect(":");
        value();
        space();
        if (text.charAt(at) === ",") at++;
        else return expect("}");
      }
    }
    if (char === "[") {
      at++;
      space();
      if (text.charAt(at) === "]") return void at++;
      for (;;) {
        value();
        space();
        if (text.charAt(at) === ",") at++;
        else return expect("]");
      }
    }
    if (char === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, at)) return void (at += word.length);
    }
    NUMBER.lastIndex = at;
    if (!NUMBER.test(text)) stop();
    at = NUMBER.lastIndex;
  };
  try {
    value();
    space();
    if (at < text.length) stop();
    return at;
  } catch (error) {
    if (error instanceof JsonStop) return error.offset;
    // Nesting deeper than the stack: no place to point at but the start.
    if (error instanceof RangeError) return 0;
    throw error;
  }
}

class JsonStop {
  constructor(readonly offset: number) {}
}
