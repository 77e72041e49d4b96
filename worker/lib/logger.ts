// Structured logs: one JSON object per line, always carrying the request id, so a message can be
// followed from the edge to the bridge and back. E-mail addresses, phone, card and IBAN numbers in any
// field are masked before the line is written.
import { maskPersonalData, maskPersonalFields } from "@coach/contracts/personal-data";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export type Logger = {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line it writes. */
  child(fields: LogFields): Logger;
};

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Makes a logger bound to one request id (or any other fixed fields), writing `minLevel` and above. */
export function createLogger(base: LogFields, minLevel: LogLevel = "info"): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (LEVEL_ORDER[level] < LEVEL_ORDER[minLevel]) return;
    const line = JSON.stringify({
      ts: new Date().toISOString(),
      level,
      msg: maskPersonalData(msg),
      ...(maskPersonalFields({ ...base, ...fields }) as LogFields),
    });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    debug: (msg, fields) => write("debug", msg, fields),
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
    child: (fields) => createLogger({ ...base, ...fields }, minLevel),
  };
}

/** The parts of an unknown thrown value worth logging (never sent to a client). */
export function describeError(err: unknown): LogFields {
  if (err instanceof Error)
    return { error_name: err.name, error_message: err.message, stack: err.stack };
  return { error_message: String(err) };
}
