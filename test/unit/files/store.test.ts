import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFileStore, warmUpInspector, type FileStore, type IngestResult } from '../../../electron/files';
import { MSG_SOURCE_DAMAGED, MSG_SOURCE_FAILED, sourceDamage } from '../../../electron/files/store';
import { DEFAULT_PACKAGE_LIMITS, openPackage, PackageEntryError } from '../../../electron/online/package-reader';
import { cleanTmp, rawZip, sampleEntries, tmpFile, type RawEntry } from '../online/helpers';
import * as fx from './fixtures';

const MB = 1024 * 1024;
const opts = (name: string, maxBytes = 20 * MB) => ({ name, maxBytes });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let root: string;
let store: FileStore;
const tmpFiles = () => readdirSync(join(root, 'tmp'));
const blobs = () => readdirSync(join(root, 'blobs'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

function okResult(r: IngestResult): Extract<IngestResult, { ok: true }> {
  if (!r.ok) throw new Error(`ingest failed: ${r.code} ${r.message}`);
  return r;
}

let textPdf: Buffer;
beforeAll(async () => {
  await warmUpInspector();
  textPdf = await fx.pdfkitPdf([fx.textPage('Tờ khai đăng ký khai sinh'), fx.textPage('Trang 2')]);
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'filestore-'));
  store = createFileStore(join(root));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
afterAll(cleanTmp);

describe('ingest: accepted files', () => {
  it('stores a PDF under blobs/<sha[0..2]>/<sha256>, read-only, and reports what it found', async () => {
    const r = okResult(await store.ingest(textPdf, opts('Tờ khai.pdf')));
    expect(r).toEqual({ ok: true, sha256: sha(textPdf), size: textPdf.length, mime: 'application/pdf', pages: 2, name: 'Tờ khai.pdf', warnings: [] });
    const path = store.blobPath(r.sha256);
    expect(path).toBe(join(root, 'blobs', r.sha256.slice(0, 2), r.sha256));
    expect(readFileSync(path).equals(textPdf)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o400);
    expect(tmpFiles()).toEqual([]);
  });

  it('accepts a stream as well as a buffer, with the same result', async () => {
    const fromStream = okResult(await store.ingest(Readable.from([textPdf.subarray(0, 100), textPdf.subarray(100, 5000), textPdf.subarray(5000)]), opts('a.pdf')));
    expect(fromStream.sha256).toBe(sha(textPdf));
    expect(fromStream.pages).toBe(2);
  });

  it('stores a JPEG and a PNG as one page each, giving a name without extension the right one', async () => {
    const jpg = fx.jpeg(320, 240);
    const png = fx.png(64, 48);
    expect(okResult(await store.ingest(jpg, opts('ANH-CCCD.JPEG')))).toMatchObject({ mime: 'image/jpeg', pages: 1, name: 'ANH-CCCD.JPEG', size: jpg.length });
    expect(okResult(await store.ingest(Readable.from([png]), opts('scan0001')))).toMatchObject({ mime: 'image/png', pages: 1, name: 'scan0001.png' });
    expect(okResult(await store.ingest(fx.jpeg(16, 16), opts('photo.heic')))).toMatchObject({ name: 'photo.heic.jpg' });
  });

  it('keeps the name safe and in NFC', async () => {
    const nfd = 'Giấy chứng nhận quyền sử dụng đất.pdf'.normalize('NFD');
    const r = okResult(await store.ingest(textPdf, opts(`..\\..\\${nfd}`)));
    expect(r.name).toBe('Giấy chứng nhận quyền sử dụng đất.pdf'.normalize('NFC'));
  });

  it('passes the blank-page warnings through', async () => {
    const pdf = await fx.pdfkitPdf([fx.textPage('Một'), fx.blankPage(), fx.textPage('Ba')]);
    expect(okResult(await store.ingest(pdf, opts('x.pdf'))).warnings).toEqual(['Trang 2 không có nội dung (trang trắng?)']);
  });

  it('keeps one blob for the same content ingested twice, even at the same time', async () => {
    const a = okResult(await store.ingest(textPdf, opts('a.pdf')));
    const [b, c] = await Promise.all([store.ingest(textPdf, opts('b.pdf')), store.ingest(Readable.from([textPdf]), opts('c.pdf'))]);
    expect(okResult(b).sha256).toBe(a.sha256);
    expect(okResult(c).sha256).toBe(a.sha256);
    expect(blobs()).toEqual([a.sha256]);
    expect(tmpFiles()).toEqual([]);
    expect(await store.verify(a.sha256)).toBe('ok');
  });

  it('replaces a damaged blob of the wrong size with the fresh copy', async () => {
    const a = okResult(await store.ingest(textPdf, opts('a.pdf')));
    const path = store.blobPath(a.sha256);
    chmodSync(path, 0o600);
    writeFileSync(path, textPdf.subarray(0, 100));
    expect(await store.verify(a.sha256)).toBe('changed');
    okResult(await store.ingest(textPdf, opts('a.pdf')));
    expect(await store.verify(a.sha256)).toBe('ok');
  });

  it('replaces a damaged blob of the same size (one flipped bit) with the fresh copy, from a buffer or a stream', async () => {
    for (const source of [() => textPdf, () => Readable.from([textPdf])]) {
      const a = okResult(await store.ingest(textPdf, opts('a.pdf')));
      const path = store.blobPath(a.sha256);
      const damaged = Buffer.from(textPdf);
      damaged[700] = (damaged[700] as number) ^ 0x10;
      chmodSync(path, 0o600);
      writeFileSync(path, damaged);
      expect(await store.verify(a.sha256)).toBe('changed');
      expect(okResult(await store.ingest(source(), opts('b.pdf'))).sha256).toBe(a.sha256);
      expect(await store.verify(a.sha256)).toBe('ok');
      expect(readFileSync(path).equals(textPdf)).toBe(true);
      if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o400);
      expect(tmpFiles()).toEqual([]);
    }
  });

  it("leaves the caller's buffer whole: pdf.js, which takes over what it is given, works on copies", async () => {
    // A scanned page needs the second, lenient pass, so both copies are made.
    const scan = await fx.pdfkitPdf([fx.textPage('Một'), fx.imagePage(fx.jpeg(1240, 1754, 300_000))]);
    const before = Buffer.from(scan);
    const r = okResult(await store.ingest(scan, opts('scan.pdf')));
    expect(r).toMatchObject({ pages: 2, warnings: [] });
    expect(scan.length).toBe(before.length);
    expect(scan.equals(before)).toBe(true);
    expect(readFileSync(store.blobPath(r.sha256)).equals(before)).toBe(true);
    // and the same buffer again: the existing blob is checked and kept
    expect(okResult(await store.ingest(scan, opts('scan.pdf'))).sha256).toBe(r.sha256);
    expect(blobs()).toEqual([r.sha256]);
  });

  it('rejects (a programming error) a missing or non-positive maxBytes', async () => {
    await expect(store.ingest(textPdf, opts('a.pdf', 0))).rejects.toThrow(RangeError);
    await expect(store.ingest(textPdf, opts('a.pdf', Number.NaN))).rejects.toThrow(RangeError);
  });

  it('accepts a file of exactly maxBytes', async () => {
    expect(okResult(await store.ingest(textPdf, opts('a.pdf', textPdf.length))).size).toBe(textPdf.length);
    expect(okResult(await store.ingest(Readable.from([textPdf]), opts('a.pdf', textPdf.length))).size).toBe(textPdf.length);
  });
});

describe('ingest: refused files leave nothing behind', () => {
  afterEach(() => {
    expect(tmpFiles()).toEqual([]);
    expect(blobs()).toEqual([]);
  });

  it('refuses zero bytes', async () => {
    expect(await store.ingest(Buffer.alloc(0), opts('a.pdf'))).toMatchObject({ ok: false, code: 'EMPTY', message: expect.stringMatching(/rỗng/) });
    expect(await store.ingest(Readable.from([]), opts('a.pdf'))).toMatchObject({ ok: false, code: 'EMPTY' });
    expect(await store.ingest(Readable.from([Buffer.alloc(0)]), opts('a.pdf'))).toMatchObject({ ok: false, code: 'EMPTY' });
  });

  it('refuses a file over the limit, stating the limit in MB', async () => {
    const r = await store.ingest(textPdf, opts('a.pdf', textPdf.length - 1));
    expect(r).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    const big = await store.ingest(fx.generatedStream(3 * MB, Buffer.from('%PDF-1.7\n')), opts('a.pdf', 2.5 * MB));
    expect(big).toEqual({ ok: false, code: 'TOO_LARGE', message: expect.stringContaining('giới hạn 2,5 MB') });
  });

  it('aborts a 200 MB stream at 50 MB without buffering it', async () => {
    // Retained memory is sampled after a forced GC every 5 MB, so collectable garbage does not blur the figure.
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    const retained = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.external;
    };
    let pulled = 0;
    let maxRss = 0;
    const samples: number[] = [];
    gc();
    const base = retained();
    const baseRss = process.memoryUsage().rss;
    const source = fx.generatedStream(
      200 * MB,
      Buffer.from('%PDF-1.7\n'),
      (i) => {
        pulled++;
        maxRss = Math.max(maxRss, process.memoryUsage().rss);
        if (i % 80 === 0) samples.push(retained() - base);
      },
      true,
    );
    const t = performance.now();
    const r = await store.ingest(source, opts('ho-so-scan.pdf', 50 * MB));
    const ms = performance.now() - t;
    expect(r).toEqual({ ok: false, code: 'TOO_LARGE', message: expect.stringContaining('giới hạn 50 MB') });
    expect(pulled * 64 * 1024).toBeLessThan(52 * MB); // stopped reading right after the limit
    expect(source.destroyed).toBe(true);
    // Kept chunks would grow by ~45 MB between the 5 MB sample and the last one (a one-off ~10 MB of warm-up is not).
    expect(samples.length).toBeGreaterThanOrEqual(10);
    expect((samples.at(-1) as number) - (samples[1] as number)).toBeLessThan(3 * MB);
    expect(Math.max(...samples)).toBeLessThan(30 * MB);
    expect(maxRss - baseRss).toBeLessThan(30 * MB);
    console.info(
      `[files] 200 MB stream vs 50 MB limit: refused after ${ms.toFixed(0)} ms (${pulled} chunks read), ` +
        `retained after GC +${(Math.max(...samples) / MB).toFixed(1)} MB, rss +${((maxRss - baseRss) / MB).toFixed(1)} MB`,
    );
  });

  it('refuses a 300 MB scan (a generated stream, never in memory) with the size message', async () => {
    let pulled = 0;
    const source = fx.generatedStream(300 * MB, Buffer.from('%PDF-1.7\n'), () => pulled++);
    const r = await store.ingest(source, opts('scan-300MB.pdf', 50 * MB));
    expect(r).toEqual({
      ok: false,
      code: 'TOO_LARGE',
      message: 'Tệp lớn hơn giới hạn 50 MB; hãy quét với độ phân giải thấp hơn hoặc tách thành nhiều tệp.',
    });
    expect(pulled * 64 * 1024).toBeLessThan(52 * MB); // not read to its end
    expect(source.destroyed).toBe(true);
  });

  it('refuses a program renamed .pdf, saying it is a program', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03', 'latin1'), Buffer.alloc(4000, 0x11)]);
    for (const source of [exe, Readable.from([exe])]) {
      const r = await store.ingest(source, opts('Don-de-nghi.pdf'));
      expect(r).toMatchObject({ ok: false, code: 'MISMATCH', message: expect.stringContaining('tệp chương trình') });
    }
  });

  it('stops reading a large program as soon as its first bytes are known', async () => {
    let pulled = 0;
    const source = fx.generatedStream(40 * MB, Buffer.from('MZ\x90\x00', 'latin1'), () => pulled++);
    const r = await store.ingest(source, opts('setup.exe', 50 * MB));
    expect(r).toEqual({ ok: false, code: 'TYPE', message: 'Chỉ nhận tệp PDF, JPEG hoặc PNG; tệp này là tệp chương trình (.exe).' });
    expect(pulled).toBeLessThan(5);
  });

  it('refuses content of another kind (TYPE) and an accepted name on other accepted bytes (MISMATCH)', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100)]);
    expect(await store.ingest(zip, opts('ho-so.docx'))).toMatchObject({ ok: false, code: 'TYPE', message: expect.stringContaining('tệp nén') });
    expect(await store.ingest(Buffer.from('<!doctype html><p>x'), opts('trang'))).toMatchObject({ ok: false, code: 'TYPE', message: expect.stringContaining('trang web') });
    expect(await store.ingest(Buffer.from('just some text'), opts('a.txt'))).toMatchObject({ ok: false, code: 'TYPE' });
    const png = await store.ingest(fx.png(8, 8), opts('giay-to.pdf'));
    expect(png).toEqual({ ok: false, code: 'MISMATCH', message: expect.stringMatching(/đuôi \.pdf nhưng nội dung là ảnh PNG/) });
    expect(await store.ingest(textPdf, opts('anh.jpg'))).toMatchObject({ ok: false, code: 'MISMATCH' });
  });

  it('refuses an encrypted PDF, a PDF without pages and a truncated PDF', async () => {
    const enc = await fx.pdfkitPdf([fx.textPage('bí mật')], { userPassword: '1234' });
    expect(await store.ingest(enc, opts('a.pdf'))).toMatchObject({ ok: false, code: 'ENCRYPTED', message: expect.stringContaining('mật khẩu') });
    expect(await store.ingest(Readable.from([enc]), opts('a.pdf'))).toMatchObject({ ok: false, code: 'ENCRYPTED' });
    expect(await store.ingest(fx.zeroPagePdf(), opts('a.pdf'))).toMatchObject({ ok: false, code: 'NO_PAGES' });
    expect(await store.ingest(textPdf.subarray(0, textPdf.length - 300), opts('a.pdf'))).toMatchObject({ ok: false, code: 'UNREADABLE' });
    const jpg = fx.jpeg(100, 100);
    expect(await store.ingest(jpg.subarray(0, jpg.length - 50), opts('a.jpg'))).toMatchObject({ ok: false, code: 'UNREADABLE' });
  });

  it('resolves UNREADABLE when the source stream fails midway', async () => {
    let sent = 0;
    const failing = new Readable({
      read() {
        if (sent++ < 3) this.push(sent === 1 ? textPdf.subarray(0, 2000) : Buffer.alloc(2000, 0x20));
        else this.destroy(new Error('EIO: USB disk removed'));
      },
    });
    expect(await store.ingest(failing, opts('a.pdf'))).toMatchObject({ ok: false, code: 'UNREADABLE', message: expect.stringContaining('Không đọc được hết tệp') });
  });
});

