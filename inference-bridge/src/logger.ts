/**
 * Structured logging: one JSON object per line on stdout, so log shippers need no parsing rules.
 * Child loggers carry fields such as `request_id` into every line they write. E-mail addresses,
 * phone, card and IBAN numbers in any field are masked before the line is written.
 */
import { maskPersonalData, maskPersonalFields } from "@coach/contracts/personal-data";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Where lines go; tests swap it to capture output. */
export type LogSink = (line: string) => void;

/** A logger bound to a set of fields that are added to every line. */
export class Logger {
  constructor(
    private readonly level: LogLevel = "info",
    private readonly fields: LogFields = {},
    private readonly sink: LogSink = (line) => process.stdout.write(`${line}\n`),
  ) {}

  /** Returns a logger that adds `fields` to every line. */
  child(fields: LogFields): Logger {
    return new Logger(this.level, { ...this.fields, ...fields }, this.sink);
  }

  debug(msg: string, fields?: LogFields): void {
    this.write("debug", msg, fields);
  }
  info(msg: string, fields?: LogFields): void {
    this.write("info", msg, fields);
  }
  warn(msg: string, fields?: LogFields): void {
    this.write("warn", msg, fields);
  }
  error(msg: string, fields?: LogFields): void {
    this.write("error", msg, fields);
  }

  private write(level: LogLevel, msg: string, fields?: LogFields): void {
    if (rank[level] < rank[this.level]) return;
    const line = {
      ts: new Date().toISOString(),
      level,
      msg: maskPersonalData(msg),
      ...(maskPersonalFields({ ...this.fields, ...fields }) as LogFields),
    };
    this.sink(JSON.stringify(line));
  }
}
