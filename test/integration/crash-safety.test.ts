import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, Result } from '../../electron/contract';
import type { OnlineManifestInput } from '../../electron/contract/online';
import { DB_FILE_NAME } from '../../electron/db/connection';
import { buildOnlinePackage } from '../../electron/online/zip-writer';
import { ROOT, SETUP, signInOverHttp, tempDir } from '../support/desk';
import * as fx from '../unit/files/fixtures';

/**
 * The real desk server (its own process) is killed with SIGKILL in the middle of a batch of online imports, and
 * in the middle of a large upload; a new server on the same data folder must find nothing half-written: every
 * dossier whole (files, blobs, submission record), no blob without a row, nothing left in tmp/ or imports/, an
 * intact database whose tab counts equal a real count, and a re-import that brings in exactly what was missing.
 */

interface Server {
  child: ChildProcess;
  origin: string;
  token: string;
  stderr: () => string;
  /** The administrator's session cookie at this server process (sessions live in each process's memory). */
  cookie?: string;
}

/** The door's headers, signed in once the desk is set up (setup itself is open). */
async function door(s: Server, method = ''): Promise<Record<string, string>> {
  if (method === 'setupDesk' || method === 'getSetup') return { 'x-desk-token': s.token };
  s.cookie ??= await signInOverHttp(s.origin, s.token);
  return { 'x-desk-token': s.token, cookie: s.cookie };
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/server/serve.ts')], {
    cwd: ROOT,
    env: { ...process.env, DESK_DATA_DIR: dataDir, DESK_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (c: Buffer) => void (err += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Một Cửa Desk: (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  const url = new URL(line);
  return { child, origin: url.origin, token: url.searchParams.get('token')!, stderr: () => err };
}

async function killHard(s: Server): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = once(s.child, 'exit');
  s.child.kill('SIGKILL');
  await exited;
}

async function call<T>(s: Server, method: string, input: unknown): Promise<Result<T>> {
  const res = await fetch(`${s.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await door(s, method)) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as Result<T>;
}

async function importOverHttp(s: Server, name: string, zip: Buffer): Promise<Result<ImportReport>> {
  const res = await fetch(`${s.origin}/api/import?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/zip', ...(await door(s)) },
    body: new Uint8Array(zip),
  });
  return (await res.json()) as Result<ImportReport>;
}

// ---------- the packages ----------

const PACKAGES = 40;
/** Responses received before the server is killed (the next request is in flight). */
const KILL_AFTER = 10;

interface Pkg {
  portalId: string;
  name: string;
  zip: Buffer;
  fileCount: number;
}

/** A one-page text PDF and a two-page scan (a JPEG padded with random bytes: ~300 KB, never deduplicated). */
async function packageFor(i: number): Promise<Pkg> {
  const portalId = `H56.CRASH-${String(i).padStart(4, '0')}`;
  const files: Record<string, Buffer> = {
    'to-khai.pdf': await fx.pdfkitPdf([fx.textPage(`Tờ khai xác nhận tình trạng hôn nhân số ${i}`)]),
    'giay-to.pdf': await fx.pdfkitPdf([fx.imagePage(fx.jpeg(1240, 1754, 300_000)), fx.textPage('Trang 2')]),
  };
  const manifest: OnlineManifestInput = {
    format: 'mot-cua-desk/online-dossier',
    version: 1,
    portalDossierId: portalId,
    procedureCode: '1.004873',
    submittedAt: new Date(Date.now() - 3_600_000).toISOString(),
    applicant: {
      fullName: `Phạm Thị Lan ${String.fromCharCode(65 + (i % 26))}`,
      idKind: 'cccd',
      idNumber: '038196001234',
      phone: '0987654321',
      address: 'Thôn Hải Thanh, phường Tĩnh Gia, tỉnh Thanh Hóa',
    },
    components: [
      { name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1, files: ['to-khai.pdf'] },
      { name: 'Giấy tờ chứng minh tình trạng hôn nhân (nếu có)', photocopies: 1, files: ['giay-to.pdf'] },
    ],
  };
  return { portalId, name: `${portalId}.zip`, zip: await buildOnlinePackage(manifest, files), fileCount: 2 };
}

// ---------- what a restarted desk must find ----------

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under files/blobs/<aa>/. */
function blobsOnDisk(dataDir: string): string[] {
  const root = path.join(dataDir, 'files', 'blobs');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).flatMap((prefix) => fs.readdirSync(path.join(root, prefix)));
}

const entries = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

