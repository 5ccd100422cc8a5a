import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZip } from '../../../electron/online/zip-writer';
import { cleanTmp, readAll, tmpDir } from './helpers';

afterAll(cleanTmp);

async function unzip(bytes: Buffer): Promise<Map<string, { data: Buffer; utf8: boolean; mtime: Date }>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const out = new Map<string, { data: Buffer; utf8: boolean; mtime: Date }>();
  for await (const entry of zip.eachEntry()) {
    const data = await readAll(await zip.openReadStreamPromise(entry));
    out.set(entry.fileName, { data, utf8: (entry.generalPurposeBitFlag & 0x800) !== 0, mtime: entry.getLastModDate() });
  }
  return out;
}

describe('writeZip', () => {
  it('returns the ZIP bytes: NFC names with the UTF-8 flag, strings as UTF-8, folders allowed', async () => {
    const mtime = new Date(2025, 2, 12, 9, 41, 26);
    const bytes = await writeZip([
      { name: 'changes.json', data: '{"ghiChu":"Đã trả kết quả"}', mtime },
      { name: 'documents/Giấy tiếp nhận.pdf'.normalize('NFD'), data: Buffer.from('%PDF-1.7'), compress: false, mtime },
    ]);
    const entries = await unzip(bytes);
    expect([...entries.keys()]).toEqual(['changes.json', 'documents/Giấy tiếp nhận.pdf'.normalize('NFC')]);
    expect(entries.get('changes.json')!.data.toString('utf8')).toBe('{"ghiChu":"Đã trả kết quả"}');
    expect([...entries.values()].every((e) => e.utf8 && e.mtime.getTime() === mtime.getTime())).toBe(true);
  });

  it('refuses unsafe and duplicate names', async () => {
    await expect(writeZip([{ name: '../x.pdf', data: '' }])).rejects.toThrow(/relative path/);
    await expect(writeZip([{ name: '/etc/x', data: '' }])).rejects.toThrow(/absolute/);
    await expect(writeZip([{ name: 'á.pdf', data: '' }, { name: 'á.pdf'.normalize('NFD'), data: '' }])).rejects.toThrow(/duplicate/);
  });

  it('writes atomically to outPath and reports size and SHA-256', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'thay-doi.zip');
    fs.writeFileSync(out, 'bản cũ');
    const written = await writeZip([{ name: 'a.txt', data: 'xin chào' }], out);
    const onDisk = fs.readFileSync(out);
    expect(written).toEqual({ path: out, bytes: onDisk.length, sha256: createHash('sha256').update(onDisk).digest('hex') });
    expect((await unzip(onDisk)).get('a.txt')!.data.toString()).toBe('xin chào');
    expect(fs.readdirSync(dir)).toEqual(['thay-doi.zip']); // no temp file left
  });

  it('leaves nothing behind when it cannot write', async () => {
    const dir = tmpDir();
    await expect(writeZip([{ name: 'a.txt', data: 'x' }], path.join(dir, 'khong-co', 'x.zip'))).rejects.toThrow(/ENOENT/);
    await expect(writeZip([{ name: '', data: 'x' }], path.join(dir, 'x.zip'))).rejects.toThrow(/empty/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
