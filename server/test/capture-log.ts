import { Writable } from "node:stream";
import { createLogger, setLogger } from "../log";

export interface CapturedLog {
  /** everything written so far, as the JSON lines a server would print */
  text(): string;
  lines(): Record<string, unknown>[];
  /** back to the logger of the environment (LOG_LEVEL, stdout) */
  restore(): void;
}

/** Sends all logging of this process into memory, with the app's redaction and serializers. */
export function captureLog(level = "debug"): CapturedLog {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  setLogger(createLogger({ level, destination: sink }));
  return {
    text: () => chunks.join(""),
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    restore: () => setLogger(createLogger()),
  };
}