/** The invariants of a data folder after a crash and a restart (read while the restarted server runs: WAL). */
function checkDataFolder(dataDir: string) {
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // Online dossiers: each whole, with its submission record, its files and their blobs.
    const dossiers = db
      .prepare(
        `SELECT d.id, d.portal_dossier_id AS portalId, s.manifest_json AS manifest
           FROM dossiers d LEFT JOIN online_submissions s ON s.dossier_id = d.id WHERE d.channel = 2`,
      )
      .all() as Array<{ id: number; portalId: string | null; manifest: string | null }>;
    const withoutSubmission = dossiers.filter((d) => d.manifest === null).map((d) => d.portalId);
    expect(withoutSubmission).toEqual([]);
    const fileRows = db.prepare('SELECT sha256, size, dossier_id AS dossierId FROM files').all() as Array<{
      sha256: string;
      size: number;
      dossierId: number | null;
    }>;
    for (const d of dossiers) {
      const manifest = JSON.parse(d.manifest!) as { portalDossierId: string; components: Array<{ files: string[] }> };
      expect(manifest.portalDossierId).toBe(d.portalId);
      const declared = manifest.components.reduce((n, c) => n + c.files.length, 0);
      const rows = fileRows.filter((f) => f.dossierId === d.id);
      expect(rows.length, `files of ${d.portalId}`).toBe(declared);
      for (const f of rows) {
        const blob = path.join(dataDir, 'files', 'blobs', f.sha256.slice(0, 2), f.sha256);
        expect(fs.existsSync(blob), `blob of ${d.portalId}`).toBe(true);
        const bytes = fs.readFileSync(blob);
        expect(bytes.length).toBe(f.size);
        expect(sha256(bytes), `blob of ${d.portalId} re-hashed`).toBe(f.sha256);
      }
    }
    const orphanSubmissions = db
      .prepare('SELECT count(*) FROM online_submissions s LEFT JOIN dossiers d ON d.id = s.dossier_id WHERE d.id IS NULL')
      .pluck()
      .get();
    expect(orphanSubmissions).toBe(0);

    // No blob without a row, nothing unfinished.
    const known = new Set(fileRows.map((f) => f.sha256));
    expect(blobsOnDisk(dataDir).filter((b) => !known.has(b))).toEqual([]);
    expect(entries(path.join(dataDir, 'files', 'tmp'))).toEqual([]);
    expect(entries(path.join(dataDir, 'imports'))).toEqual([]);

    // The trigger-kept tab counts equal a real count.
    const kept = db.prepare('SELECT tab, status, n FROM dossier_counts WHERE n <> 0 ORDER BY tab, status').all();
    const real = db
      .prepare('SELECT work_tab AS tab, status, count(*) AS n FROM dossiers GROUP BY work_tab, status ORDER BY tab, status')
      .all();
    expect(kept).toEqual(real);

    return {
      portalIds: new Set(dossiers.map((d) => d.portalId!)),
      files: fileRows.length,
      uploads: fileRows.filter((f) => f.dossierId === null).length,
    };
  } finally {
    db.close();
  }
}

// ---------- the scenarios ----------

