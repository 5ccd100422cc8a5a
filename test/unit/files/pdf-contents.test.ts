import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectFile, warmUpInspector } from '../../../electron/files';
import { blankPageWarning } from '../../../electron/files/inspect';
import { pageHasContent } from '../../../electron/files/pdf-contents';
import * as fx from './fixtures';

const page = (num: number) => ({ num, gen: 0 });
const catalog = (kids: number[]) => [
  '<< /Type /Catalog /Pages 2 0 R >>',
  `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
];
const pageDict = (extra: string) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${extra} >>`;
const streamObj = (content: Buffer | string, dict = '') => {
  const data = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  return `<< /Length ${data.length} ${dict}>>\nstream\n${data.toString('latin1')}\nendstream`;
};
/** A 2×2 grey image XObject, for pages that paint an image. */
const image = '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x80\x80\x80\nendstream';

describe('pageHasContent: a page read straight from the bytes', () => {
  it('says a scanned page drawn by pdfkit (compressed content) has content, and a page with no contents has none', async () => {
    const pdf = await fx.pdfkitPdf([fx.imagePage(fx.jpeg(64, 64)), fx.textPage('Trang 2')]);
    // pdfkit writes the page tree as 1: catalog … the page objects are found by their "Type /Page"
    const refs = [...pdf.toString('latin1').matchAll(/(\d+) 0 obj\s*<<[^>]*\/Type \/Page\b/g)].map((m) => page(Number(m[1])));
    expect(refs).toHaveLength(2);
    for (const ref of refs) expect(pageHasContent(pdf, ref)).toBe(true);

    const noContents = fx.rawPdf([...catalog([3]), pageDict('')]);
    expect(pageHasContent(noContents, page(3))).toBe(false);
  });

  it('reads empty, white-space and comment-only streams as no content, plain or FlateDecode, one stream or an array', () => {
    const empty = deflateSync(Buffer.alloc(0));
    const pdf = fx.rawPdf([
      ...catalog([3, 4, 5, 6, 7]),
      pageDict('/Contents 8 0 R'),
      pageDict('/Contents [9 0 R 10 0 R]'),
      pageDict('/Contents 11 0 R'),
      pageDict('/Contents [8 0 R 12 0 R]'),
      pageDict('/Contents 13 0 R'),
      streamObj(''),
      streamObj('  \r\n\t'),
      streamObj('% chỉ có chú thích\n%và thêm một dòng'),
      streamObj(empty, '/Filter /FlateDecode '),
      streamObj(deflateSync(Buffer.from('q 0.5 g 0 0 10 10 re f Q')), '/Filter [/FlateDecode] '),
      streamObj('% comment\n0 0 m'),
    ]);
    expect([3, 4, 5, 6, 7].map((n) => pageHasContent(pdf, page(n)))).toEqual([false, false, false, true, true]);
  });

  it('cannot tell (null) an indirect /Length, another filter, a filter chain, predictor parameters or a missing object', () => {
    const pdf = fx.rawPdf([
      ...catalog([3, 4, 5, 6, 7]),
      pageDict('/Contents 8 0 R'),
      pageDict('/Contents 9 0 R'),
      pageDict('/Contents 10 0 R'),
      pageDict('/Contents 11 0 R'),
      pageDict('/Contents 99 0 R'),
      '<< /Length 12 0 R >>\nstream\nq Q\nendstream',
      streamObj('q Q', '/Filter /ASCIIHexDecode '),
      streamObj('q Q', '/Filter [/ASCII85Decode /FlateDecode] '),
      streamObj(deflateSync(Buffer.from('q Q')), '/Filter /FlateDecode /DecodeParms << /Predictor 12 >> '),
      '3',
    ]);
    expect([3, 4, 5, 6, 7].map((n) => pageHasContent(pdf, page(n)))).toEqual([null, null, null, null, null]);
    // not a page at all: the catalog
    expect(pageHasContent(pdf, page(1))).toBeNull();
    // a broken compressed stream
    const broken = fx.rawPdf([...catalog([3]), pageDict('/Contents 4 0 R'), streamObj('not zlib', '/Filter /FlateDecode ')]);
    expect(pageHasContent(broken, page(3))).toBeNull();
  });

  it('finds object 2, not the end of object 12, and the last definition after an incremental update', () => {
    const bodies = [...catalog([3])];
    bodies.push(pageDict('/Contents 12 0 R'));
    while (bodies.length < 11) bodies.push('null');
    bodies.push(streamObj(''));
    const pdf = fx.rawPdf(bodies);
    expect(pageHasContent(pdf, page(3))).toBe(false);
    // "2 0 obj" is also the tail of "12 0 obj": object 2 is the page tree, not a page
    expect(pageHasContent(pdf, page(2))).toBeNull();
    // an update appends a new version of the page with content
    const updated = Buffer.concat([pdf, Buffer.from(`3 0 obj\n${pageDict('/Contents 13 0 R')}\nendobj\n13 0 obj\n${streamObj('0 0 m 10 10 l S')}\nendobj\n`, 'latin1')]);
    expect(pageHasContent(updated, page(3))).toBe(true);
  });
});

describe('inspectFile: the blank check without and with a second pdf.js pass', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pdf-contents-'));
    await warmUpInspector();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const inspect = (pdf: Buffer, name: string) => {
    const path = join(dir, name);
    writeFileSync(path, pdf);
    return inspectFile(path, 'application/pdf');
  };

  it('settles image pages and empty pages from the bytes, and asks pdf.js again when the bytes cannot tell', async () => {
    const resources = '/Resources << /XObject << /Im0 9 0 R >> >>';
    const readable = fx.rawPdf([
      ...catalog([3, 4, 5]),
      pageDict(`${resources} /Contents 6 0 R`),
      pageDict('/Contents 7 0 R'),
      pageDict(''),
      streamObj('q 100 0 0 100 0 0 cm /Im0 Do Q'),
      streamObj(''),
      'null',
      image,
    ]);
    expect(await inspect(readable, 'a.pdf')).toEqual({ ok: true, pages: 3, warnings: [blankPageWarning(2), blankPageWarning(3)] });

    // the same pages with indirect lengths: only pdf.js's lenient pass can tell the image page from the empty one
    const indirect = fx.rawPdf([
      ...catalog([3, 4]),
      pageDict(`${resources} /Contents 6 0 R`),
      pageDict('/Contents 7 0 R'),
      'null',
      '<< /Length 10 0 R >>\nstream\nq 100 0 0 100 0 0 cm /Im0 Do Q\nendstream',
      '<< /Length 11 0 R >>\nstream\n\nendstream',
      'null',
      image,
      '30',
      '0',
    ]);
    expect(await inspect(indirect, 'b.pdf')).toEqual({ ok: true, pages: 2, warnings: [blankPageWarning(2)] });
  });
});
