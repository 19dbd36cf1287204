/*
 * What in a server's output counts as an error for the browser tests. The server
 * logs one JSON line per event with pino, so an error is a line at pino's error
 * level or above; a line that is not JSON counts only when it is a crash that
 * bypassed the logger (a stack trace or an "Error:" written to stderr). A
 * candidate named "Error Prone" in an info line is not an error.
 */

/** pino's numeric levels: 50 is error, 60 is fatal. */
const PINO_ERROR_LEVEL = 50;

/** The first line of an uncaught error ("TypeError: …", "Error [ERR_X]: …") or a frame of its stack. */
const CRASH_LINE = /^(?:Uncaught )?[A-Za-z]*Error(?: \[[A-Z_0-9]+\])?: |^\s+at .+(?:\(.+:\d+:\d+\)|:\d+:\d+)$/;

export type ServerOutput = { stdout: string; stderr: string };

function pinoLevel(line: string): number | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === "object" && parsed !== null && "level" in parsed && typeof parsed.level === "number") return parsed.level;
  } catch {
    // Not JSON after all: judged as a plain line.
  }
  return undefined;
}

/** The lines of the output that are errors, stdout's first. */
export function serverLogErrors(output: ServerOutput): string[] {
  const errors: string[] = [];
  for (const [stream, text] of [
    ["stdout", output.stdout],
    ["stderr", output.stderr],
  ] as const) {
    for (const line of text.split("\n")) {
      const level = pinoLevel(line.trim());
      if (level !== undefined ? level >= PINO_ERROR_LEVEL : stream === "stderr" && CRASH_LINE.test(line)) errors.push(line);
    }
  }
  return errors;
}
