import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yazl from 'yazl';
import { ONLINE_PACKAGE_FORMAT, type OnlineManifestInput } from '../../../electron/contract/online';

/** A birth registration submitted online (the example of docs/online-package.md, shortened). */
export function sampleManifest(): OnlineManifestInput {
  return {
    format: ONLINE_PACKAGE_FORMAT,
    version: 1,
    portalDossierId: 'H56.22-250312-0042',
    procedureCode: '1.001193',
    submittedAt: '2025-03-12T09:41:27+07:00',
    applicant: {
      fullName: 'Nguyễn Văn Hùng',
      idKind: 'cccd',
      idNumber: '038090012345',
      phone: '0912345678',
      address: 'Thôn Phú Thọ 2, xã Hoằng Đạo, tỉnh Thanh Hóa',
      birthYear: 1990,
      gender: 'male',
    },
    ownerName: 'Nguyễn Minh Khôi',
    delivery: { method: 'counter' },
    components: [
      { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, files: ['to-khai-khai-sinh.pdf'] },
      { name: 'Bản chính Giấy chứng sinh', originals: 1, files: ['giấy chứng sinh.pdf'] },
      { name: 'Giấy tờ tùy thân của người yêu cầu', originals: 1, files: ['cccd-mat-truoc.jpg', 'cccd-mat-sau.jpg'] },
    ],
  };
}

export function sampleFiles(): Record<string, Buffer> {
  return {
    'to-khai-khai-sinh.pdf': Buffer.from('%PDF-1.7\n% tờ khai\n'.repeat(50)),
    'giấy chứng sinh.pdf': Buffer.from('%PDF-1.7\n% giấy chứng sinh\n'),
    'cccd-mat-truoc.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
    'cccd-mat-sau.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6]),
  };
}

/** The manifest's attachments, all present. */
export function sampleEntries(manifest: unknown = sampleManifest()): RawEntry[] {
  return [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
    ...Object.entries(sampleFiles()).map(([name, data]) => ({ name, data })),
  ];
}

export interface RawEntry {
  /** A string is written as UTF-8 (flag set unless utf8Flag is false); a Buffer as is. */
  name: string | Buffer;
  data?: Buffer;
  /** 8 (deflate, default), 0 (store) or anything else to be refused. */
  method?: number;
  utf8Flag?: boolean;
  /** Extra general purpose bits (1 = encrypted). */
  flags?: number;
  /** Uncompressed size written in both headers (default: the real one). */
  declaredSize?: number;
  /** Compressed payload written instead of deflating `data`. */
  payload?: Buffer;
  crc?: number;
  /** Name in the local header only. */
  localName?: string;
  /** This central record points at an earlier entry's local record (overlapping entries). */
  sameDataAs?: number;
}

/** A hand-made ZIP (no data descriptors, no zip64): lets tests write what yazl refuses to. */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const records: Array<{ offset: number; crc: number; csize: number; usize: number; method: number; flags: number }> = [];
  let offset = 0;
  for (const e of entries) {
    const nameBuf = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const utf8 = e.utf8Flag ?? typeof e.name === 'string';
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? 8;
    const flags = (utf8 ? 0x800 : 0) | (e.flags ?? 0);
    let rec;
    if (e.sameDataAs !== undefined) {
      rec = records[e.sameDataAs]!;
    } else {
      const payload = e.payload ?? (method === 8 ? zlib.deflateRawSync(data) : data);
      rec = {
        offset,
        crc: e.crc ?? zlib.crc32(data),
        csize: payload.length,
        usize: e.declaredSize ?? data.length,
        method,
        flags,
      };
      const localName = e.localName === undefined ? nameBuf : Buffer.from(e.localName, 'utf8');
      const h = Buffer.alloc(30);
      h.writeUInt32LE(0x04034b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(flags, 6);
      h.writeUInt16LE(method, 8);
      h.writeUInt16LE(0, 10);
      h.writeUInt16LE(0x5a6c, 12); // 2025-03-12
      h.writeUInt32LE(rec.crc, 14);
      h.writeUInt32LE(rec.csize, 18);
      h.writeUInt32LE(rec.usize, 22);
      h.writeUInt16LE(localName.length, 26);
      h.writeUInt16LE(0, 28);
      locals.push(h, localName, payload);
      offset += h.length + localName.length + payload.length;
    }
    records.push(rec);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(rec.flags, 8);
    c.writeUInt16LE(rec.method, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(0x5a6c, 14);
    c.writeUInt32LE(rec.crc, 16);
    c.writeUInt32LE(rec.csize, 20);
    c.writeUInt32LE(rec.usize, 24);
    c.writeUInt16LE(nameBuf.length, 28);
    c.writeUInt32LE(rec.offset, 42);
    centrals.push(c, nameBuf);
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const MIB = 1024 * 1024;

/**
 * A raw deflate stream of `mebibytes` MiB of zeros, ≈1 KB per MiB, built in milliseconds: one MiB deflated with a
 * full flush (no back-reference crosses it, so the block is repeatable), repeated, then an empty final block.
 * (yazlBomb streams through yazl like a real zipper; it takes seconds, yazl's CRC-32 being JavaScript.)
 */
export function deflatedZeros(mebibytes: number): { payload: Buffer; size: number; crc: number } {
  const block = zlib.deflateRawSync(Buffer.alloc(MIB), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const zeros = Buffer.alloc(MIB);
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = zlib.crc32(zeros, crc);
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return { payload: Buffer.concat([...Array<Buffer>(mebibytes).fill(block), finalEmptyBlock]), size: mebibytes * MIB, crc };
}

/** A package whose one attachment is a zip bomb of `mebibytes` MiB of zeros. */
export function zipBomb(name: string, mebibytes: number, manifest: unknown): Buffer {
  const { payload, size, crc } = deflatedZeros(mebibytes);
  return rawZip([
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
    { name, payload, declaredSize: size, crc },
  ]);
}

/** The same bomb as a real zipper makes it: zeros streamed through yazl (≈1 KB per MiB, 3–6 ms per MiB to build). */
export async function yazlBomb(name: string, mebibytes: number, manifest: unknown): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json');
  const zeros = Buffer.alloc(MIB);
  let sent = 0;
  const source = new Readable({
    read() {
      this.push(sent++ < mebibytes ? zeros : null);
    },
  });
  zip.addReadStream(source, name, { size: mebibytes * MIB });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let tmpRoot: string | undefined;
let counter = 0;

/** Writes bytes to a fresh file under one temp folder per test file. */
export function tmpFile(bytes: Buffer, name = 'goi.zip'): string {
  tmpRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'online-pkg-'));
  const dir = path.join(tmpRoot, String(counter++));
  fs.mkdirSync(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

export function tmpDir(): string {
  tmpRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'online-pkg-'));
  const dir = path.join(tmpRoot, String(counter++));
  fs.mkdirSync(dir);
  return dir;
}

export function cleanTmp(): void {
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  tmpRoot = undefined;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
