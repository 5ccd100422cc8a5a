import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectFile, warmUpInspector } from '../../../electron/files';
import { blankPageWarning } from '../../../electron/files/inspect';
import { showsContent } from '../../../electron/files/pdf-contents';
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
const DRAW = 'q 100 0 0 100 0 0 cm /Im0 Do Q';
const RESOURCES = '/Resources << /XObject << /Im0 9 0 R >> >>';
/** A 2×2 grey image XObject, for pages that paint an image. */
const IMAGE = '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x80\x80\x80\nendstream';

describe('showsContent: a page that draws, read straight from the bytes', () => {
  it('sees the content of scanned pages drawn by pdfkit (compressed) and of plain, arrayed and updated streams', async () => {
    const pdf = await fx.pdfkitPdf([fx.imagePage(fx.jpeg(64, 64)), fx.textPage('Trang 2')]);
    const refs = [...pdf.toString('latin1').matchAll(/(\d+) 0 obj\s*<<[^>]*\/Type \/Page\b/g)].map((m) => page(Number(m[1])));
    expect(refs).toHaveLength(2);
    for (const ref of refs) expect(showsContent(pdf, ref)).toBe(true);

    const plain = fx.rawPdf([
      ...catalog([3, 4, 5]),
      pageDict('/Contents 6 0 R'),
      pageDict('/Contents [7 0 R 6 0 R]'),
      pageDict('/Contents 8 0 R'),
      streamObj(`% một chú thích\n${DRAW}`),
      streamObj('  \r\n'),
      streamObj(deflateSync(Buffer.from(DRAW)), '/Filter [/FlateDecode] '),
    ]);
    expect([3, 4, 5].map((n) => showsContent(plain, page(n)))).toEqual([true, true, true]);
  });

  it('does not tell (false) for a page with nothing: no contents, empty, white-space or comment-only streams', () => {
    const pdf = fx.rawPdf([
      ...catalog([3, 4, 5, 6, 7]),
      pageDict(''),
      pageDict('/Contents 8 0 R'),
      pageDict('/Contents [9 0 R 10 0 R]'),
      pageDict('/Contents 11 0 R'),
      pageDict('/Contents 12 0 R'),
      streamObj(''),
      streamObj('  \r\n\t'),
      streamObj('% chỉ có chú thích\n%và thêm một dòng'),
      streamObj(deflateSync(Buffer.alloc(0)), '/Filter /FlateDecode '),
      streamObj(deflateSync(Buffer.from('  % x\n')), '/Filter /Fl '),
    ]);
    expect([3, 4, 5, 6, 7].map((n) => showsContent(pdf, page(n)))).toEqual([false, false, false, false, false]);
  });

  it('does not tell (false) for content it cannot read plainly, leaving it to pdf.js', () => {
    const pdf = fx.rawPdf([
      ...catalog([3, 4, 5, 6, 7, 8, 9, 10]),
      pageDict('/Contents 11 0 R'), // indirect /Length
      pageDict('/Contents 12 0 R'), // another filter
      pageDict('/Contents 13 0 R'), // a chain of filters
      pageDict('/Contents 14 0 R'), // predictor parameters
      pageDict('/Contents 99 0 R'), // no such object (inside an object stream, say)
      pageDict('/Contents 15 0 R'), // broken zlib
      pageDict('/Contents 16 0 R'), // a /Length that does not end at endstream
      '<< /Type /Page /Parent 2 0 R /Cont#65nts 17 0 R >>', // an escaped name
      '<< /Length 18 0 R >>\nstream\nq Q\nendstream',
      streamObj('71 20 51', '/Filter /ASCIIHexDecode '),
      streamObj(DRAW, '/Filter [/ASCII85Decode /FlateDecode] '),
      streamObj(deflateSync(Buffer.from(DRAW)), '/Filter /FlateDecode /DecodeParms << /Predictor 12 >> '),
      streamObj('not zlib at all', '/Filter /FlateDecode '),
      `<< /Length 0 >>\nstream\n${DRAW}\nendstream`,
      streamObj(DRAW),
      '3',
    ]);
    expect([3, 4, 5, 6, 7, 8, 9, 10].map((n) => showsContent(pdf, page(n)))).toEqual(Array(8).fill(false));
    // not a page: the catalog and the page tree
    expect(showsContent(pdf, page(1))).toBe(false);
    expect(showsContent(pdf, page(2))).toBe(false);
  });

  it('is not fooled by "stream" or "endobj" in a string of the page, object 12 for object 2, or an encrypted file', () => {
    const pdf = fx.rawPdf([
      ...catalog([3, 4]),
      pageDict('/PieceInfo << /App << /Private (upstream) >> >> /Contents 5 0 R'),
      pageDict('/Annots [<< /Subtype /Text /T (endobj) >>] /Contents 5 0 R'),
      streamObj(DRAW),
    ]);
    expect(showsContent(pdf, page(3))).toBe(false);
    expect(showsContent(pdf, page(4))).toBe(false);

    const bodies = [...catalog([3]), pageDict('/Contents 12 0 R')];
    while (bodies.length < 11) bodies.push('null');
    bodies.push(streamObj(DRAW));
    const twelve = fx.rawPdf(bodies);
    expect(showsContent(twelve, page(3))).toBe(true);
    expect(showsContent(twelve, page(2))).toBe(false); // "2 0 obj" is also the tail of "12 0 obj"
    // an update appends a new version of the page: the last one is read
    const updated = Buffer.concat([twelve, Buffer.from(`3 0 obj\n${pageDict('/Contents 13 0 R')}\nendobj\n13 0 obj\n${streamObj('')}\nendobj\n`, 'latin1')]);
    expect(showsContent(updated, page(3))).toBe(false);

    const encrypted = Buffer.from(twelve.toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 4 0 R'), 'latin1');
    expect(showsContent(encrypted, page(3))).toBe(false);
  });
});

describe('inspectFile: the blank check, settled from the bytes or by a second pdf.js pass', () => {
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

  it('warns about empty pages only, whether the image pages are read from the bytes or only pdf.js can tell', async () => {
    const plain = fx.rawPdf([
      ...catalog([3, 4, 5]),
      pageDict(`${RESOURCES} /Contents 6 0 R`),
      pageDict('/Contents 7 0 R'),
      pageDict(''),
      streamObj(DRAW),
      streamObj(''),
      'null',
      IMAGE,
    ]);
    expect(await inspect(plain, 'a.pdf')).toEqual({ ok: true, pages: 3, warnings: [blankPageWarning(2), blankPageWarning(3)] });

    // Image pages the bytes do not settle (indirect /Length, a string holding "stream" before /Contents, a /Length
    // that does not end at endstream): pdf.js's lenient pass finds them drawing, and the empty page is still blank.
    const unplain = fx.rawPdf([
      ...catalog([3, 4, 5, 6]),
      pageDict(`${RESOURCES} /Contents 10 0 R`),
      pageDict(`/PieceInfo << /App << /Private (upstream) >> >> ${RESOURCES} /Contents 12 0 R`),
      pageDict(`${RESOURCES} /Contents 13 0 R`),
      pageDict('/Contents 14 0 R'),
      'null',
      'null',
      IMAGE,
      `<< /Length 11 0 R >>\nstream\n${DRAW}\nendstream`,
      String(DRAW.length),
      streamObj(DRAW),
      `<< /Length 3 >>\nstream\n${DRAW}\nendstream`,
      '<< /Length 15 0 R >>\nstream\n\nendstream',
      '0',
    ]);
    expect(await inspect(unplain, 'b.pdf')).toEqual({ ok: true, pages: 4, warnings: [blankPageWarning(4)] });
  });
});
