import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Starts the real desk server on a free loopback port with a fresh data directory, waits for the server.json it
 * writes, and hands its tokened URL to the specs (process.env is inherited by the test workers).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = path.join(ROOT, 'dist', 'server', 'serve.cjs');
const RENDERER = path.join(ROOT, 'dist', 'renderer', 'index.html');

interface ServerInfo {
  url: string;
  origin: string;
  port: number;
  token: string;
  pid: number;
}

export default async function globalSetup(): Promise<void> {
  for (const file of [SERVER, RENDERER]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run "npm run build" before the end-to-end tests.`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mot-cua-e2e-'));
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: { ...process.env, DESK_DATA_DIR: dataDir, DESK_PORT: '0' },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  let exited: string | null = null;
  child.on('exit', (code, signal) => {
    exited = `exit code ${code ?? 'none'}, signal ${signal ?? 'none'}`;
  });

  process.env.DESK_E2E_DATA_DIR = dataDir;
  process.env.DESK_E2E_PID = String(child.pid);

  const infoFile = path.join(dataDir, 'server.json');
  const deadline = Date.now() + 30_000;
  let info: ServerInfo | null = null;
  while (info === null) {
    if (exited) throw new Error(`The desk server stopped (${exited}):\n${fs.readFileSync(logFile, 'utf8')}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`The desk server did not write server.json within 30 s:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    try {
      info = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as ServerInfo;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const health = await fetch(`${info.origin}/api/health`);
  if (!health.ok) throw new Error(`GET /api/health answered ${health.status}`);

  process.env.DESK_URL = info.url;
  process.env.DESK_ORIGIN = info.origin;
  console.log(`[e2e] desk server ${info.origin} (pid ${child.pid}, data ${dataDir})`);
}
