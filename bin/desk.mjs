#!/usr/bin/env node
// `desk` CLI entry: the built bundle when it exists, otherwise the TypeScript source through tsx (development).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'desk.cjs');
const args = process.argv.slice(2);
let result;
if (existsSync(bundle)) {
  result = spawnSync(process.execPath, [bundle, ...args], { stdio: 'inherit' });
} else {
  let tsx;
  try {
    tsx = createRequire(import.meta.url).resolve('tsx/cli');
  } catch {
    console.error('Chưa build công cụ desk: hãy chạy "npm run build" trước.');
    process.exit(1);
  }
  result = spawnSync(process.execPath, [tsx, join(root, 'electron', 'cli', 'desk.ts'), ...args], { stdio: 'inherit' });
}
process.exit(result.status ?? 1);