describe('ingest: a source that fails', () => {
  afterEach(() => {
    expect(tmpFiles()).toEqual([]);
    expect(blobs()).toEqual([]);
  });

  /** A stream that sends the start of a PDF, then fails with `err`. */
  const failingAfter = (err: Error) => {
    let sent = 0;
    return new Readable({
      read() {
        if (sent++ < 2) this.push(sent === 1 ? textPdf.subarray(0, 2000) : Buffer.alloc(2000, 0x20));
        else this.destroy(err);
      },
    });
  };

  it('says the file in a package is damaged when its entry fails its CRC-32 or its declared size', async () => {
    const limits = DEFAULT_PACKAGE_LIMITS(20 * MB);
    const cases: Array<[Partial<RawEntry>, string]> = [
      [{ crc: 0x12345678 }, MSG_SOURCE_DAMAGED.crc],
      [{ declaredSize: textPdf.length - 500 }, MSG_SOURCE_DAMAGED.size], // unpacks past its declared size
      [{ declaredSize: textPdf.length + 500 }, MSG_SOURCE_DAMAGED.size], // ends before it
      [{ payload: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), declaredSize: textPdf.length }, MSG_SOURCE_DAMAGED.data],
    ];
    for (const [patch, message] of cases) {
      const entries = sampleEntries();
      entries[1] = { name: 'to-khai-khai-sinh.pdf', data: textPdf, ...patch };
      const opened = await openPackage(tmpFile(rawZip(entries)), limits);
      if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
      try {
        const r = await store.ingest(await opened.pkg.openEntry('to-khai-khai-sinh.pdf'), opts('to-khai-khai-sinh.pdf'));
        expect(r).toEqual({ ok: false, code: 'UNREADABLE', message });
      } finally {
        opened.pkg.close();
      }
    }
    for (const message of Object.values(MSG_SOURCE_DAMAGED)) {
      expect(message).toMatch(/^Tệp trong gói bị hỏng \(/);
      expect(message).not.toMatch(/hãy thử lại/);
    }
  });

  it('tells damage from an interruption whatever raised it (package reader, yauzl, zlib)', async () => {
    const zlibError = Object.assign(new Error('invalid stored block lengths'), { code: 'Z_DATA_ERROR' });
    const cases: Array<[Error, string]> = [
      [new PackageEntryError('a.pdf', 'Tệp "a.pdf" bị hỏng (sai mã kiểm tra CRC-32)'), MSG_SOURCE_DAMAGED.crc],
      [new Error('too many bytes in the stream. expected 100. got at least 101'), MSG_SOURCE_DAMAGED.size],
      [new Error('not enough bytes in the stream. expected 100. got only 99'), MSG_SOURCE_DAMAGED.size],
      [new PackageEntryError('a.pdf', 'Không đọc được tệp "a.pdf" trong gói', { cause: zlibError }), MSG_SOURCE_DAMAGED.data],
      [new Error('EIO: i/o error, read'), MSG_SOURCE_FAILED],
      [new PackageEntryError('a.pdf', 'Gói đã đóng'), MSG_SOURCE_FAILED],
      [new Error('aborted'), MSG_SOURCE_FAILED],
    ];
    for (const [err, message] of cases) {
      expect(await store.ingest(failingAfter(err), opts('a.pdf'))).toEqual({ ok: false, code: 'UNREADABLE', message });
    }
    expect(sourceDamage('CRC')).toBeNull(); // not an Error: an interruption
    expect(MSG_SOURCE_FAILED).toMatch(/hãy thử lại\.$/);
  });
});

