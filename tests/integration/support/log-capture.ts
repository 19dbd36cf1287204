/*
 * Captures what the app logs. The logger (app/utils/log.server.ts) is pino on
 * stdout; pino writes through process.stdout.write only when that method has
 * been replaced before the logger is made (otherwise it opens fd 1 itself). So
 * this module replaces it as soon as it is imported, before any app module:
 * import it first. Everything is still written to the real stdout.
 */

type Listener = (text: string) => void;

const listeners = new Set<Listener>();
const originalWrite = process.stdout.write.bind(process.stdout);

function chunkText(chunk: unknown): string {
  if (typeof chunk === "string") return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString("utf8");
  return String(chunk);
}

function capturingWrite(
  chunk: Uint8Array | string,
  encodingOrCallback?: BufferEncoding | ((err?: Error | null) => void),
  callback?: (err?: Error | null) => void,
): boolean {
  const text = chunkText(chunk);
  for (const listener of listeners) listener(text);
  if (typeof encodingOrCallback === "function") return originalWrite(chunk, encodingOrCallback);
  return originalWrite(chunk, encodingOrCallback, callback);
}

process.stdout.write = capturingWrite;

export type LogEvent = { event?: unknown; [key: string]: unknown };

export type LogCapture = {
  /** Everything written to stdout since the capture started. */
  text: () => string;
  /** The JSON log lines written since the capture started, parsed. */
  events: () => LogEvent[];
  stop: () => void;
};

function isLogEvent(value: unknown): value is LogEvent {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Starts recording stdout; call stop() when done. */
export function captureLogs(): LogCapture {
  let buffer = "";
  const listener: Listener = (text) => {
    buffer += text;
  };
  listeners.add(listener);
  return {
    text: () => buffer,
    events: () =>
      buffer
        .split("\n")
        .filter((line) => line.trim().startsWith("{"))
        .flatMap((line): LogEvent[] => {
          try {
            const parsed: unknown = JSON.parse(line);
            return isLogEvent(parsed) ? [parsed] : [];
          } catch {
            return [];
          }
        }),
    stop: () => {
      listeners.delete(listener);
    },
  };
}
