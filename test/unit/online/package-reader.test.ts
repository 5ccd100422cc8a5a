import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PACKAGE_LIMITS,
  openPackage,
  PACKAGE_FILE,
  PackageEntryError,
  type PackageLimits,
  type PackageProblem,
} from '../../../electron/online/package-reader';
import { buildOnlinePackage } from '../../../electron/online/zip-writer';
import {
  cleanTmp,
  deflatedZeros,
  rawZip,
  readAll,
  sampleEntries,
  sampleFiles,
  sampleManifest,
  tmpFile,
  yazlBomb,
  zipBomb,
  type RawEntry,
} from './helpers';

const MB = 1024 * 1024;
const LIMITS = DEFAULT_PACKAGE_LIMITS(20 * MB);

afterAll(cleanTmp);

async function problemsOf(bytes: Buffer, limits: PackageLimits = LIMITS): Promise<PackageProblem[]> {
  const res = await openPackage(tmpFile(bytes), limits);
  if (res.ok) {
    res.pkg.close();
    throw new Error('expected the package to be refused');
  }
  return res.problems;
}

async function opened(bytes: Buffer, limits: PackageLimits = LIMITS) {
  const res = await openPackage(tmpFile(bytes), limits);
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.problems, null, 2)}`);
  return res.pkg;
}

/** Resolves with the error the stream ends with, and how many bytes came through before it. */
async function streamError(stream: NodeJS.ReadableStream): Promise<{ error: unknown; bytes: number }> {
  let bytes = 0;
  try {
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
  } catch (error) {
    return { error, bytes };
  }
  throw new Error(`stream ended without error after ${bytes} bytes`);
}

describe('DEFAULT_PACKAGE_LIMITS', () => {
  it('derives the total from the per-file limit, capped at 2 GiB', () => {
    expect(DEFAULT_PACKAGE_LIMITS(20 * MB)).toEqual({ maxEntries: 500, maxFileBytes: 20 * MB, maxTotalBytes: 400 * MB, maxRatio: 200 });
    expect(DEFAULT_PACKAGE_LIMITS(500 * MB).maxTotalBytes).toBe(2 * 1024 ** 3);
  });
});

describe('a valid package', () => {
  it('opens, lists the attachments in manifest order and streams their bytes', async () => {
    const pkg = await opened(await buildOnlinePackage(sampleManifest(), sampleFiles()));
    try {
      expect(pkg.files).toEqual(['to-khai-khai-sinh.pdf', 'giấy chứng sinh.pdf', 'cccd-mat-truoc.jpg', 'cccd-mat-sau.jpg']);
      expect(pkg.manifest.applicant.idNumber).toBe('038090012345');
      expect(pkg.manifest.components[0]).toMatchObject({ originals: 1, certifiedCopies: 0, photocopies: 0 });
      for (const [name, data] of Object.entries(sampleFiles())) {
        expect(await readAll(await pkg.openEntry(name))).toEqual(data);
      }
    } finally {
      pkg.close();
    }
  });

  it('accepts stored entries, a BOM before the JSON and components without files', async () => {
    const manifest = { ...sampleManifest(), components: [...sampleManifest().components, { name: 'Bản sao giấy chứng nhận kết hôn' }] };
    const entries: RawEntry[] = sampleEntries(manifest).map((e) => ({ ...e, method: 0 }));
    entries[0] = { name: 'manifest.json', data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), entries[0]!.data!]) };
    const pkg = await opened(rawZip(entries));
    expect(await readAll(await pkg.openEntry('cccd-mat-sau.jpg'))).toEqual(sampleFiles()['cccd-mat-sau.jpg']);
    pkg.close();
  });

  it('refuses to stream a name that is not an attachment, and anything after close()', async () => {
    const pkg = await opened(await buildOnlinePackage(sampleManifest(), sampleFiles()));
    await expect(pkg.openEntry('manifest.json')).rejects.toBeInstanceOf(PackageEntryError);
    await expect(pkg.openEntry('khong-co.pdf')).rejects.toThrow('Tệp "khong-co.pdf" không có trong gói');
    pkg.close();
    pkg.close();
    await expect(pkg.openEntry('cccd-mat-sau.jpg')).rejects.toThrow('Gói đã đóng');
  });
});

describe('not a package', () => {
  it('refuses random bytes, an empty file, a truncated ZIP and a missing path', async () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    const valid = await buildOnlinePackage(sampleManifest(), sampleFiles());
    for (const bytes of [random, Buffer.alloc(0), valid.subarray(0, Math.floor(valid.length / 2))]) {
      const problems = await problemsOf(bytes);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: PACKAGE_FILE, message: expect.stringContaining('không phải gói ZIP hợp lệ') });
    }
    const res = await openPackage('/khong/co/goi.zip', LIMITS);
    expect(res).toEqual({ ok: false, problems: [{ file: PACKAGE_FILE, message: 'Không tìm thấy tệp gói' }] });
  });

  it('reports a damaged central directory as one package problem', async () => {
    const zip = rawZip(sampleEntries());
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(0xdeadbeef, cd);
    expect(await problemsOf(zip)).toEqual([{ file: PACKAGE_FILE, message: expect.stringContaining('Mục lục của gói ZIP bị hỏng') }]);
  });

  it('refuses a stored entry whose sizes disagree, before reading any data', async () => {
    const entries = sampleEntries();
    entries[1] = { ...entries[1]!, method: 0, declaredSize: 5 };
    expect(await problemsOf(rawZip(entries))).toEqual([{ file: PACKAGE_FILE, message: expect.stringContaining('Mục lục') }]);
  });
});

describe('zip bombs and lying sizes', () => {
  it('test helper: the repeated deflate block really inflates to zeros of the stated size and CRC', () => {
    const { payload, size, crc } = deflatedZeros(8);
    const inflated = zlib.inflateRawSync(payload);
    expect(inflated.length).toBe(size);
    expect(inflated.every((b) => b === 0)).toBe(true);
    expect(zlib.crc32(inflated)).toBe(crc);
  });

  it('refuses a 500 MB entry of zeros from its central directory alone, quickly', async () => {
    const manifest = sampleManifest();
    manifest.components[0]!.files = ['to-khai-khai-sinh.pdf'];
    manifest.components = [manifest.components[0]!];
    const bomb = zipBomb('to-khai-khai-sinh.pdf', 500, manifest);
    expect(bomb.length).toBeLessThan(2 * MB);
    const started = Date.now();
    const problems = await problemsOf(bomb, DEFAULT_PACKAGE_LIMITS(1024 * MB));
    expect(Date.now() - started).toBeLessThan(2000); // the central directory only: no inflating
    expect(problems).toEqual([
      { file: 'to-khai-khai-sinh.pdf', message: expect.stringMatching(/^Tệp nén bất thường \(tỉ lệ nén [\d.]+:1\), nghi là bom nén; gói bị từ chối$/) },
    ]);
    // With ordinary limits the size alone refuses it too, and the total.
    const strict = await problemsOf(bomb);
    expect(strict.map((p) => p.message)).toEqual([
      expect.stringContaining('vượt giới hạn 20 MB mỗi tệp'),
      expect.stringContaining('nghi là bom nén'),
      expect.stringContaining('Tổng dung lượng sau giải nén 500 MB vượt giới hạn 400 MB'),
    ]);
  });

  it('refuses a bomb streamed through a real zipper (yazl) the same way', async () => {
    const manifest = { ...sampleManifest(), components: [{ name: 'Tờ khai', files: ['to-khai.pdf'] }] };
    // 100 MiB, not 500: yazl computes CRC-32 in JavaScript (500 MiB took 1.5–6 s here); the 500 MiB bomb is above.
    const bomb = await yazlBomb('to-khai.pdf', 100, manifest);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await problemsOf(bomb, DEFAULT_PACKAGE_LIMITS(1024 * MB))).toEqual([
      { file: 'to-khai.pdf', message: expect.stringContaining('nghi là bom nén') },
    ]);
  });

  it('errors the stream when the data inflates beyond the declared size, without inflating it all', async () => {
    const entries = sampleEntries();
    const { payload, crc } = deflatedZeros(64); // inflates to 64 MiB, declared as 64 KiB
    entries[1] = { name: 'to-khai-khai-sinh.pdf', payload, declaredSize: 64 * 1024, crc };
    const pkg = await opened(rawZip(entries));
    const { error, bytes } = await streamError(await pkg.openEntry('to-khai-khai-sinh.pdf'));
    expect(error).toBeInstanceOf(PackageEntryError);
    expect(error).toMatchObject({ file: 'to-khai-khai-sinh.pdf', message: expect.stringContaining('dài hơn kích thước khai') });
    expect(bytes).toBeLessThanOrEqual(64 * 1024);
    pkg.close();
  });

  it('errors the stream when the data is shorter than declared, corrupt, or fails its CRC', async () => {
    const cases: Array<[Partial<RawEntry>, string]> = [
      [{ declaredSize: 10_000 }, 'ngắn hơn kích thước khai'],
      [{ payload: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), declaredSize: 100 }, 'Dữ liệu nén của tệp'],
      [{ crc: 0x12345678 }, 'sai mã kiểm tra CRC-32'],
    ];
    for (const [patch, message] of cases) {
      const entries = sampleEntries();
      entries[1] = { ...entries[1]!, ...patch };
      const pkg = await opened(rawZip(entries));
      const { error } = await streamError(await pkg.openEntry('to-khai-khai-sinh.pdf'));
      expect(error).toMatchObject({ name: 'PackageEntryError', message: expect.stringContaining(message) });
      pkg.close();
    }
  });

  it('refuses entries that share their data (overlapping bomb) and names that differ between headers', async () => {
    const manifest = sampleManifest();
    manifest.components.push({ name: 'Bản sao', files: ['ban-sao.pdf'] });
    const entries: RawEntry[] = [...sampleEntries(manifest), { name: 'ban-sao.pdf', sameDataAs: 1 }];
    entries[2] = { ...entries[2]!, localName: 'x'.repeat(Buffer.byteLength('giấy chứng sinh.pdf')) };
    const problems = await problemsOf(rawZip(entries));
    expect(problems).toEqual([
      { file: 'giấy chứng sinh.pdf', message: expect.stringContaining('khác tên trong mục lục ZIP') },
      // its record points at the local header of "to-khai-khai-sinh.pdf", so its names differ too
      { file: 'ban-sao.pdf', message: expect.stringContaining('khác tên trong mục lục ZIP') },
      { file: 'ban-sao.pdf', message: expect.stringContaining('dùng chung dữ liệu với "to-khai-khai-sinh.pdf"') },
    ]);
  });

  it('refuses too many entries, a total over the limit and an over-size file', async () => {
    const many = rawZip([...sampleEntries(), ...Array.from({ length: 6 }, (_, i) => ({ name: `them-${i}.pdf` }))]);
    expect(await problemsOf(many, { ...LIMITS, maxEntries: 8 })).toEqual([
      { file: PACKAGE_FILE, message: 'Gói có 11 tệp, vượt giới hạn 8 tệp' },
    ]);
    const limits = { ...LIMITS, maxFileBytes: 600, maxTotalBytes: 1200 };
    expect(await problemsOf(rawZip(sampleEntries()), limits)).toEqual([
      { file: 'to-khai-khai-sinh.pdf', message: 'Tệp "to-khai-khai-sinh.pdf" lớn 1 KB, vượt giới hạn 600 byte mỗi tệp' },
      { file: PACKAGE_FILE, message: expect.stringMatching(/^Tổng dung lượng sau giải nén 1,\d KB vượt giới hạn 1,2 KB$/) },
    ]);
  });
});

describe('entries', () => {
  it('reports every unsafe name at once: traversal, absolute, backslash, folder, control, broken UTF-8', async () => {
    const bad = ['../x.pdf', '/etc/x', 'C:/x.pdf', '..\\x.pdf', 'a\\b.pdf', 'a/b.pdf', 'ho-so/'];
    const odd: RawEntry[] = [{ name: 'tab\tx.pdf' }, { name: Buffer.from([0x61, 0xc3, 0x28]), utf8Flag: true }];
    const problems = await problemsOf(rawZip([...sampleEntries(), ...bad.map((name) => ({ name })), ...odd]));
    expect(problems).toEqual([
      { file: '../x.pdf', message: expect.stringContaining('trỏ ra ngoài gói') },
      { file: '/etc/x', message: expect.stringContaining('đường dẫn tuyệt đối') },
      { file: 'C:/x.pdf', message: expect.stringContaining('đường dẫn tuyệt đối') },
      { file: '..\\x.pdf', message: expect.stringContaining('trỏ ra ngoài gói') },
      { file: 'a\\b.pdf', message: expect.stringContaining('chứa dấu "\\"') },
      { file: 'a/b.pdf', message: expect.stringContaining('nằm trong thư mục') },
      { file: 'ho-so/', message: expect.stringContaining('Gói có thư mục "ho-so/"') },
      { file: 'tab\tx.pdf', message: 'Tên tệp "tab\\tx.pdf" chứa ký tự điều khiển' },
      { file: 'a\uFFFD(', message: expect.stringContaining('không đọc được (mã hóa ký tự hỏng)') },
    ]);
  });

  it('reports duplicate names, also when one is NFC and the other NFD', async () => {
    const nfd = 'giấy chứng sinh.pdf'.normalize('NFD');
    const problems = await problemsOf(rawZip([...sampleEntries(), { name: 'cccd-mat-sau.jpg' }, { name: nfd }]));
    expect(problems).toEqual([
      { file: 'giấy chứng sinh.pdf', message: 'Tên tệp "giấy chứng sinh.pdf" xuất hiện 2 lần trong gói' },
      { file: 'cccd-mat-sau.jpg', message: 'Tên tệp "cccd-mat-sau.jpg" xuất hiện 2 lần trong gói' },
    ]);
  });

  it('matches NFD entry names to NFC manifest names (and the reverse) and returns NFC', async () => {
    const entries = sampleEntries().map((e) => ({ ...e, name: (e.name as string).normalize('NFD') }));
    const pkg = await opened(rawZip(entries));
    expect(pkg.files[1]).toBe('giấy chứng sinh.pdf'.normalize('NFC'));
    expect(await readAll(await pkg.openEntry('giấy chứng sinh.pdf'.normalize('NFD')))).toEqual(sampleFiles()['giấy chứng sinh.pdf']);
    pkg.close();

    const manifest = sampleManifest();
    manifest.components[1]!.files = ['giấy chứng sinh.pdf'.normalize('NFD')];
    const reverse = await opened(rawZip(sampleEntries(manifest)));
    expect(reverse.manifest.components[1]!.files).toEqual(['giấy chứng sinh.pdf'.normalize('NFC')]);
    reverse.close();
  });

  it('reads UTF-8 names written without the UTF-8 flag, and CP437 names as CP437', async () => {
    const manifest = sampleManifest();
    manifest.components.push({ name: 'Tệp cũ', files: ['café.pdf'] });
    const entries = sampleEntries(manifest).map((e) => ({ ...e, utf8Flag: false }));
    entries.push({ name: Buffer.from([0x63, 0x61, 0x66, 0x82, 0x2e, 0x70, 0x64, 0x66]), utf8Flag: false }); // "café.pdf" in CP437
    const pkg = await opened(rawZip(entries));
    expect(pkg.files).toContain('giấy chứng sinh.pdf');
    expect(pkg.files).toContain('café.pdf');
    pkg.close();
  });

  it('reports a missing file, an undeclared file and a file named twice in the manifest', async () => {
    const manifest = sampleManifest();
    manifest.components[2]!.files = ['cccd-mat-truoc.jpg', 'cccd-mat-truoc.jpg', 'cccd-mat-sau.jpg'];
    manifest.components[1]!.files = ['giay-chung-sinh.pdf'];
    const problems = await problemsOf(rawZip(sampleEntries(manifest)));
    expect(problems).toEqual([
      { file: 'giay-chung-sinh.pdf', message: 'Thiếu tệp "giay-chung-sinh.pdf" mà manifest.json khai' },
      { file: 'cccd-mat-truoc.jpg', message: 'Tệp "cccd-mat-truoc.jpg" được khai hai lần trong manifest.json' },
      { file: 'giấy chứng sinh.pdf', message: 'Tệp "giấy chứng sinh.pdf" không được khai trong manifest.json' },
    ]);
  });

  it('refuses encrypted entries and unsupported compression methods', async () => {
    const entries = sampleEntries();
    entries[3] = { ...entries[3]!, flags: 0x1 };
    entries[4] = { ...entries[4]!, method: 12, payload: Buffer.from('BZh9') };
    expect(await problemsOf(rawZip(entries))).toEqual([
      { file: 'cccd-mat-truoc.jpg', message: 'Tệp "cccd-mat-truoc.jpg" được mã hóa (đặt mật khẩu); gói không được mã hóa' },
      { file: 'cccd-mat-sau.jpg', message: expect.stringContaining('phương thức không hỗ trợ (mã 12)') },
    ]);
    const strong = sampleEntries();
    strong[2] = { ...strong[2]!, flags: 0x41 };
    expect(await problemsOf(rawZip(strong))).toEqual([{ file: PACKAGE_FILE, message: expect.stringContaining('mã hóa mạnh') }]);
  });
});

describe('manifest.json', () => {
  it('is required', async () => {
    const problems = await problemsOf(rawZip(sampleEntries().slice(1)));
    expect(problems).toEqual([{ file: 'manifest.json', message: expect.stringContaining('Gói không có manifest.json') }]);
  });

  it('must be JSON in UTF-8', async () => {
    const notJson = sampleEntries();
    notJson[0] = { name: 'manifest.json', data: Buffer.from('{ "format": ') };
    expect(await problemsOf(rawZip(notJson))).toEqual([{ file: 'manifest.json', message: expect.stringContaining('không phải JSON hợp lệ') }]);
    const latin1 = sampleEntries();
    latin1[0] = { name: 'manifest.json', data: Buffer.concat([Buffer.from('{"note":"Nguy'), Buffer.from([0xea, 0x6e]), Buffer.from('"}')]) };
    expect(await problemsOf(rawZip(latin1))).toEqual([{ file: 'manifest.json', message: 'manifest.json không phải văn bản UTF-8 hợp lệ' }]);
  });

  it('reports each schema problem with its path, in Vietnamese', async () => {
    const { applicant: _applicant, ...manifest } = sampleManifest();
    const bad = { ...manifest, submittedAt: '12/03/2025 09:41', extra: true, components: [{ name: 'Tờ khai', originals: 100, files: ['to-khai-khai-sinh.pdf'] }] };
    const problems = await problemsOf(rawZip(sampleEntries(bad)));
    expect(problems.filter((p) => p.file === 'manifest.json').map((p) => p.message)).toEqual([
      'submittedAt: Thời điểm không đúng định dạng ISO 8601',
      'applicant: Thiếu trường bắt buộc',
      'components.0.originals: Phải không quá 99',
      'extra: Trường không có trong định dạng gói',
    ]);
    // No cross-check against an invalid manifest: the attachments are not reported as undeclared.
    expect(problems.every((p) => p.file === 'manifest.json')).toBe(true);
  });

  it('is refused above 1 MB before it is read', async () => {
    const padding = randomBytes(0.6 * MB).toString('hex'); // incompressible: only the size check fires
    const big = { ...sampleManifest(), padding };
    const problems = await problemsOf(rawZip(sampleEntries(big)));
    expect(problems).toEqual([{ file: 'manifest.json', message: 'manifest.json lớn 1,2 MB, vượt giới hạn 1 MB' }]);
  });

  it('is refused when its data is longer than its declared size', async () => {
    const entries = sampleEntries();
    entries[0] = { ...entries[0]!, declaredSize: 10 };
    expect(await problemsOf(rawZip(entries))).toEqual([{ file: 'manifest.json', message: expect.stringContaining('dài hơn kích thước khai') }]);
  });
});

describe('the file itself', () => {
  it('is opened read-only and released on close', async () => {
    const file = tmpFile(await buildOnlinePackage(sampleManifest(), sampleFiles()));
    const before = fs.statSync(file).mtimeMs;
    const res = await openPackage(file, LIMITS);
    expect(res.ok).toBe(true);
    if (res.ok) res.pkg.close();
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });
});
