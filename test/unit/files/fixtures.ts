/** Real test files built at test time: PDFs (pdfkit and hand-written), baseline JPEGs and PNGs. No binary fixtures. */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { crc32 } from '../../../electron/files/inspect';

type Doc = InstanceType<typeof PDFDocument>;

/** A PDF drawn with pdfkit; each entry of `pages` draws one page. */
export function pdfkitPdf(pages: Array<(doc: Doc) => void>, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, compress: true, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const draw of pages) {
      doc.addPage();
      draw(doc);
    }
    doc.end();
  });
}

export const textPage = (text: string) => (doc: Doc) => {
  doc.fontSize(14).text(text, 72, 72);
};
export const blankPage = () => (_doc: Doc) => {};
export const imagePage = (jpg: Buffer) => (doc: Doc) => {
  doc.image(jpg, 0, 0, { width: 595 });
};

/** A PDF written by hand from object bodies (object n is `bodies[n-1]`), with a correct xref table. */
export function rawPdf(bodies: string[], rootRef = '1 0 R'): Buffer {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root ${rootRef} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** A valid PDF whose page tree is empty: /Count 0, /Kids []. */
export const zeroPagePdf = () => rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);

/**
 * Three pages: 1 draws a filled rectangle, 2 has an empty content stream, 3 only sets state and clips (paints nothing).
 */
export const handWrittenPdf = () =>
  rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 8 0 R >>',
    stream('0.5 g 100 100 200 200 re f'),
    stream(''),
    stream('q 1 0 0 1 10 10 cm 2 w 0 0 595 842 re W n Q'),
  ]);

// ---------- images ----------

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit RGB PNG from its raw scanlines (each row: filter byte 0, then RGB triples). */
function encodePng(width: number, height: number, raw: Buffer, level = 6): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An 8-bit RGB PNG; `noise` fills it with random pixels (incompressible), else a gradient. */
export function png(width: number, height: number, noise = false): Buffer {
  const row = width * 3 + 1;
  const raw = noise ? randomBytes(row * height) : Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: None
    if (!noise) for (let x = 0; x < width * 3; x++) raw[y * row + 1 + x] = (x + y) & 0xff;
  }
  return encodePng(width, height, raw, noise ? 0 : 6);
}

/** An RGB PNG drawn by `pixel(x, y)` (scans for the end-to-end specs). */
export function drawPng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * row + 1 + x * 3);
  }
  return encodePng(width, height, raw);
}

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/**
 * A baseline grayscale JPEG, every 8×8 block flat mid-grey: one-code Huffman tables (DC category 0, AC end-of-block),
 * so each block is two 0 bits. `padTo` adds comment segments of random bytes until the file reaches that size.
 */
export function jpeg(width: number, height: number, padTo = 0): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  parts.push(segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')));
  parts.push(segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]))); // DQT 0, all ones
  const sof = Buffer.alloc(9);
  sof[0] = 8;
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  sof[5] = 1; // one component
  sof[6] = 1; // id
  sof[7] = 0x11; // 1×1 sampling
  sof[8] = 0; // quant table 0
  parts.push(segment(0xc0, sof));
  const oneCode = (tableClass: number) => {
    const bits = Buffer.alloc(16);
    bits[0] = 1; // one code of length 1
    return Buffer.concat([Buffer.from([tableClass << 4]), bits, Buffer.from([0x00])]);
  };
  parts.push(segment(0xc4, oneCode(0)), segment(0xc4, oneCode(1)));
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = Buffer.alloc(Math.ceil((blocks * 2) / 8));
  const usedBits = (blocks * 2) % 8;
  if (usedBits) scan[scan.length - 1] = 0xff >> usedBits; // pad the last byte with 1 bits
  parts.push(segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])), scan);
  let size = parts.reduce((n, p) => n + p.length, 2);
  const padding: Buffer[] = [];
  while (size < padTo) {
    const n = Math.min(65533, Math.max(1, padTo - size - 4));
    padding.push(segment(0xfe, randomBytes(n)));
    size += n + 4;
  }
  // comments go after the JFIF header and before the frame header, where EXIF data sits in a photo
  return Buffer.concat([...parts.slice(0, 2), ...padding, ...parts.slice(2), Buffer.from([0xff, 0xd9])]);
}

// ---------- streams ----------

/**
 * A stream of `total` bytes in 64 KB chunks, starting with `head`. With `fresh`, every chunk is a new allocation
 * (like fs.createReadStream), so a consumer that keeps chunks shows up in memory; otherwise two buffers are reused.
 */
export function generatedStream(total: number, head: Buffer, onChunk?: (index: number) => void, fresh = false): Readable {
  const size = 64 * 1024;
  const first = Buffer.alloc(size, 0x20);
  head.copy(first);
  const filler = Buffer.alloc(size, 0x20);
  let sent = 0;
  let index = 0;
  return new Readable({
    highWaterMark: size,
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      const n = Math.min(size, total - sent);
      onChunk?.(index++);
      const chunk = sent === 0 ? first : fresh ? Buffer.alloc(size, 0x20) : filler;
      this.push(chunk.subarray(0, n));
      sent += n;
    },
  });
}
