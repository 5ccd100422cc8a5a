/**
 * Figures for the intake budget ("five attachments, 10 MB, ≤ 150 ms"): a 2 MB PDF, then five files totalling 10 MB,
 * warm, each with new bytes (so every ingest writes, fsyncs and renames). Printed with an [files] prefix; the
 * assertions are loose because a shared CI machine is noisy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore, inspectFile, warmUpInspector, type FileStore } from '../../../electron/files';
import * as fx from './fixtures';

const MB = 1024 * 1024;
let root: string;
let store: FileStore;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'filestore-measure-'));
  store = createFileStore(root);
  await warmUpInspector();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const scanPdf = (bytes: number, pages = 1) =>
  fx.pdfkitPdf(Array.from({ length: pages }, () => fx.imagePage(fx.jpeg(2480, 3508, Math.floor(bytes / pages)))));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function writeAndSync(bytes: Buffer): Promise<{ write: number; sync: number }> {
  const path = join(root, `raw-${Math.random().toString(36).slice(2)}`);
  const t0 = performance.now();
  const fh = await open(path, 'w');
  await fh.write(bytes);
  const t1 = performance.now();
  await fh.sync();
  const t2 = performance.now();
  await fh.close();
  return { write: t1 - t0, sync: t2 - t1 };
}

describe('ingest timings (warm)', () => {
  it('a 2 MB scanned PDF', async () => {
    const totals: number[] = [];
    const inspects: number[] = [];
    const syncs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const pdf = await scanPdf(2 * MB, 2);
      const t = performance.now();
      const r = await store.ingest(pdf, { name: `ho-so-${i}.pdf`, maxBytes: 20 * MB });
      totals.push(performance.now() - t);
      expect(r).toMatchObject({ ok: true, pages: 2 });
      const path = join(root, 'probe.pdf');
      writeFileSync(path, pdf);
      const t2 = performance.now();
      await inspectFile(path, 'application/pdf');
      inspects.push(performance.now() - t2);
      syncs.push((await writeAndSync(await scanPdf(2 * MB, 2))).sync);
    }
    console.info(
      `[files] 2 MB PDF: ingest median ${fmt(median(totals))} (min ${fmt(Math.min(...totals))}); ` +
        `of which inspect ~${fmt(median(inspects))}, fsync of 2 MB ~${fmt(median(syncs))}`,
    );
    expect(median(totals)).toBeLessThan(1000);
  });

  it('five files totalling 10 MB (2 PDFs of 3 MB, 2 JPEGs of 1.5 MB, 1 PNG of 1 MB)', async () => {
    const rounds: Array<{ sequential: number; parallel: number; each: number[] }> = [];
    for (let round = 0; round < 5; round++) {
      const make = async () => [
        await scanPdf(3 * MB, 3),
        await scanPdf(3 * MB, 2),
        fx.jpeg(2480, 3508, 1.5 * MB),
        fx.jpeg(2480, 3508, 1.5 * MB),
        fx.png(600, 582, true),
      ];
      const names = ['to-khai.pdf', 'giay-to.pdf', 'cccd-truoc.jpg', 'cccd-sau.jpg', 'anh.png'];
      const files = await make();
      const total = files.reduce((n, f) => n + f.length, 0);
      expect(total).toBeGreaterThan(9.5 * MB);
      const each: number[] = [];
      const t0 = performance.now();
      for (const [i, f] of files.entries()) {
        const t = performance.now();
        const r = await store.ingest(f, { name: names[i] as string, maxBytes: 20 * MB });
        each.push(performance.now() - t);
        expect(r.ok).toBe(true);
      }
      const sequential = performance.now() - t0;
      const again = await make();
      const t1 = performance.now();
      const results = await Promise.all(again.map((f, i) => store.ingest(f, { name: names[i] as string, maxBytes: 20 * MB })));
      const parallel = performance.now() - t1;
      expect(results.every((r) => r.ok)).toBe(true);
      rounds.push({ sequential, parallel, each });
    }
    const seq = rounds.map((r) => r.sequential);
    const par = rounds.map((r) => r.parallel);
    const perFile = rounds[0]?.each.map((_, i) => median(rounds.map((r) => r.each[i] as number))) ?? [];
    const sync10 = [];
    for (let i = 0; i < 3; i++) sync10.push((await writeAndSync(await scanPdf(10 * MB, 4))).sync);
    console.info(
      `[files] five files / 10 MB: sequential median ${fmt(median(seq))} (min ${fmt(Math.min(...seq))}), ` +
        `Promise.all median ${fmt(median(par))} (min ${fmt(Math.min(...par))}); per file ${perFile.map(fmt).join(', ')}; ` +
        `one fsync of a 10 MB file ~${fmt(median(sync10))}`,
    );
    expect(median(seq)).toBeLessThan(3000);
  });
});