describe('blobPath, verify, sweep, discard', () => {
  it('validates the sha256', () => {
    for (const bad of ['', 'abc', 'A'.repeat(64), `${'a'.repeat(63)}g`, `../${'a'.repeat(61)}`, `${'a'.repeat(64)}\n`]) {
      expect(() => store.blobPath(bad)).toThrow(/SHA-256/);
    }
    expect(store.blobPath('ab'.repeat(32))).toBe(join(root, 'blobs', 'ab', 'ab'.repeat(32)));
  });

  it("verify: 'ok', then 'changed' after tampering, 'missing' after deletion", async () => {
    const r = okResult(await store.ingest(textPdf, opts('a.pdf')));
    expect(await store.verify(r.sha256)).toBe('ok');
    const path = store.blobPath(r.sha256);
    const tampered = Buffer.from(textPdf);
    tampered[500] = (tampered[500] as number) ^ 1; // same size, one bit
    chmodSync(path, 0o600);
    writeFileSync(path, tampered);
    expect(await store.verify(r.sha256)).toBe('changed');
    unlinkSync(path);
    expect(await store.verify(r.sha256)).toBe('missing');
    expect(await store.verify('0'.repeat(64))).toBe('missing');
  });

  it('sweep keeps referenced blobs, removes orphans and every tmp file', async () => {
    const kept = okResult(await store.ingest(textPdf, opts('a.pdf')));
    const orphan = okResult(await store.ingest(fx.png(10, 10), opts('b.png')));
    const orphan2 = okResult(await store.ingest(fx.jpeg(10, 10), opts('c.jpg')));
    writeFileSync(join(root, 'tmp', 'dead.part'), 'half a file');
    writeFileSync(join(root, 'tmp', 'x.part'), '');
    mkdirSync(join(root, 'tmp', 'odd-folder'));
    writeFileSync(join(root, 'tmp', 'odd-folder', 'y'), 'y');
    const referenced = new Set([kept.sha256]);
    expect(store.sweep((s) => referenced.has(s))).toEqual({ blobsRemoved: 2, tmpRemoved: 3 });
    expect(tmpFiles()).toEqual([]);
    expect(blobs()).toEqual([kept.sha256]);
    expect(await store.verify(kept.sha256)).toBe('ok');
    expect(await store.verify(orphan.sha256)).toBe('missing');
    for (const gone of [orphan.sha256, orphan2.sha256]) {
      if (gone.slice(0, 2) !== kept.sha256.slice(0, 2)) expect(existsSync(join(root, 'blobs', gone.slice(0, 2)))).toBe(false);
    }
    expect(store.sweep(() => true)).toEqual({ blobsRemoved: 0, tmpRemoved: 0 });
  });

  it('discardIfUnreferenced removes only an unreferenced blob and tolerates a missing one', async () => {
    const r = okResult(await store.ingest(textPdf, opts('a.pdf')));
    store.discardIfUnreferenced(r.sha256, () => true);
    expect(await store.verify(r.sha256)).toBe('ok');
    store.discardIfUnreferenced(r.sha256, () => false);
    expect(await store.verify(r.sha256)).toBe('missing');
    expect(() => store.discardIfUnreferenced(r.sha256, () => false)).not.toThrow();
    expect(() => store.discardIfUnreferenced('nope', () => false)).toThrow(/SHA-256/);
  });
});
