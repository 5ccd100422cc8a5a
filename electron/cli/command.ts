import type { ParseArgsConfig } from 'node:util';
import { dispatch, type MethodName } from '../contract';
import { createDesk } from '../services/desk';

/** Bad input on the command line: printed with the usage, exit code 2, never a stack trace. */
export class UsageError extends Error {
  /** false when the arguments were well formed but the desk refused the values: the usage would not help. */
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

export interface CommandContext {
  /** Parsed option values (the command's own plus --json and --data-dir). */
  values: Record<string, string | boolean | undefined>;
  dataDir: string;
  resourcesDir: string;
  version: string;
  json: boolean;
  /** Arguments after the command's name. */
  args: string[];
  /** Prints the JSON form with --json, the text form otherwise. */
  out: (json: unknown, text: string) => void;
}

export interface Command {
  name: string;
  /** One usage line (Vietnamese), shown in `desk --help`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** How many arguments may follow the command's name (default 0). */
  positionals?: number;
  run: (ctx: CommandContext) => Promise<number> | number;
}

export function positiveInt(value: unknown, name: string, max = 100_000_000): number {
  if (value === undefined) throw new UsageError(`Thiếu --${name}`);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new UsageError(`--${name} phải là số nguyên dương (1–${max}), nhận được "${String(value)}"`);
  }
  return Number(value);
}

export function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Thiếu --${name}`);
  return value.trim();
}

/**
 * Runs one desk method for a command: the same desk and validation as the app's doors. A refusal becomes a clear
 * message (exit 2 for bad input, 1 otherwise); the database is closed whatever happens.
 */
export async function withDesk<T>(
  ctx: Pick<CommandContext, 'dataDir' | 'resourcesDir' | 'version'>,
  method: MethodName,
  input: unknown,
): Promise<T> {
  const desk = createDesk({ dataDir: ctx.dataDir, resourcesDir: ctx.resourcesDir, version: ctx.version });
  try {
    const r = await dispatch(desk, method, input);
    if (!r.ok) {
      const details = Array.isArray(r.error.details) ? (r.error.details as Array<{ message?: string }>) : [];
      const message = [r.error.message, ...details.map((d) => d.message).filter((m) => m && m !== r.error.message)].join('; ');
      if (r.error.code === 'VALIDATION' || r.error.code === 'NOT_FOUND') throw new UsageError(message, false);
      throw new Error(message);
    }
    return r.value as T;
  } finally {
    desk.close();
  }
}
