import type { ParseArgsConfig } from 'node:util';

/** Bad input on the command line: printed with the usage, exit code 2, never a stack trace. */
export class UsageError extends Error {}

export interface CommandContext {
  /** Parsed option values (the command's own plus --json and --data-dir). */
  values: Record<string, string | boolean | undefined>;
  dataDir: string;
  resourcesDir: string;
  version: string;
  json: boolean;
  /** Prints the JSON form with --json, the text form otherwise. */
  out: (json: unknown, text: string) => void;
}

export interface Command {
  name: string;
  /** One usage line (Vietnamese), shown in `desk --help`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
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
