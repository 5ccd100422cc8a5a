import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/contract';
import { ROOT, SETUP, intake, signInOverHttp, tempDir } from '../support/desk';

/**
 * Two desk servers (two processes, two SQLite connections) on one data folder, as two counters sharing a queue,
 * receiving at once: every dossier must get its own code, numbered without gaps.
 */
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

async function startServer(dataDir: string): Promise<{ origin: string; token: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/server/serve.ts')], {
    cwd: ROOT,
    env: { ...process.env, DESK_DATA_DIR: dataDir, DESK_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Một Cửa Desk: (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const url = new URL(line);
  return { origin: url.origin, token: url.searchParams.get('token')! };
}

/** A call as the signed-in administrator of that server process (setup itself is open). */
const post = async (s: { origin: string; token: string; cookie?: string }, method: string, input: unknown) => {
  if (method !== 'setupDesk') s.cookie ??= await signInOverHttp(s.origin, s.token);
  const res = await fetch(`${s.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-desk-token': s.token, ...(s.cookie ? { cookie: s.cookie } : {}) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as Result<{ id: number; code: string }>;
};

describe('parallel intakes through the desk server', () => {
  it('gives every dossier a unique, gap-free code when two counters receive at once', async () => {
    const dataDir = tempDir();
    const a = await startServer(dataDir);
    const b = await startServer(dataDir);
    expect((await post(a, 'setupDesk', SETUP)).ok).toBe(true);

    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => post(i % 2 ? a : b, 'createDossier', intake({ fullName: `Người Nộp ${i}` }))),
    );
    const failures = results.filter((r) => !r.ok);
    expect(failures).toEqual([]);
    const codes = results.map((r) => (r.ok ? r.value.code : ''));
    expect(new Set(codes).size).toBe(60);
    const sequences = codes.map((c) => Number(c.split('-').at(-1))).sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  }, 60_000);

  it('accepts a dossier once when the same "Tiếp nhận" is clicked at two counters', async () => {
    const dataDir = tempDir();
    const a = await startServer(dataDir);
    const b = await startServer(dataDir);
    await post(a, 'setupDesk', SETUP);
    const created = await post(a, 'createDossier', intake());
    if (!created.ok) throw new Error(created.error.message);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => post(i % 2 ? a : b, 'acceptDossier', { id: created.value.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(['CONFLICT', 'INVALID_STATE']).toContain((r as { error: { code: string } }).error.code);
    }
  }, 60_000);
});
