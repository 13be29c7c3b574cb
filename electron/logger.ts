import { SafeError } from './errors';

/**
 * The main process's only logger. It accepts an event name and a few scalar fields that
 * the caller vouches for (channel names, error codes, counts) and nothing else: payloads,
 * file paths and error messages can contain resident data and are never logged.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, string | number | boolean>>;
export type Logger = (level: LogLevel, event: string, fields?: LogFields) => void;

/** Field values are cut short so a mistaken caller cannot dump a document into the log. */
const MAX_FIELD_LENGTH = 80;

export function formatLogLine(level: LogLevel, event: string, fields: LogFields = {}): string {
  const parts = Object.entries(fields).map(([key, value]) => {
    const text = String(value);
    return `${key}=${text.length > MAX_FIELD_LENGTH ? `${text.slice(0, MAX_FIELD_LENGTH)}…` : text}`;
  });
  return [`[wijktafel:${level}]`, event, ...parts].join(' ');
}

export function createLogger(write: (line: string) => void): Logger {
  return (level, event, fields) => {
    write(`${formatLogLine(level, event, fields)}\n`);
  };
}

/** A stable, non-sensitive label for an unknown thrown value: Node error codes or the class name. */
export function errorLabel(error: unknown): string {
  if (error instanceof SafeError) return error.code;
  if (typeof error === 'object' && error !== null) {
    const code: unknown = Reflect.get(error, 'code');
    if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code)) return code;
    if (error instanceof Error) return error.name;
  }
  return typeof error;
}