describe('crash safety of the desk server', () => {
  const dataDir = tempDir('desk-crash-');
  dirs.push(dataDir);
  let packages: Pkg[] = [];
  let server: Server;

  beforeAll(async () => {
    const [pkgs, started] = await Promise.all([
      Promise.all(Array.from({ length: PACKAGES }, (_, i) => packageFor(i))),
      startServer(dataDir),
    ]);
    packages = pkgs;
    server = started;
    expect((await call(server, 'setupDesk', SETUP)).ok).toBe(true);
  }, 60_000);

  it('survives SIGKILL in the middle of a batch of online imports', async () => {
    const tmpDir = path.join(dataDir, 'files', 'tmp');
    // Killed while the in-flight package has one attachment stored as a blob (no row yet) and the next one
    // half-written in tmp/ — the worst moment for "all or nothing".
    let armed = false;
    const parts = new Set<string>();
    let fired = false;
    let fire: () => void = () => {};
    const triggered = new Promise<void>((resolve) => (fire = resolve));
    const look = (name: string | null) => {
      if (!armed || fired || !name?.endsWith('.part')) return;
      parts.add(name);
      if (parts.size >= 2) {
        fired = true;
        fire();
      }
    };
    const watcher = fs.watch(tmpDir, (_event, name) => look(name));
    const poll = setInterval(() => entries(tmpDir).forEach(look), 2);
    const killed = triggered.then(() => killHard(server));

    const answered: string[] = [];
    let inFlight: number | null = null;
    try {
      for (let i = 0; i < PACKAGES; i++) {
        armed = i >= KILL_AFTER;
        parts.clear();
        const request = importOverHttp(server, packages[i]!.name, packages[i]!.zip).then(
          (r) => ({ r }),
          (err: unknown) => ({ err }),
        );
        const first = await Promise.race([request, triggered.then(() => 'killed' as const)]);
        if (first === 'killed' || fired) {
          inFlight = i;
          await killed;
          expect(await request).toHaveProperty('err'); // the connection died with the server
          break;
        }
        if (!('r' in first) || !first.r.ok) throw new Error(`import ${i}: ${JSON.stringify(first)}`);
        expect(first.r.value.outcome).toBe('imported');
        answered.push(packages[i]!.portalId);
      }
    } finally {
      watcher.close();
      clearInterval(poll);
    }
    expect(inFlight).not.toBeNull();
    expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER);

    // The crash left debris (read while no server runs): the spooled package, the half-written attachment in tmp/,
    // and the first attachment already stored as a blob that no row points at.
    expect(entries(path.join(dataDir, 'imports')).length).toBeGreaterThan(0);
    expect(entries(tmpDir).length).toBeGreaterThan(0);
    const blobsBefore = blobsOnDisk(dataDir).length;
    const crashed = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
    const rows = new Set(crashed.prepare('SELECT sha256 FROM files').pluck().all() as string[]);
    crashed.close();
    expect(blobsOnDisk(dataDir).filter((b) => !rows.has(b)).length).toBeGreaterThan(0);

    server = await startServer(dataDir);
    const found = checkDataFolder(dataDir);
    // Every answered import is there; nothing beyond the one in flight.
    for (const id of answered) expect(found.portalIds.has(id), id).toBe(true);
    const expected = new Set(answered);
    const extra = [...found.portalIds].filter((id) => !expected.has(id));
    expect(extra.every((id) => id === packages[inFlight!]!.portalId)).toBe(true);
    expect(blobsOnDisk(dataDir).length).toBeLessThanOrEqual(blobsBefore);

    // Re-importing the whole batch (four at a time, as two counters with two windows might) brings in exactly
    // what is missing.
    const outcomes: Record<string, string> = {};
    const queue = [...packages];
    const worker = async () => {
      for (let p = queue.shift(); p; p = queue.shift()) {
        const r = await importOverHttp(server, p.name, p.zip).catch((err: unknown) => {
          throw new Error(`${p.name}: ${String(err)}; the server said: ${server.stderr()}`);
        });
        if (!r.ok) throw new Error(`${p.name}: ${r.error.message}`);
        outcomes[p.portalId] = r.value.outcome;
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    for (const p of packages) {
      expect(outcomes[p.portalId], p.portalId).toBe(found.portalIds.has(p.portalId) ? 'duplicate' : 'imported');
    }
    const after = checkDataFolder(dataDir);
    expect(after.portalIds.size).toBe(PACKAGES);
    expect(after.files).toBe(packages.reduce((n, p) => n + p.fileCount, 0));
  }, 90_000);

  it('survives SIGKILL in the middle of a 40 MB upload', async () => {
    const before = checkDataFolder(dataDir);
    const tmpDir = path.join(dataDir, 'files', 'tmp');
    const TOTAL = 40 * 1024 * 1024;
    const CHUNK = 256 * 1024;
    const req = http.request(`${server.origin}/api/files?name=${encodeURIComponent('ban-quet-lon.pdf')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', ...(await door(server)) }, // chunked: no Content-Length
    });
    const failed = new Promise<Error>((resolve) => {
      req.on('error', resolve);
      req.on('response', (res) => resolve(new Error(`the upload was answered (${res.statusCode})`)));
    });
    const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
    let sent = 0;
    let dead = false;
    void failed.then(() => void (dead = true));
    const sending = (async () => {
      while (sent < TOTAL && !dead) {
        const chunk = Buffer.alloc(CHUNK, 0x20);
        if (sent === 0) head.copy(chunk);
        sent += CHUNK;
        if (!req.write(chunk)) await Promise.race([once(req, 'drain'), failed]);
        await new Promise((r) => setTimeout(r, 2)); // a slow scanner link: the kill lands mid-stream
      }
    })();

    // Killed once the server has about 8 MB of it in tmp/.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const part = entries(tmpDir).find((n) => n.endsWith('.part'));
      const size = part ? (fs.statSync(path.join(tmpDir, part), { throwIfNoEntry: false })?.size ?? 0) : 0;
      if (size >= 8 * 1024 * 1024) break;
      if (Date.now() > deadline || dead) throw new Error(`the upload did not reach the server (sent ${sent})`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await killHard(server);
    expect((await failed).message).not.toMatch(/answered/);
    await sending;
    expect(sent).toBeLessThan(TOTAL);
    expect(entries(tmpDir).length).toBeGreaterThan(0); // the crash left the half-received file

    server = await startServer(dataDir);
    const after = checkDataFolder(dataDir);
    expect(after.files).toBe(before.files);
    expect(after.uploads).toBe(0);
    expect(server.stderr()).toMatch(/removed \d+ orphan file\(s\) and 1 unfinished upload\(s\)/);
    const inbox = await call<{ items: unknown[] }>(server, 'listInbox', {});
    expect(inbox.ok && inbox.value.items).toEqual([]);
  }, 60_000);
});
