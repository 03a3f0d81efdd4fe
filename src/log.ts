/** One logger for the app: JSON-free readable lines, secrets redacted. */
export type LogLevel = "debug" | "info" | "warn" | "error";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Slack tokens, signing secrets in URLs and OpenAI keys must never reach a log file.
const SECRET = /\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|sk-[A-Za-z0-9_-]{8,})/g;
export function redact(text: string): string {
  return text.replace(SECRET, (m) => `${m.slice(0, 5)}…[redacted]`);
}

export interface Logger {
  debug(msg: string, extra?: unknown): void;
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
}

export function createLogger(
  level: LogLevel = "info",
  sink: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const write = (lvl: LogLevel, msg: string, extra?: unknown) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const tail = extra === undefined ? "" : ` ${extra instanceof Error ? extra.message : safeJson(extra)}`;
    sink(redact(`${new Date().toISOString()} ${lvl.toUpperCase()} ${msg}${tail}`));
  };
  return {
    debug: (m, e) => write("debug", m, e),
    info: (m, e) => write("info", m, e),
    warn: (m, e) => write("warn", m, e),
    error: (m, e) => write("error", m, e),
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
